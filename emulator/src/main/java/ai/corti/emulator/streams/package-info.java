/**
 * The emulator's real-time endpoints: {@code /audio-bridge/v2/interactions/{id}/streams} and
 * {@code /audio-bridge/v2/transcribe} speak Corti's WebSocket protocols deterministically (transcripts per
 * amount of audio from a fixed dialogue, facts by the emulator's clock, commands for registered phrases,
 * {@code flush} and {@code end}), with fault injection and scripting through
 * {@link ai.corti.emulator.streams.StreamControls} ({@code CortiEmulator.streams()}).
 */
package ai.corti.emulator.streams;
