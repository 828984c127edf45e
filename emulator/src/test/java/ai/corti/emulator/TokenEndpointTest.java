package ai.corti.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token endpoint answers like Keycloak: body shapes, statuses and error codes. */
class TokenEndpointTest {

    private static CortiEmulator emulator;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.builder().clientCredentials("my-client", "my-secret")
                .tokenLifetime(Duration.ofSeconds(120)).start();
        http = new RawHttp(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void clientCredentialsGrantAnswersAKeycloakStyleToken() {
        HttpResponse<String> response = http.tokenRequest("base",
                "grant_type=client_credentials&scope=openid&client_id=my-client&client_secret=my-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode token = RawHttp.json(response);
        assertThat(token.get("access_token").asText()).hasSizeGreaterThan(30);
        assertThat(token.get("expires_in").asLong()).isEqualTo(120);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("refresh_expires_in").asInt()).isZero();
        assertThat(token.get("scope").asText()).isEqualTo("openid");
    }

    @Test
    void theClientMayAuthenticateWithHttpBasic() {
        String basic = Base64.getEncoder().encodeToString("my-client:my-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl("base")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSecretOrUnknownClientIsInvalidClient() {
        for (String form : new String[] {
            "grant_type=client_credentials&client_id=my-client&client_secret=wrong",
            "grant_type=client_credentials&client_id=someone&client_secret=my-secret",
            "grant_type=client_credentials"}) {
            HttpResponse<String> response = http.tokenRequest("base", form);

            assertThat(response.statusCode()).as(form).isEqualTo(401);
            JsonNode error = RawHttp.json(response);
            assertThat(error.get("error").asText()).isEqualTo("invalid_client");
            assertThat(error.get("error_description").asText()).isNotBlank();
        }
    }

    @Test
    void aMissingOrUnsupportedGrantIsABadRequest() {
        HttpResponse<String> missing = http.tokenRequest("base", "client_id=my-client&client_secret=my-secret");
        HttpResponse<String> password = http.tokenRequest("base",
                "grant_type=password&client_id=my-client&client_secret=my-secret");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(missing).get("error").asText()).isEqualTo("invalid_request");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(RawHttp.json(password).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void onlyAFormPostIsAccepted() {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl("base"))).GET());
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl("base")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")));

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json.statusCode()).isEqualTo(400);
    }

    @Test
    void theRecordedExchangeNeverHoldsTheSecretOrTheToken() {
        emulator.clearExchanges();
        String token = http.token("base");

        RecordedExchange exchange = emulator.exchanges().get(0);
        assertThat(exchange.operationId()).isEqualTo(RecordedExchange.TOKEN);
        assertThat(exchange.tenant()).isEqualTo("base");
        assertThat(exchange.requestBody()).contains("client_secret=***").doesNotContain("my-secret");
        assertThat(exchange.responseBody()).contains("\"access_token\":\"***\"").doesNotContain(token);
        assertThat(emulator.toString()).doesNotContain("my-secret");
    }
}
