package ai.corti.client.core;

import ai.corti.client.core.internal.SdkVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.core.testing.TestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

/** Builder validation: every mistake is refused when the client is built, with a message naming the setting. */
class CortiClientBuilderTest {

    /** A builder that would build: tenant, EU environment, bearer token. */
    private static TestOptions valid() {
        return TestOptions.builder().tenantName("base").environment(CortiEnvironment.EU).bearerToken("token");
    }

    /** A builder with tenant and bearer token but no environment, for custom URLs. */
    private static TestOptions custom() {
        return TestOptions.builder().tenantName("base").bearerToken("token");
    }

    private static CortiClientOptions build(UnaryOperator<TestOptions> change) {
        return change.apply(valid()).build();
    }

    private static void assertRefused(UnaryOperator<TestOptions> change, String message) {
        assertThatThrownBy(() -> build(change)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theDefaults() {
        CortiClientOptions options = valid().build();
        assertThat(options.tenantName()).isEqualTo("base");
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.callTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.retry()).isEqualTo(RetryOptions.DEFAULT);
        assertThat(options.scheduler()).as("each client makes its own timer").isNull();
        assertThat(options.maxResponseSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(options.maxErrorResponseSize()).isEqualTo(1024L * 1024);
        assertThat(options.defaultHeaders()).isEmpty();
        assertThat(options.userAgent()).isEqualTo(SdkVersion.USER_AGENT);
        assertThat(options.tokenUrl()).as("no token URL for a bearer token").isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void aBlankTenantIsRefused(String tenant) {
        assertRefused(b -> b.tenantName(tenant), "tenantName must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base\r\nX-Injected: 1", "base\n", "ba\rse", "base\u0000"})
    void crOrLfInTheTenantIsRefused(String tenant) {
        assertThatThrownBy(() -> valid().tenantName(tenant).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tenantName may contain only letters, digits");
    }

    @Test
    void crOrLfInADefaultHeaderValueIsRefusedNamingTheHeaderNotTheValue() {
        assertThatThrownBy(() -> build(b -> b.defaultHeader("X-Team", "a\r\nX-Injected: secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header 'X-Team' may contain only visible ASCII, space and tab")
                .hasMessageNotContaining("secret");
        assertRefused(b -> b.defaultHeader("X-Team", null), "header 'X-Team' must not be null");
        assertRefused(b -> b.userAgentSuffix("app/1\n"),
                "userAgentSuffix may contain only visible ASCII, space and tab (character U+000A at index 5)");
    }

    @Test
    void crOrLfInTheBearerTokenIsRefused() {
        assertThatThrownBy(() -> valid().bearerToken("abc\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bearerToken may contain only visible ASCII, space and tab");
        assertThatThrownBy(() -> valid().bearerToken("abc\n"))
                .hasMessage("bearerToken may contain only visible ASCII, space and tab");
        assertThatThrownBy(() -> valid().bearerToken(" ")).hasMessage("bearerToken must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION", "Tenant-Name", "Host", "Content-Length",
            "Content-Type", "Transfer-Encoding"})
    void headersTheSdkOwnsCannotBeDefaultHeaders(String name) {
        assertRefused(b -> b.defaultHeader(name, "x"),
                "defaultHeader '" + name + "' is set by the SDK itself and cannot be overridden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Team", "X-Team:", "Bad\r\nHeader", "X(1)"})
    void aHeaderNameMustBeAnHttpToken(String name) {
        assertThatThrownBy(() -> build(b -> b.defaultHeader(name, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header name")
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @Test
    void customHeadersAndUserAgentSuffixAreKept() {
        CortiClientOptions options = build(b -> b.defaultHeader("X-Team", "care").userAgentSuffix("my-app/1.2"));
        assertThat(options.defaultHeaders()).containsExactly(java.util.Map.entry("X-Team", "care"));
        assertThat(options.userAgent()).isEqualTo(SdkVersion.USER_AGENT + " my-app/1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.eu.corti.app/v2", "http://10.0.0.5:8080/v2", "http://localhost.example.com/v2",
            "http://127.0.0.1.nip.io/v2"})
    void plainHttpIsRefusedForAnyHostButThisMachine(String url) {
        assertThatThrownBy(() -> custom().baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseUrl must use https (plain http is allowed only for localhost, 127.0.0.1 and [::1]), was "
                        + url);
        assertThatThrownBy(() -> custom().baseUrl("https://api.eu.corti.app/v2").tokenUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenUrl must use https (plain http is allowed only for localhost, 127.0.0.1 and [::1]), was "
                        + url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/v2", "http://LOCALHOST/v2", "http://127.0.0.1:1234/v2",
            "http://[::1]:8080/v2", "https://proxy.example.com/v2"})
    void plainHttpIsAllowedOnThisMachineAndHttpsEverywhere(String url) {
        CortiClientOptions options = custom().baseUrl(url).build();
        assertThat(options.baseUrl()).isEqualTo(URI.create(url));
    }

    @Test
    void aTrailingSlashIsDropped() {
        CortiClientOptions options = custom().baseUrl("https://proxy.example.com/v2/").build();
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://proxy.example.com/v2"));
    }

    @Test
    void malformedUrlsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> custom().baseUrl("ftp://host/v2").build())
                .hasMessage("baseUrl must be an absolute http(s) URL, was ftp://host/v2");
        assertThatThrownBy(() -> custom().baseUrl("/v2").build())
                .hasMessage("baseUrl must be an absolute http(s) URL, was /v2");
        assertThatThrownBy(() -> custom().baseUrl("https://user:pw@host/v2").build())
                .hasMessage("baseUrl must not carry credentials in the URL").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> custom().baseUrl("https://host/v2?x=1").build())
                .hasMessageStartingWith("baseUrl must not have a query or fragment");
        assertThatThrownBy(() -> custom().baseUrl("https://host/v 2").build())
                .hasMessageStartingWith("baseUrl is not a valid URL");
        assertThatThrownBy(() -> custom().baseUrl(" ").build()).hasMessage("baseUrl must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://user:pw-s3cret@host/v2", "https://user:pw s3cret@host/v2",
            "https://user:pw-s3cret@bad_host/v2", "https://host/v2?api_key=pw-s3cret", "https://host/v2#pw-s3cret",
            "https://host/v2?a=%zz&key=pw-s3cret"})
    void urlMessagesNeverEchoCredentialsOrQueries(String url) {
        assertThatThrownBy(() -> custom().baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseUrl ")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> custom().baseUrl("https://api.eu.corti.app/v2").tokenUrl(url).build())
                .hasMessageStartingWith("tokenUrl ")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void missingCredentialsAreRefused() {
        assertThatThrownBy(() -> TestOptions.builder().tenantName("base").environment(CortiEnvironment.EU).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credentials missing: call clientCredentials(..), bearerToken(..) or tokenProvider(..)");
    }

    @Test
    void aMissingEnvironmentOrBaseUrlIsRefused() {
        assertThatThrownBy(() -> custom().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment missing: call environment(CortiEnvironment.EU) or baseUrl(..)");
    }

    @Test
    void environmentAndBaseUrlTogetherAreRefused() {
        assertRefused(b -> b.baseUrl("https://proxy.example.com/v2"),
                "set either environment(..) or baseUrl(..), not both");
    }

    @Test
    void clientCredentialsWithABaseUrlNeedATokenUrl() {
        assertThatThrownBy(() -> TestOptions.builder().tenantName("base").baseUrl("https://proxy.example.com/v2")
                .clientCredentials("id", "secret").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenUrl missing: clientCredentials(..) with baseUrl(..) needs tokenUrl(..)");

        CortiClientOptions options = TestOptions.builder().tenantName("base").baseUrl("https://proxy.example.com/v2")
                .tokenUrl("https://idp.example.com/token").clientCredentials("id", "secret").build();
        assertThat(options.tokenUrl()).isEqualTo(URI.create("https://idp.example.com/token"));
    }

    @Test
    void clientCredentialsAreValidated() {
        assertThatThrownBy(() -> valid().clientCredentials(" ", "secret")).hasMessage("clientId must not be blank");
        assertThatThrownBy(() -> valid().clientCredentials("id", "")).hasMessage("clientSecret must not be blank");
        assertThatThrownBy(() -> valid().clientCredentials("id", "secret", java.util.List.of("a b")))
                .hasMessageContaining("scope must not contain whitespace");
        assertThatThrownBy(() -> valid().tokenProvider(null)).hasMessageContaining("tokenProvider");
    }

    @Test
    void theEuEnvironmentGivesItsApiAndPerTenantTokenUrls() {
        CortiClientOptions options = TestOptions.builder().tenantName("base").environment(CortiEnvironment.EU)
                .clientCredentials("id", "secret").build();
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.eu.corti.app/v2"));
        assertThat(options.tokenUrl())
                .isEqualTo(URI.create("https://auth.eu.corti.app/realms/base/protocol/openid-connect/token"));
    }

    @Test
    void theUsEnvironmentGivesItsApiAndPerTenantTokenUrls() {
        CortiClientOptions options = TestOptions.builder().tenantName("acme").environment(CortiEnvironment.US)
                .clientCredentials("id", "secret").build();
        assertThat(options.baseUrl()).isEqualTo(URI.create("https://api.us.corti.app/v2"));
        assertThat(options.tokenUrl())
                .isEqualTo(URI.create("https://auth.us.corti.app/realms/acme/protocol/openid-connect/token"));
    }

    @Test
    void theTenantIsAPathSegmentOfTheTokenUrl() {
        assertThat(CortiEnvironment.EU.tokenUrl("my-tenant_1.eu").toString())
                .isEqualTo("https://auth.eu.corti.app/realms/my-tenant_1.eu/protocol/openid-connect/token");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "a/b", "../admin", "a?b", "a#b", "a%2F", "my tenant", "tab\tx", "nul\u0000",
            "caf\u00e9", "x\u0085y", "a\\b", "a@b", "a:b"})
    void aTenantThatCouldRewriteTheTokenUrlIsRefusedAtBuildTime(String tenant) {
        assertThatThrownBy(() -> valid().tenantName(tenant).clientCredentials("id", "secret").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tenantName");
        assertThatThrownBy(() -> CortiEnvironment.EU.tokenUrl(tenant)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExplicitTokenUrlWinsOverTheEnvironments() {
        CortiClientOptions options = build(b -> b.clientCredentials("id", "secret")
                .tokenUrl("https://idp.example.com/token"));
        assertThat(options.tokenUrl()).isEqualTo(URI.create("https://idp.example.com/token"));
    }

    @Test
    void timeoutsMustBePositive() {
        assertRefused(b -> b.connectTimeout(Duration.ZERO), "connectTimeout must be a positive duration, was PT0S");
        assertRefused(b -> b.responseTimeout(Duration.ofSeconds(-1)),
                "responseTimeout must be a positive duration, was PT-1S");
        assertRefused(b -> b.callTimeout(null), "callTimeout must be a positive duration, was null");
        assertThatThrownBy(() -> valid().maxRetries(-1)).hasMessageContaining("maxRetries");
    }

    @Test
    void maxRetriesKeepsTheOtherRetrySettings() {
        assertThat(build(b -> b.maxRetries(5)).retry()).isEqualTo(RetryOptions.DEFAULT.withMaxRetries(5));
    }

    @Test
    void optionsAreFrozenAndShowNoSecret() {
        TestOptions builder = valid().clientCredentials("my-client", "s3cr3t-value").defaultHeader("X-Team", "care");
        CortiClientOptions options = builder.build();
        builder.defaultHeader("X-Later", "v");

        assertThat(options.defaultHeaders()).containsOnlyKeys("X-Team");
        assertThat(options.credentials()).isInstanceOf(Credentials.ClientCredentials.class);
        assertThat(options.toString()).contains("my-client").doesNotContain("s3cr3t-value").doesNotContain("care");
        assertThat(build(b -> b.bearerToken("tok-123")).toString()).doesNotContain("tok-123");
        assertThat(build(b -> b.tokenProvider(() -> Mono.just(AccessToken.nonExpiring("x")))).credentials())
                .isInstanceOf(Credentials.Custom.class);
    }
}
