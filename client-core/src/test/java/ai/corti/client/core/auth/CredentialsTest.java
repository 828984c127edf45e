package ai.corti.client.core.auth;

import ai.corti.client.core.internal.auth.RefreshingTokenProvider;
import ai.corti.client.core.internal.auth.StaticTokenProvider;
import ai.corti.client.core.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.CortiEnvironment;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.testing.TestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What credentials, tokens and options print: never the secret or the token. */
class CredentialsTest {

    private static final String SECRET = "cs-SECRET-5b1e9c";
    private static final String TOKEN = "eyJ-TOKEN-8d2f4a";

    @Test
    void clientCredentialsHideTheSecret() {
        Credentials credentials = new Credentials.ClientCredentials("my-client", SECRET, List.of("extra"));

        assertThat(credentials.toString()).contains("my-client").contains("extra").contains("***")
                .doesNotContain(SECRET);
    }

    @Test
    void bearerTokenHidesTheToken() {
        assertThat(new Credentials.BearerToken(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new StaticTokenProvider(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new Credentials.Custom(new StaticTokenProvider(TOKEN)).toString()).doesNotContain(TOKEN);
    }

    @Test
    void accessTokenShowsTheExpiryButNotTheValue() {
        Instant expiry = Instant.parse("2025-01-01T10:05:00Z");
        AccessToken token = new AccessToken(TOKEN, expiry);

        assertThat(token.toString()).contains(expiry.toString()).doesNotContain(TOKEN);
        assertThat(AccessToken.nonExpiring(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new RefreshingTokenProvider(() -> Mono.just(token), new MutableClock(expiry),
                Duration.ofMinutes(2), Duration.ofSeconds(5), Schedulers.parallel()).toString()).doesNotContain(TOKEN);
    }

    @Test
    void optionsWithClientCredentialsHideTheSecret() {
        CortiClientOptions options = TestOptions.builder().tenantName("base").environment(CortiEnvironment.EU)
                .clientCredentials("my-client", SECRET).build();

        assertThat(options.toString())
                .contains("tenantName=base")
                .contains("https://auth.eu.corti.app/realms/base/protocol/openid-connect/token")
                .contains("my-client")
                .doesNotContain(SECRET);
    }

    @Test
    void optionsWithABearerTokenHideTheTokenAndDefaultHeaderValues() {
        CortiClientOptions options = TestOptions.builder().tenantName("base").environment(CortiEnvironment.US)
                .bearerToken(TOKEN).defaultHeader("X-Api-Key", SECRET).build();

        assertThat(options.toString()).contains("X-Api-Key").doesNotContain(TOKEN).doesNotContain(SECRET);
    }

    @Test
    void requestOptionsHideHeaderValues() {
        RequestOptions options = RequestOptions.builder().header("X-Api-Key", SECRET).build();

        assertThat(options.toString()).contains("X-Api-Key").doesNotContain(SECRET);
    }

    @Test
    void rejectedTokensAreNotQuotedInTheMessage() {
        assertThatThrownBy(() -> new Credentials.BearerToken(TOKEN + "\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> new AccessToken(TOKEN + "\n", Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> TestOptions.builder().tenantName("base").environment(CortiEnvironment.EU)
                .bearerToken(TOKEN).defaultHeader("X-Key", SECRET + "\r\n").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void blankSecretIsRejectedByName() {
        assertThatThrownBy(() -> new Credentials.ClientCredentials("my-client", " ", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientSecret must not be blank");
    }
}
