package ai.corti.client.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload content: a file's media type from its extension, and what cannot be sent refused before any call. */
class BinaryContentTest {

    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {1, 2, 3});
    }

    @Test
    void aFileIsSentWithTheTypeItsExtensionNames() throws IOException {
        assertThat(BinaryContent.fromFile(file("visit.WAV")).mediaType()).hasValue("audio/wav");
        assertThat(BinaryContent.fromFile(file("visit.mp3")).mediaType()).hasValue("audio/mpeg");
        assertThat(BinaryContent.fromFile(file("visit.webm")).mediaType()).hasValue("audio/webm");
        assertThat(BinaryContent.fromFile(file("visit.m4a")).length()).isEqualTo(3);
    }

    @Test
    void anUnknownExtensionKeepsTheOperationsType() throws IOException {
        assertThat(BinaryContent.fromFile(file("visit.raw")).mediaType()).isEmpty();
        assertThat(BinaryContent.fromFile(file("noextension")).mediaType()).isEmpty();
        assertThat(BinaryContent.of(file("visit.wav")).mediaType()).as("of(..) never guesses").isEmpty();
    }

    @Test
    void whatCannotBeReadIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> BinaryContent.fromFile(dir.resolve("missing.wav")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.wav");
        assertThatThrownBy(() -> BinaryContent.fromFile(dir)).isInstanceOf(IllegalArgumentException.class);
    }
}
