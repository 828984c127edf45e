package ai.corti.client.core.internal.retry;

import ai.corti.client.core.retry.RetryOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.internal.error.ErrorDecoder;
import ai.corti.client.core.internal.error.Redactor;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.internal.http.HttpResponseData;
import ai.corti.client.core.http.ResponseHeaders;
import ai.corti.client.core.json.CortiJson;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures are retried (safety) and how long to wait first (backoff, jitter, caps,
 * {@code Retry-After}), without any network.
 */
class RetryPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    /** Just below 1: {@code random} returns values in [0, 1). */
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    private final ErrorDecoder decoder = new ErrorDecoder(CortiJson.mapper(), CLOCK, new Redactor());

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(() -> random, CLOCK);
    }

    private CortiApiException http(int status, String... headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            entries.add(Map.entry(headers[i], headers[i + 1]));
        }
        return decoder.decode(new HttpResponseData(status, ResponseHeaders.of(entries), new byte[0]), "GET", "/v2/x");
    }

    private static CortiTransportException refused() {
        return new CortiTransportException("GET /v2/x: could not connect", true, new ConnectException("refused"));
    }

    private static CortiTransportException reset() {
        return new CortiTransportException("GET /v2/x: connection failed", false, new IOException("reset"));
    }

    // ---- which failures ----

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void getIsRetriedOnTransientStatuses(int status) {
        assertThat(policy(0.5).isRetryable(true, http(status))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500, 501})
    void getIsNotRetriedOnOtherStatuses(int status) {
        assertThat(policy(0.5).isRetryable(true, http(status))).isFalse();
    }

    @Test
    void getIsRetriedOnTransportErrorsAndPerAttemptTimeoutsButNotWhenTheBudgetRanOut() {
        RetryPolicy policy = policy(0.5);
        assertThat(policy.isRetryable(true, reset())).isTrue();
        assertThat(policy.isRetryable(true, refused())).isTrue();
        assertThat(policy.isRetryable(true,
                new CortiTimeoutException("one attempt", Duration.ofSeconds(30), false, null))).isTrue();
        assertThat(policy.isRetryable(true,
                new CortiTimeoutException("whole call", Duration.ofSeconds(90), true, null))).isFalse();
        assertThat(policy.isRetryable(true, new IllegalStateException("a bug, not a transient failure"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH"})
    void postAndPatchAreNotRetriedOnceTheRequestMayHaveArrived(String method) {
        RetryPolicy policy = policy(0.5);
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(policy.isRetryable(idempotent(method), http(status))).as("%s on HTTP %d", method, status).isFalse();
        }
        assertThat(policy.isRetryable(idempotent(method), reset())).as("%s after a reset", method).isFalse();
        assertThat(policy.isRetryable(idempotent(method),
                new CortiTimeoutException("one attempt", Duration.ofSeconds(30), false, null)))
                .as("%s after a response timeout", method).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH", "GET"})
    void anyMethodIsRetriedWhenTheRequestWasNeverSent(String method) {
        assertThat(policy(0.5).isRetryable(idempotent(method), refused())).isTrue();
        assertThat(policy(0.5).isRetryable(idempotent(method),
                new CortiTransportException("no pooled connection", true, null))).isTrue();
    }

    // ---- how long ----

    @Test
    void jitterSpreadsTheFirstWaitByTenPercentEachWay() {
        assertThat(policy(0.0).delay(RetryOptions.DEFAULT, 1, reset())).contains(Duration.ofMillis(900));
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, reset())).contains(Duration.ofMillis(1000));
        assertThat(policy(ALMOST_ONE).delay(RetryOptions.DEFAULT, 1, reset())).contains(Duration.ofMillis(1100));
    }

    @Test
    void theWaitDoublesOnEachRetry() {
        RetryPolicy lowest = policy(0.0);
        assertThat(lowest.delay(RetryOptions.DEFAULT, 1, reset())).contains(Duration.ofMillis(900));
        assertThat(lowest.delay(RetryOptions.DEFAULT, 2, reset())).contains(Duration.ofMillis(1800));
        assertThat(lowest.delay(RetryOptions.DEFAULT, 3, reset())).contains(Duration.ofMillis(3600));
        RetryPolicy middle = policy(0.5);
        assertThat(middle.delay(RetryOptions.DEFAULT, 4, reset())).contains(Duration.ofSeconds(8));
        assertThat(middle.delay(RetryOptions.DEFAULT, 5, reset())).contains(Duration.ofSeconds(16));
    }

    @Test
    void noJitterGivesExactPowersOfTwo() {
        RetryOptions exact = new RetryOptions(5, Duration.ofMillis(250), Duration.ofSeconds(30), 0.0,
                Duration.ofSeconds(60));
        assertThat(policy(0.0).delay(exact, 1, reset())).contains(Duration.ofMillis(250));
        assertThat(policy(ALMOST_ONE).delay(exact, 3, reset())).contains(Duration.ofMillis(1000));
    }

    @Test
    void theWaitIsCappedAtMaxBackoff() {
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 6, reset())).contains(Duration.ofSeconds(30));
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 40, reset())).contains(Duration.ofSeconds(30));
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, Long.MAX_VALUE, reset())).contains(Duration.ofSeconds(30));
        // jitter spreads below the cap, never above it: maxBackoff is "the longest computed wait"
        assertThat(policy(0.0).delay(RetryOptions.DEFAULT, 10, reset())).contains(Duration.ofSeconds(27));
        assertThat(policy(ALMOST_ONE).delay(RetryOptions.DEFAULT, 10, reset())).contains(Duration.ofSeconds(30));
    }

    @Test
    void rateLimitRetryAfterReplacesTheBackoffWithoutJitter() {
        CortiApiException limited = http(429, "Retry-After", "3");
        assertThat(limited).isInstanceOf(RateLimitException.class);
        assertThat(policy(0.0).delay(RetryOptions.DEFAULT, 1, limited)).contains(Duration.ofSeconds(3));
        assertThat(policy(ALMOST_ONE).delay(RetryOptions.DEFAULT, 2, limited)).contains(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterAsAnHttpDateIsJudgedByTheClock() {
        CortiApiException limited = http(429, "Retry-After", "Sun, 01 Jun 2025 12:00:05 GMT");
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, limited)).contains(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterOnA503IsHonouredToo() {
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, http(503, "Retry-After", "7")))
                .contains(Duration.ofSeconds(7));
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, http(503))).contains(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterBeyondTheCapMeansDoNotRetry() {
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, http(429, "Retry-After", "60")))
                .contains(Duration.ofSeconds(60));
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, http(429, "Retry-After", "61"))).isEmpty();
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 1, http(503, "Retry-After", "3600"))).isEmpty();
    }

    @Test
    void unreadableRetryAfterFallsBackToTheBackoff() {
        assertThat(policy(0.5).delay(RetryOptions.DEFAULT, 2, http(429, "Retry-After", "later")))
                .contains(Duration.ofSeconds(2));
    }

    // ---- options ----

    @Test
    void defaultsMatchTheOfficialSdksPlusCaps() {
        assertThat(RetryOptions.DEFAULT.maxRetries()).isEqualTo(2);
        assertThat(RetryOptions.DEFAULT.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryOptions.DEFAULT.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryOptions.DEFAULT.jitter()).isEqualTo(0.1);
        assertThat(RetryOptions.DEFAULT.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(RetryOptions.NONE.maxRetries()).isZero();
        assertThat(RetryOptions.DEFAULT.withMaxRetries(5)).isEqualTo(new RetryOptions(5, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 0.1, Duration.ofSeconds(60)));
    }

    @Test
    void optionsRefuseNonsenseNamingTheField() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new RetryOptions(-1, s, s, 0.1, s)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> new RetryOptions(1, Duration.ZERO, s, 0.1, s)).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryOptions(1, s, s.negated(), 0.1, s)).hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new RetryOptions(1, s, s, 0.1, Duration.ZERO)).hasMessageContaining("maxRetryAfter");
        assertThatThrownBy(() -> new RetryOptions(1, s, s, 1.5, s)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RetryOptions(1, s, s, Double.NaN, s)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new RetryOptions(1, null, s, 0.1, s)).hasMessageContaining("initialBackoff");
    }

    private static boolean idempotent(String method) {
        return new ai.corti.client.core.internal.pipeline.ApiRequest(method, "/x", java.util.List.of(), null).idempotent();
    }
}
