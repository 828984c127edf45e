/** The reactive facade of the Corti SDK. */
package ai.corti.client.reactive;
