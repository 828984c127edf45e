package ai.corti.client.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.internal.error.Redactor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The in-memory body: bytes kept in order across blocks, never a block over 64 KiB (so never one large array, which a
 * small fragmented heap may not have room for), the limit checked before anything of a chunk is kept.
 */
class BoundedBodyTest {

    @Test
    void chunksOfAnySizeComeBackInOrderInSmallBlocks() throws Exception {
        byte[] expected = new byte[1_000_003];
        new Random(7).nextBytes(expected);
        BoundedBody body = new BoundedBody(16L * 1024 * 1024, -1);
        int at = 0;
        int[] sizes = {1, 17, 65_535, 65_536, 65_537, 200_000, 3};
        for (int i = 0; at < expected.length; i++) {
            int n = Math.min(sizes[i % sizes.length], expected.length - at);
            append(body, Arrays.copyOfRange(expected, at, at + n));
            at += n;
        }

        BodyBytes read = body.bytes();

        assertThat(read.length()).isEqualTo(expected.length);
        assertThat(readAll(read.stream())).isEqualTo(expected);
        assertThat(read.toArray()).isEqualTo(expected);
        assertThat(read.prefix(10)).isEqualTo(Arrays.copyOf(expected, 10));
        assertThat(blocks(read)).allSatisfy(block -> assertThat(block.length).isLessThanOrEqualTo(BodyBytes.BLOCK));
    }

    @Test
    void aSmallAnnouncedBodyIsOneExactBlock() throws Exception {
        BoundedBody body = new BoundedBody(1024, 5);
        append(body, "hel".getBytes(StandardCharsets.UTF_8));
        append(body, "lo".getBytes(StandardCharsets.UTF_8));

        assertThat(blocks(body.bytes())).hasSize(1).first().satisfies(b -> assertThat(b).hasSize(5));
        assertThat(new String(body.bytes().toArray(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void aBodyLongerThanAnnouncedStillComesBackWhole() {
        BoundedBody body = new BoundedBody(1024, 2);
        append(body, "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(body.bytes().toArray(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void theChunkThatWouldPassTheLimitFailsTheRead() {
        BoundedBody body = new BoundedBody(10, -1);
        append(body, new byte[6]);

        assertThatThrownBy(() -> append(body, new byte[5])).isInstanceOf(BoundedBody.BodyTooLargeException.class);
        assertThat(body.bytes().length()).isEqualTo(6);
    }

    @Test
    void anEmptyBodyIsEmpty() throws IOException {
        BodyBytes read = new BoundedBody(10, 0).bytes();

        assertThat(read.length()).isZero();
        assertThat(read.toArray()).isEmpty();
        assertThat(read.stream().read()).isEqualTo(-1);
    }

    @Test
    void anExcerptOfALargeBodyNeverShowsPartOfASecretSplitByTheCut() {
        String token = "tok-" + "x".repeat(60) + "-end";
        Redactor redactor = new Redactor();
        redactor.addToken(token);
        // The token starts 10 bytes before the excerpt's source ends: its start alone is in the part read.
        int before = Redactor.EXCERPT_SOURCE_BYTES - 10;
        byte[] large = (" ".repeat(before) + token + "a".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        String excerpt = redactor.excerpt(BodyBytes.of(large), 200);

        assertThat(excerpt).doesNotContain("tok-").doesNotContain("xxxx");
    }

    private static void append(BoundedBody body, byte[] bytes) {
        ByteBuf chunk = Unpooled.wrappedBuffer(bytes);
        try {
            body.append(chunk);
        } finally {
            chunk.release();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> blocks(BodyBytes bytes) throws ReflectiveOperationException {
        Field field = BodyBytes.class.getDeclaredField("blocks");
        field.setAccessible(true);
        return (List<byte[]>) field.get(bytes);
    }
}
