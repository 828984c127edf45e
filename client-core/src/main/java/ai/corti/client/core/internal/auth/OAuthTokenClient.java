package ai.corti.client.core.internal.auth;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.Credentials;
import ai.corti.client.core.error.CortiAuthenticationException;
import ai.corti.client.core.error.CortiClientClosedException;
import ai.corti.client.core.error.CortiException;
import ai.corti.client.core.error.CortiResponseTooLargeException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.json.JsonShape;
import ai.corti.client.core.internal.http.BodyLimits;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.internal.http.HttpTransport;
import ai.corti.client.core.internal.http.OutgoingRequest;
import ai.corti.client.core.internal.http.RequestBody;
import ai.corti.client.core.internal.validation.HeaderValidation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * Fetches a token with the OAuth2 client-credentials grant, as Corti's identity provider expects it: a form POST
 * of {@code grant_type=client_credentials&scope=openid&client_id=..&client_secret=..} to the tenant's token URL,
 * without {@code Tenant-Name}.
 *
 * <p>Every failure becomes a {@link CortiAuthenticationException} naming the URL and what it answered. A 2xx
 * answer is never quoted (it may hold a token even when it does not parse); an error answer's {@code error} and
 * {@code error_description} are quoted redacted. The answer is read within a small limit and the whole exchange
 * within a deadline, so a hostile or broken endpoint cannot exhaust memory or hold calls. Internal to the SDK.
 */
public final class OAuthTokenClient {

    /** Tokens said to live longer than this are refreshed after it anyway: a huge {@code expires_in} is a bug. */
    static final long MAX_LIFETIME_SECONDS = Duration.ofDays(1).toSeconds();
    /** Keycloak's default, used when the answer gives no usable {@code expires_in}. */
    static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final HttpTransport transport;
    private final URI tokenUrl;
    private final Credentials.ClientCredentials credentials;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final Redactor redactor;
    private final BodyLimits limits;
    /** Token answers are read strictly: a repeated key or trailing bytes make the answer ambiguous. */
    private final ObjectReader strict;

