/**
 * Real-time sessions for the reactive client: {@link ai.corti.client.reactive.streams.ReactiveStreamsClient}
 * ({@code /streams}, live transcript and facts of an interaction) and
 * {@link ai.corti.client.reactive.streams.ReactiveTranscribeClient} ({@code /transcribe}, dictation), both
 * opening a {@link ai.corti.client.reactive.streams.ReactiveStreamSession}.
 */
package ai.corti.client.reactive.streams;
