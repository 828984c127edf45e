package ai.corti.client.core.internal.error;

import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.ForbiddenException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.UnauthorizedException;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.core.json.CortiJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The status-to-exception mapping on hand-made responses, without a network. */
class ErrorDecoderTest {

    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final ErrorDecoder decoder = new ErrorDecoder(CortiJson.mapper(), Clock.fixed(NOW, ZoneOffset.UTC),
            new Redactor());

    private static HttpResponseData response(int status, String body, String... headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            entries.add(Map.entry(headers[i], headers[i + 1]));
        }
        return new HttpResponseData(status, ResponseHeaders.of(entries), body.getBytes(StandardCharsets.UTF_8));
    }

    private CortiApiException decode(int status, String body, String... headers) {
        return decoder.decode(response(status, body, headers), "GET", "/v2/interactions/abc");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "400, ai.corti.client.core.error.BadRequestException",
        "401, ai.corti.client.core.error.UnauthorizedException",
        "403, ai.corti.client.core.error.ForbiddenException",
        "404, ai.corti.client.core.error.NotFoundException",
        "409, ai.corti.client.core.error.CortiApiException",
        "422, ai.corti.client.core.error.CortiApiException",
        "429, ai.corti.client.core.error.RateLimitException",
        "500, ai.corti.client.core.error.ServerException",
        "502, ai.corti.client.core.error.ServerException",
        "503, ai.corti.client.core.error.ServerException",
        "504, ai.corti.client.core.error.GatewayTimeoutException",
        "599, ai.corti.client.core.error.ServerException",
    })
    void statusPicksTheExactType(int status, Class<?> type) {
        CortiApiException error = decode(status, "");

        assertThat(error).isExactlyInstanceOf(type);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.getMessage()).startsWith("GET /v2/interactions/abc -> HTTP " + status);
    }

    @Test
    void problemBodyIsParsedWithItsValidationErrors() {
        CortiApiException error = decode(400, """
                {"requestid":"req-1","status":400,"type":"https://api.corti.app/problems/validation",
                 "detail":"Validation failed","validationErrors":[{"field":"encounter.status","message":"is required"}]}
                """);

        BadRequestException badRequest = (BadRequestException) error;
        assertThat(badRequest.validationErrors())
                .containsExactly(Map.of("field", "encounter.status", "message", "is required"));
        assertThat(badRequest.errorResponse()).hasValueSatisfying(p -> {
            assertThat(p.getDetail()).isEqualTo("Validation failed");
            assertThat(p.getType()).isEqualTo("https://api.corti.app/problems/validation");
            assertThat(p.getStatus()).isEqualTo(400);
        });
        assertThat(badRequest.requestId()).contains("req-1");
        assertThat(badRequest.getMessage()).contains("Bad Request").contains("Validation failed")
                .contains("encounter.status").contains("(requestId req-1)");
    }

    @Test
    void unparsableJsonDegradesToTheStatusTypeWithTheRawText() {
        String body = "{\"detail\": \"half a document";
        CortiApiException error = decode(404, body);

        assertThat(error).isExactlyInstanceOf(NotFoundException.class);
        assertThat(error.errorResponse()).isEmpty();
        assertThat(error.rawBody()).isEqualTo(body);
        assertThat(error.getMessage()).contains("Not Found").contains("half a document");
    }

    @Test
    void problemWithMistypedFieldsDegradesGracefully() {
        CortiApiException error = decode(400, "{\"detail\":\"x\",\"validationErrors\":\"not a list\"}");

        assertThat(error).isExactlyInstanceOf(BadRequestException.class);
        assertThat(error.errorResponse()).isEmpty();
        assertThat(((BadRequestException) error).validationErrors()).isEmpty();
    }

    @Test
    void jsonThatIsNotAProblemDocumentIsNotTakenForOne() {
        CortiApiException error = decode(403, "{\"message\":\"tenant suspended\"}");

        assertThat(error).isExactlyInstanceOf(ForbiddenException.class);
        assertThat(error.errorResponse()).isEmpty();
        assertThat(error.getMessage()).contains("tenant suspended");
    }

    @Test
    void jsonArrayAndHtmlBodiesAreNotProblems() {
        assertThat(decode(500, "[1,2,3]").errorResponse()).isEmpty();
        CortiApiException html = decode(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        assertThat(html.errorResponse()).isEmpty();
        assertThat(html.getMessage()).contains("Bad Gateway").contains("<h1>502 Bad Gateway</h1>");
    }

    @Test
    void emptyBodyGivesAMessageWithoutExcerpt() {
        CortiApiException error = decode(401, "", "WWW-Authenticate", "Bearer");

        assertThat(error.getMessage()).isEqualTo("GET /v2/interactions/abc -> HTTP 401 Unauthorized");
        assertThat(error.rawBody()).isEmpty();
        assertThat(((UnauthorizedException) error).wwwAuthenticate()).contains("Bearer");
    }

    @Test
    void requestIdComesFromTheBodyFirst() {
        CortiApiException error = decode(404, "{\"requestid\":\"from-body\",\"detail\":\"no such interaction\"}",
                "X-Request-Id", "from-header");

        assertThat(error.requestId()).contains("from-body");
    }

    @ParameterizedTest
    @CsvSource({"X-Request-Id", "x-request-id", "Request-Id", "X-Correlation-Id"})
    void requestIdFallsBackToAResponseHeader(String header) {
        CortiApiException error = decode(500, "<html>oops</html>", header, "hdr-42");

        assertThat(error.requestId()).contains("hdr-42");
        assertThat(error.getMessage()).endsWith("(requestId hdr-42)");
    }

    @Test
    void noRequestIdAnywhereIsEmpty() {
        assertThat(decode(500, "").requestId()).isEmpty();
    }

    @Test
    void rawBodyAndMessageAreBounded() {
        String body = "<html>" + "A".repeat(ErrorDecoder.RAW_BODY_LIMIT * 2) + "</html>";
        CortiApiException error = decode(504, body);

        assertThat(error.rawBody()).startsWith("<html>AAAA")
                .endsWith("...[" + (body.length() - ErrorDecoder.RAW_BODY_LIMIT) + " more chars]")
                .hasSize(ErrorDecoder.RAW_BODY_LIMIT + ("...[" + (body.length() - ErrorDecoder.RAW_BODY_LIMIT)
                        + " more chars]").length());
        assertThat(error.getMessage()).hasSizeLessThan(ErrorDecoder.EXCERPT_LIMIT + 100);
    }

    @Test
    void messageIsOneLine() {
        CortiApiException error = decode(502, "<html>\n  <body>\r\n\tgateway\n  </body>\n</html>\n");

        assertThat(error.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("<html> <body> gateway");
    }

    @Test
    void retryAfterInSecondsAndAsAnHttpDate() {
        RateLimitException seconds = (RateLimitException) decode(429, "", "Retry-After", "7");
        RateLimitException date = (RateLimitException) decode(429, "", "Retry-After", "Wed, 01 Jan 2025 10:00:30 GMT");
        RateLimitException garbage = (RateLimitException) decode(429, "", "Retry-After", "soon");

        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(date.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(garbage.retryAfter()).isEmpty();
    }

    @Test
    void headersAreKeptCaseInsensitively() {
        CortiApiException error = decode(503, "", "Retry-After", "2", "Content-Type", "text/plain");

        assertThat(error.responseHeaders().first("retry-after")).contains("2");
        assertThat(error.responseHeaders().first("CONTENT-TYPE")).contains("text/plain");
    }

    @Test
    void aProblemIsReadWhateverVersionOfTheSpecShapedIt() {
        // Corti's 2025 texts say "details" and have a title; its 2026 texts say "detail" and add validationErrors.
        CortiApiException older = decode(400, "{\"requestid\":\"req-25\",\"type\":\"about:blank\",\"status\":400,"
                + "\"title\":\"Bad Request\",\"details\":\"encounter.status is not allowed\",\"instance\":\"/x\"}");
        CortiApiException newer = decode(400, "{\"requestid\":\"req-26\",\"type\":\"t\",\"status\":400,"
                + "\"detail\":\"invalid\",\"validationErrors\":[{\"encounter.status\":\"is required\"}]}");

        assertThat(older.problem()).hasValueSatisfying(p -> {
            assertThat(p.detail()).isEqualTo("encounter.status is not allowed");
            assertThat(p.title()).isEqualTo("Bad Request");
            assertThat(p.instance()).isEqualTo("/x");
            assertThat(p.requestId()).isEqualTo("req-25");
        });
        assertThat(older).hasMessageContaining("encounter.status is not allowed").hasMessageContaining("req-25");
        assertThat(((BadRequestException) newer).validationErrors())
                .containsExactly(Map.of("encounter.status", "is required"));
        assertThat(newer.problem().orElseThrow().status()).isEqualTo(400);
    }
}
