/**
 * Corti's real-time WebSocket APIs, shared by both facades: the typed, validated configurations
 * ({@link ai.corti.client.core.streams.StreamConfiguration} for {@code /streams},
 * {@link ai.corti.client.core.streams.TranscribeConfiguration} for {@code /transcribe}), the sealed hierarchy
 * of server messages ({@link ai.corti.client.core.streams.StreamMessage},
 * {@link ai.corti.client.core.streams.TranscribeMessage}), per-session
 * {@link ai.corti.client.core.streams.StreamOptions} and the stream exceptions. Sessions themselves are opened
 * through {@code CortiReactiveClient.streams()} / {@code transcribe()} or their blocking counterparts.
 */
package ai.corti.client.core.streams;
