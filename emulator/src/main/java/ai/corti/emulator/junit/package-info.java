/**
 * JUnit 5 support: {@link ai.corti.emulator.junit.CortiEmulatorTest} and
 * {@link ai.corti.emulator.junit.CortiEmulatorExtension} give tests a running emulator and SDK clients by parameter
 * injection. Needs {@code junit-jupiter-api} on the test classpath (the emulator declares it optional).
 */
package ai.corti.emulator.junit;
