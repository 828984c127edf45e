package ai.corti.client.core.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class CredentialQueryHandlerTest {

    @Test
    void theTokenIsAddedToTheUpgradeRequestOnceThenTheHandlerLeaves() {
        CredentialQueryHandler handler = new CredentialQueryHandler("a+b/c=");
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        FullHttpRequest upgrade = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                "/audio-bridge/v2/transcribe?tenant-name=base");

        channel.writeOutbound(upgrade);

        FullHttpRequest written = channel.readOutbound();
        assertThat(written.uri()).isEqualTo("/audio-bridge/v2/transcribe?tenant-name=base&token=Bearer%20a%2Bb%2Fc%3D");
        assertThat(channel.pipeline().get(CredentialQueryHandler.class)).isNull();
        assertThat(handler.toString()).doesNotContain("a+b");
        written.release();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void aRequestWithoutQueryGetsOne() {
        EmbeddedChannel channel = new EmbeddedChannel(new CredentialQueryHandler("t"));
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/x"));

        FullHttpRequest written = channel.readOutbound();
        assertThat(written.uri()).isEqualTo("/x?token=Bearer%20t");
        written.release();
        channel.finishAndReleaseAll();
    }
}
