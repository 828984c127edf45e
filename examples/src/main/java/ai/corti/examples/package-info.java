/**
 * The SDK walkthrough: {@link ai.corti.examples.Walkthrough}, runnable from the README with one Maven command.
 */
package ai.corti.examples;
