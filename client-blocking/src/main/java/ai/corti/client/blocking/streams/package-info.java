/**
 * Real-time sessions for the blocking client: {@link ai.corti.client.blocking.streams.StreamsClient}
 * ({@code /streams}) and {@link ai.corti.client.blocking.streams.TranscribeClient} ({@code /transcribe}), both
 * opening a {@link ai.corti.client.blocking.streams.StreamSession} read with a
 * {@link ai.corti.client.blocking.streams.StreamListener} or an iterator.
 */
package ai.corti.client.blocking.streams;
