package ai.corti.examples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A few seconds of synthetic audio for the recording and dictation steps, generated (no binary file in the
 * repository): a WAV file (16 kHz, 16-bit, mono) of a soft
 * 440 Hz tone, cut into the 250 ms chunks the real-time API recommends. The file is exactly
 * {@code seconds * 32,000} bytes, header included, so every chunk is 8,000 bytes. The emulator transcribes its
 * fixed dictation whatever it hears; the real API hears a tone and no words.
 */
final class SampleAudio {

    static final int SAMPLE_RATE = 16_000;
    static final int CHUNK_BYTES = SAMPLE_RATE * 2 / 4; // 250 ms of 16-bit mono

    private SampleAudio() {
    }

    /**
     * A WAV file of the tone, as one array: what the recording step uploads.
     *
     * @param seconds how long it plays; the file is {@code seconds * 32,000} bytes
     * @return the file's bytes, the 44-byte header first
     */
    static byte[] wav(int seconds) {
        int dataBytes = seconds * SAMPLE_RATE * 2 - 44;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < dataBytes / 2; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE) * 3000));
        }
        return wav.array();
    }

    /**
     * The same file in 8,000-byte chunks, as a microphone would deliver it to the real-time API.
     *
     * @param seconds how long it plays
     * @return the chunks; the first one starts with the 44-byte header
     */
    static List<byte[]> wavChunks(int seconds) {
        byte[] all = wav(seconds);
        List<byte[]> chunks = new ArrayList<>();
        for (int offset = 0; offset < all.length; offset += CHUNK_BYTES) {
            chunks.add(Arrays.copyOfRange(all, offset, Math.min(all.length, offset + CHUNK_BYTES)));
        }
        return chunks;
    }
}
