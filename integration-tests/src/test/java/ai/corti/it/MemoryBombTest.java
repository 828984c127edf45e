package ai.corti.it;

import static ai.corti.client.core.testing.HostileServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiResponseTooLargeException;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.core.testing.HostileServer;
import ai.corti.it.support.Facade;
import ai.corti.it.support.InteractionsApi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Memory bombs with the default limits (16 MiB for answers, 1 MiB for errors and token answers), in a JVM with a
 * 64 MiB heap (the module's {@code memory-bombs} Surefire execution). An SDK that aggregates whatever the server
 * sends runs out of memory here, which fails this test instead of the build. Both facades.
 */
@Timeout(60)
class MemoryBombTest {

    private static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final long MIB = 1024L * 1024;
    /** 2 MiB on the wire, 2 GiB inflated. */
    private static HostileServer.Answer gzipBomb;

    private final HostileServer server = HostileServer.start();
    private InteractionsApi api;

    @BeforeAll
    static void heapIsSmall() {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test runs in the small-heap fork").isLessThan(100 * MIB);
        gzipBomb = HostileServer.gzipBomb(200, 2048 * MIB);
    }

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        server.close();
    }

    private void connect(Facade facade) {
        api = facade.connect(b -> b.tenantName("base").baseUrl(server.url() + "/v2").tokenUrl(server.url() + TOKEN_PATH)
                .clientCredentials("bomb-client", "bomb-secret").responseTimeout(Duration.ofSeconds(30)));
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void twoHundredMebibytesOfJsonAreRefusedAtSixteen(Facade facade) {
        connect(facade);
        server.enqueue(json(200, Fixtures.token("t", 300)),
                HostileServer.huge(200, "application/json", 200 * MIB, false, (byte) ' '));

        assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiResponseTooLargeException.class)
                .hasMessageContaining(16 * MIB + "-byte limit");
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aTwoMebibyteGzipInflatingToTwoGibibytesIsRefused(Facade facade) {
        connect(facade);
        server.enqueue(json(200, Fixtures.token("t", 300)), gzipBomb);

        assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiResponseTooLargeException.class);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aHugeErrorBodyIsRefusedAtOneMebibyte(Facade facade) {
        connect(facade);
        server.enqueue(json(200, Fixtures.token("t", 300)),
                HostileServer.huge(502, "text/html", 200 * MIB, true, (byte) 'x'));

        assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiResponseTooLargeException.class)
                .hasMessageContaining(MIB + "-byte limit");
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void aHugeTokenAnswerFailsOneFetchAndTheClientRecovers(Facade facade) {
        connect(facade);
        server.enqueue(HostileServer.huge(200, "application/json", 200 * MIB, false, (byte) ' '),
                json(200, Fixtures.token("t", 300)), json(200, Fixtures.interaction(ID)));

        assertThat(catchThrowable(() -> api.get(ID))).isInstanceOf(CortiAuthenticationException.class)
                .hasMessageContaining(MIB + "-byte limit");
        assertThat(api.get(ID).getId()).isEqualTo(ID);
        assertThat(server.received(TOKEN_PATH)).hasSize(2);
    }
}
