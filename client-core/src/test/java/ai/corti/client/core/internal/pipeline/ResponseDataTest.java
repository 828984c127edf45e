package ai.corti.client.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.internal.http.HttpResponseData;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Response headers and bodies as the pipeline and the log see them. */
class ResponseDataTest {

    private static final ResponseHeaders HEADERS = ResponseHeaders.of(List.of(
            Map.entry("Content-Type", "application/json"),
            Map.entry("set-cookie", "a=secret-cookie-1"),
            Map.entry("Set-Cookie", "b=secret-cookie-2"),
            Map.entry("x-request-id", "req-9"),
            Map.entry("X-Internal-Token", "tok-should-not-log")));

    @Test
    void headersAreCaseInsensitiveAndKeepRepeatedValuesInOrder() {
        assertThat(HEADERS.first("CONTENT-TYPE")).contains("application/json");
        assertThat(HEADERS.all("SET-COOKIE")).containsExactly("a=secret-cookie-1", "b=secret-cookie-2");
        assertThat(HEADERS.first("X-Request-Id")).contains("req-9");
        assertThat(HEADERS.first("Missing")).isEmpty();
        assertThat(HEADERS.all("Missing")).isEmpty();
    }

    @Test
    void headersPrintNamesOnly() {
        assertThat(HEADERS.toString()).contains("set-cookie").contains("x-internal-token")
                .doesNotContain("secret-cookie").doesNotContain("tok-should-not-log");
    }

    @Test
    void onlyAllowListedHeadersAreLoggable() {
        String loggable = HttpLogger.loggable(HEADERS);

        assertThat(loggable).contains("application/json").contains("req-9")
                .doesNotContain("secret-cookie").doesNotContain("tok-should-not-log");
        assertThat(HttpLogger.LOGGABLE_HEADERS).doesNotContain("Authorization", "Set-Cookie", "Cookie");
    }

    @Test
    void excerptIsOneBoundedLine() {
        String body = "<html>\n  <body>\n" + "word ".repeat(500) + "</body></html>";
        HttpResponseData response = new HttpResponseData(502, ResponseHeaders.EMPTY,
                body.getBytes(StandardCharsets.UTF_8));

        String excerpt = new Redactor().excerpt(response.body(), 300);

        assertThat(excerpt).startsWith("<html> <body> word word").endsWith("...")
                .hasSize(300 + 3).doesNotContain("\n").doesNotContain("  ");
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.toString()).isEqualTo("HttpResponseData[502, " + body.length() + " bytes]");
    }

    @Test
    void emptyBodyHasAnEmptyExcerpt() {
        HttpResponseData response = new HttpResponseData(204, ResponseHeaders.EMPTY, new byte[0]);

        assertThat(new Redactor().excerpt(response.body(), 300)).isEmpty();
        assertThat(response.isSuccess()).isTrue();
    }
}
