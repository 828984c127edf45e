package ai.corti.emulator;

import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every API call needs a current token of the tenant it names. Expiry is driven by an injected clock: the
 * tests move it instead of sleeping.
 */
class AuthTest {

    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private CortiEmulator emulator;
    private RawHttp http;

    @BeforeEach
    void start() {
        emulator = CortiEmulator.builder().clock(clock).tokenLifetime(Duration.ofSeconds(60)).start();
        http = new RawHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aCallWithoutATokenIs401WithABearerChallengeAndNoBody() {
        HttpResponse<String> response = http.call("GET", "/interactions/", null, "base", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anUnknownTokenIsRefusedAsInvalid() {
        HttpResponse<String> response = http.call("GET", "/interactions/", "made-up", "base", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aTokenWorksUntilItsLifetimeEndsByTheInjectedClock() {
        String token = http.token("base");

        clock.advance(Duration.ofSeconds(59));
        assertThat(http.call("GET", "/interactions/", token, "base", null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = http.call("GET", "/interactions/", token, "base", null);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"").contains("expired");
        assertThat(expired.body()).isEmpty();
    }

    @Test
    void aTokenFromOneTenantsRealmIsRefusedForAnother() {
        String tokenOfA = http.token("tenant-a");

        HttpResponse<String> response = http.call("GET", "/interactions/", tokenOfA, "tenant-b", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RawHttp.json(response).get("status").asInt()).isEqualTo(403);
    }

    @Test
    void tenantNameIsRequired() {
        HttpResponse<String> response = http.call("GET", "/interactions/", http.token("base"), null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(response).get("validationErrors").get(0).get("Tenant-Name").asText())
                .isEqualTo("is required");
    }

    @Test
    void theSdkFetchesANewTokenWhenTheOldOneExpires() {
        // The client shares the clock: it sees the token age and refreshes ahead of expiry, without a 401.
        try (CortiClient client = emulator.configure(CortiClient.builder()).clock(clock).build()) {
            client.interactions().list().stream().count();
            clock.advance(Duration.ofSeconds(61));
            client.interactions().list().stream().count();
        }

        assertThat(emulator.exchanges()).filteredOn(e -> RecordedExchange.TOKEN.equals(e.operationId())).hasSize(2);
        assertThat(emulator.exchanges()).filteredOn(RecordedExchange::isApiCall)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void theSdkRecoversFromA401ByFetchingANewToken() {
        // The client's own clock does not move: only the emulator knows the token expired, and answers 401.
        try (CortiClient client = emulator.configure(CortiClient.builder()).build()) {
            client.interactions().list().stream().count();
            clock.advance(Duration.ofMinutes(5));
            client.interactions().list().stream().count();
        }

        assertThat(emulator.exchanges()).extracting(RecordedExchange::status)
                .containsExactly(200, 200, 401, 200, 200);
        assertThat(emulator.exchanges().get(1).requestHeader("Authorization")).hasValue("Bearer ***");
    }
}
