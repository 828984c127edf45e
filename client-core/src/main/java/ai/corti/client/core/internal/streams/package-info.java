/**
 * The real-time protocol machinery behind both facades' stream sessions: the connector and its registry of
 * open sessions, the per-session state machine, the strict message decoders, configuration JSON, the stream
 * address and the handler that adds the token to the upgrade request below any logging. Internal to the SDK:
 * use {@code CortiReactiveClient.streams()} / {@code transcribe()} or their blocking counterparts.
 */
package ai.corti.client.core.internal.streams;
