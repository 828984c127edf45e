package ai.corti.client.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TLS path of the transport on the SDK's own classpath: Corti's API is https only, and Reactor Netty 1.3 checks
 * for QUIC when it first sets up TLS. With the QUIC classes excluded every https call failed with
 * {@code NoClassDefFoundError} while every loopback test (plain http) passed. Here an https call to a socket that
 * hangs up mid-handshake must end as the SDK's own transport failure.
 */
class HttpsPathTest {

    @Test
    @Timeout(30)
    void anHttpsCallReachesTheTlsHandshake() throws Exception {
        AtomicInteger bytesOfClientHello = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                    byte[] record = new byte[5]; // a TLS record header: the client did start a handshake
                    bytesOfClientHello.set(in.readNBytes(record, 0, record.length));
                } catch (IOException e) {
                    // the test's assertions say what went wrong
                }
            }, "https-path-test");
            hangUp.start();

            try (HttpPipeline pipeline = new HttpPipeline(TestOptions.builder().tenantName("base")
                    .baseUrl("https://127.0.0.1:" + server.getLocalPort() + "/v2").bearerToken("test-token")
                    .maxRetries(0).build())) {
                Throwable thrown = catchThrowable(() -> pipeline.execute(ApiRequest.of("GET", "/interactions/"),
                        JsonNode.class, RequestOptions.DEFAULT).block(Duration.ofSeconds(20)));

                assertThat(thrown).isInstanceOf(CortiTransportException.class);
            }
            hangUp.join(Duration.ofSeconds(10).toMillis());
            assertThat(bytesOfClientHello).hasValue(5);
        }
    }
}
