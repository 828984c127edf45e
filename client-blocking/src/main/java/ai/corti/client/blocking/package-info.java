/**
 * The blocking facade of the Corti SDK, for applications that call methods and wait for results.
 * Start at {@link ai.corti.client.blocking.CortiClient}.
 */
package ai.corti.client.blocking;