    /**
     * Creates the client.
     *
     * @param transport   the client's transport (the token call shares its pool)
     * @param tokenUrl    the tenant's token URL
     * @param credentials the client id and secret
     * @param mapper      the SDK's JSON mapper
     * @param clock       the clock that turns {@code expires_in} into an expiry instant
     * @param timeout     the longest the whole token exchange may take
     * @param userAgent   the SDK's user agent
     * @param redactor    learns each token, and removes the secret from every message
     * @param maxBodySize the most bytes of a token answer read into memory
     */
    public OAuthTokenClient(HttpTransport transport, URI tokenUrl, Credentials.ClientCredentials credentials,
                            ObjectMapper mapper, Clock clock, Duration timeout, String userAgent, Redactor redactor,
                            long maxBodySize) {
        this.transport = transport;
        this.tokenUrl = tokenUrl;
        this.credentials = credentials;
        this.mapper = mapper;
        this.clock = clock;
        this.timeout = timeout;
        this.headers = Map.of("Accept", "application/json", "User-Agent", userAgent);
        this.redactor = redactor;
        this.limits = new BodyLimits(maxBodySize, maxBodySize);
        this.strict = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Requests a new token.
     *
     * @return the token, when subscribed
     */
    public Mono<AccessToken> fetch() {
        return Mono.defer(() -> transport.exchange(new OutgoingRequest("POST", tokenUrl.toString(), headers, null,
                        new RequestBody.Bytes(form(), "application/x-www-form-urlencoded"), timeout, limits,
                        "POST " + tokenUrl.getRawPath())))
                .onErrorMap(error -> !(error instanceof CortiAuthenticationException
                        || error instanceof CortiClientClosedException), this::unreachable)
                .map(this::toToken);
    }

    private byte[] form() {
        String scope = Stream.concat(Stream.of("openid"), credentials.scopes().stream()).distinct()
                .collect(Collectors.joining(" "));
        return ("grant_type=client_credentials"
                + "&scope=" + encode(scope)
                + "&client_id=" + encode(credentials.clientId())
                + "&client_secret=" + encode(credentials.clientSecret())).getBytes(StandardCharsets.UTF_8);
    }

    private AccessToken toToken(HttpResponseData response) {
        if (!response.isSuccess()) {
            throw failure("answered HTTP " + response.statusCode() + describeError(response), response);
        }
        JsonNode json;
        try {
            JsonShape.check(response.content());
            json = strict.readTree(response.body());
        } catch (java.io.IOException | RuntimeException e) {
            // Never quoted, not even redacted, and the parser's exception is not kept: it quotes the input.
            throw failure("answered HTTP " + response.statusCode() + " with a body that is not a token response ("
                    + response.body().length + " bytes of " + contentType(response) + ")", response);
        }
        if (json == null || !json.isObject()) {
            throw failure("answered HTTP " + response.statusCode() + " with a body that is not a JSON object", response);
        }
        JsonNode tokenNode = json.get("access_token");
        String token = tokenNode != null && tokenNode.isTextual() ? tokenNode.asText() : "";
        if (token.isBlank()) {
            throw failure("answered HTTP " + response.statusCode() + " without an access_token", response);
        }
        redactor.addToken(token);
        if (!HeaderValidation.isVisibleAscii(token)) {
            throw failure("answered with an access_token that has characters an HTTP header cannot carry", response);
        }
        JsonNode type = json.get("token_type");
        if (type != null && !(type.isTextual() && type.asText().trim().toLowerCase(Locale.ROOT).equals("bearer"))) {
            throw failure("answered with token_type '" + printable(type.asText()) + "'; only Bearer tokens are "
                    + "supported", response);
        }
        return new AccessToken(token, clock.instant().plusSeconds(lifetimeSeconds(json.get("expires_in"))));
    }

    /** {@code expires_in} as a sane number of seconds: missing or odd values fall back, huge ones are capped. */
    static long lifetimeSeconds(JsonNode expiresIn) {
        BigDecimal seconds;
        try {
            if (expiresIn == null || expiresIn.isNull()) {
                return DEFAULT_LIFETIME_SECONDS;
            } else if (expiresIn.isNumber()) {
                seconds = expiresIn.decimalValue();
            } else if (expiresIn.isTextual()) {
                seconds = new BigDecimal(expiresIn.asText().trim());
            } else {
                return DEFAULT_LIFETIME_SECONDS;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return DEFAULT_LIFETIME_SECONDS;
        }
        if (seconds.signum() <= 0) {
            return 1; // already expired as far as the server knows: use it once, refresh at the next call
        }
        return seconds.compareTo(BigDecimal.valueOf(MAX_LIFETIME_SECONDS)) > 0 ? MAX_LIFETIME_SECONDS
                : Math.max(1, seconds.longValue());
    }

    private CortiAuthenticationException failure(String what, HttpResponseData response) {
        return new CortiAuthenticationException("Token endpoint " + tokenUrl + " " + what, response.statusCode(), null);
    }

    private static String contentType(HttpResponseData response) {
        return printable(response.headers().first("Content-Type").orElse("no content type"));
    }

    private String describeError(HttpResponseData response) {
        try {
            JsonShape.check(response.content());
            JsonNode json = mapper.readTree(response.body());
            if (json != null && json.hasNonNull("error")) {
                String description = json.path("error_description").asText("");
                return ": " + printable(redactor.redact(json.get("error").asText()))
                        + (description.isEmpty() ? "" : " (" + printable(redactor.redact(description)) + ")");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: fall through to the excerpt
        }
        String excerpt = redactor.excerpt(response.body(), 300);
        return excerpt.isEmpty() ? "" : ": " + excerpt;
    }

    private Throwable unreachable(Throwable error) {
        if (error instanceof CortiTimeoutException) {
            return new CortiAuthenticationException("Token endpoint " + tokenUrl + " did not answer within " + timeout,
                    0, error);
        }
        if (error instanceof CortiResponseTooLargeException tooLarge) {
            return new CortiAuthenticationException("Token endpoint " + tokenUrl + " answered HTTP "
                    + tooLarge.statusCode() + " with a body larger than the " + tooLarge.limit() + "-byte limit",
                    tooLarge.statusCode(), null);
        }
        return new CortiAuthenticationException("Token endpoint " + tokenUrl + " could not be reached: "
                + redactor.redact(String.valueOf(error.getMessage())), 0,
                error instanceof CortiException ? error : null);
    }

    private static String printable(String text) {
        String cut = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OAuthTokenClient[" + tokenUrl + ", clientId=" + credentials.clientId() + "]";
    }
}
