/** The engine shared by both Corti SDK facades: configuration, auth, transport, errors, retries and paging. */
package ai.corti.client.core;
