package ai.corti.client.core.auth;

import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.http.HttpResponseData;
import ai.corti.client.core.http.ReactorNettyTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Fetches a token with the OAuth2 client-credentials grant, as Corti's identity provider expects it:
 * a form POST of {@code grant_type=client_credentials&scope=openid&client_id=..&client_secret=..} to
 * the tenant's token URL, without {@code Tenant-Name}. Every failure becomes a
 * {@link CortiAuthenticationException} naming the URL and what it answered, with the secret redacted.
 */
public final class OAuthTokenClient {

    private final ReactorNettyTransport transport;
    private final URI tokenUrl;
    private final Credentials.ClientCredentials credentials;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration timeout;
    private final String userAgent;

    /**
     * Creates the client.
     *
     * @param transport   the client's transport (the token call shares its pool)
     * @param tokenUrl    the tenant's token URL
     * @param credentials the client id and secret
     * @param mapper      the SDK's JSON mapper
     * @param clock       the clock that turns {@code expires_in} into an expiry instant
     * @param timeout     the longest wait for the token endpoint's answer
     * @param userAgent   the SDK's user agent
     */
    public OAuthTokenClient(ReactorNettyTransport transport, URI tokenUrl, Credentials.ClientCredentials credentials,
                            ObjectMapper mapper, Clock clock, Duration timeout, String userAgent) {
        this.transport = transport;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.mapper = mapper;
        this.clock = clock;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /**
     * Requests a new token.
     *
     * @return the token, when subscribed
     */
    public Mono<AccessToken> fetch() {
        return Mono.defer(() -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            headers.put("Accept", "application/json");
            headers.put("User-Agent", userAgent);
            return transport.send("POST", tokenUrl.toString(), headers, null, form(), timeout,
                    "POST " + tokenUrl.getPath());
        }).onErrorMap(error -> !(error instanceof CortiAuthenticationException), this::unreachable)
                .flatMap(this::toToken);
    }

    private byte[] form() {
        String scope = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"),
                credentials.scopes().stream()).distinct().toList());
        return ("grant_type=client_credentials"
                + "&scope=" + encode(scope)
                + "&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret())).getBytes(StandardCharsets.UTF_8);
    }

    private Mono<AccessToken> toToken(HttpResponseData response) {
        if (!response.isSuccess()) {
            return Mono.error(new CortiAuthenticationException("Token endpoint " + tokenUrl + " answered HTTP "
                    + response.statusCode() + describeError(response), response.statusCode(), null));
        }
        try {
            JsonNode json = mapper.readTree(response.body());
            String token = json == null ? "" : json.path("access_token").asText("");
            if (token.isBlank()) {
                return Mono.error(new CortiAuthenticationException("Token endpoint " + tokenUrl + " answered HTTP "
                        + response.statusCode() + " without an access_token", response.statusCode(), null));
            }
            long expiresIn = json.path("expires_in").asLong(300);
            return Mono.just(new AccessToken(token, clock.instant().plusSeconds(expiresIn)));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Mono.error(new CortiAuthenticationException("Token endpoint " + tokenUrl + " answered HTTP "
                    + response.statusCode() + " with a body that is not a token: "
                    + redactedExcerpt(response), response.statusCode(), null));
        }
    }

    private String describeError(HttpResponseData response) {
        try {
            JsonNode json = mapper.readTree(response.body());
            if (json != null && json.hasNonNull("error")) {
                String description = json.path("error_description").asText("");
                return ": " + redact(json.get("error").asText()) + (description.isEmpty() ? "" : " (" + redact(description) + ")");
            }
        } catch (java.io.IOException e) {
            // not JSON: fall through to the excerpt
        }
        String excerpt = redactedExcerpt(response);
        return excerpt.isEmpty() ? "" : ": " + excerpt;
    }

    /** Redacts the whole body before cutting it: a secret straddling the cut would otherwise leave its start. */
    private String redactedExcerpt(HttpResponseData response) {
        byte[] redacted = redact(new String(response.body(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return new HttpResponseData(response.statusCode(), response.headers(), redacted).excerpt();
    }

    private Throwable unreachable(Throwable error) {
        if (error instanceof CortiTimeoutException) {
            return new CortiAuthenticationException("Token endpoint " + tokenUrl + " did not answer within " + timeout,
                    0, error);
        }
        return new CortiAuthenticationException("Token endpoint " + tokenUrl + " could not be reached: "
                + redact(String.valueOf(error.getMessage())), 0, error);
    }

    /** A server may echo what it was sent; the secret must never reach a message. */
    private String redact(String text) {
        String secret = credentials.clientSecret();
        return text.replace(secret, "***").replace(encode(secret), "***");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuthTokenClient[" + tokenUrl + ", clientId=" + credentials.clientId() + "]";
    }
}
