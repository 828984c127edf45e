/** The blocking facade of the Corti SDK. */
package ai.corti.client.blocking;
