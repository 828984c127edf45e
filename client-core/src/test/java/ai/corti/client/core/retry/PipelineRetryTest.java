package ai.corti.client.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.auth.TokenProvider;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.internal.pipeline.ResponseReader;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import ai.corti.client.core.testing.TimerRecordingScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The retry rules end to end: {@link HttpPipeline} against a real loopback server, with backoff waits and
 * the call budget in virtual time. The budget's timer is armed only once a retry is coming (a single attempt is
 * bounded by its own, shorter deadline), so it is the first timer of a retried call. The HTTP exchanges themselves happen in real time on Netty threads, so
 * each step first waits (in real time) for the pipeline to schedule its next timer, then advances virtual
 * time. Attempts are counted through the token provider, which is asked once per attempt. A retry fired by
 * advancing virtual time may be carried out by the Netty thread that is still unwinding the failed attempt,
 * so the count is awaited briefly rather than read at once.
 */
class PipelineRetryTest {

    /** A safety net only: passing tests take milliseconds, but builds may run on a loaded machine. */
    private static final Duration REAL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(90);
    /** Backoff without jitter, so virtual-time steps can be exact: 1 s, then 2 s. */
    private static final RetryOptions EXACT = new RetryOptions(2, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.0,
            Duration.ofSeconds(60));
    private static final Reply OK = Reply.json(200, "{\"ok\":true}");

    private final AtomicInteger attempts = new AtomicInteger();
    private final TokenProvider countingTokens = () -> {
        attempts.incrementAndGet();
        return Mono.just(AccessToken.nonExpiring("test-token"));
    };

    @BeforeAll
    static void warmUp() {
        // The first exchange of the JVM starts Netty's event loops and resolver; keep that out of the tests.
        try (ScriptedServer warm = ScriptedServer.start().enqueue(OK);
             HttpPipeline once = new HttpPipeline(TestOptions.forServer(warm).build())) {
            once.execute(ApiRequest.of("GET", "/warm-up"), JsonNode.class, RequestOptions.DEFAULT).block(REAL_TIMEOUT);
        }
    }

    private ScriptedServer server;
    private TimerRecordingScheduler vts;
    private HttpPipeline pipeline;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        vts = new TimerRecordingScheduler();
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.closeAndWait(java.time.Duration.ofSeconds(5));
        }
        server.close();
    }

    private HttpPipeline pipeline(UnaryOperator<TestOptions> settings) {
        pipeline = new HttpPipeline(settings.apply(TestOptions.forServer(server).tokenProvider(countingTokens)
                .scheduler(vts)).build());
        return pipeline;
    }

    private StepVerifier.FirstStep<CortiResponse<JsonNode>> call(String method, RequestOptions options) {
        ApiRequest request = method.equals("GET") ? ApiRequest.of("GET", "/things")
                : new ApiRequest(method, "/things", List.of(), Map.of("name", "x"));
        return StepVerifier.withVirtualTime(() -> pipeline.execute(request, JsonNode.class, options), () -> vts,
                Long.MAX_VALUE);
    }

    private StepVerifier.FirstStep<CortiResponse<JsonNode>> call(String method) {
        return call(method, RequestOptions.DEFAULT);
    }

    private static Reply never() {
        return (request, response) -> Mono.never();
    }

    /** Waits in real time until the server has received {@code n} requests. */
    private void awaitRequests(int n) {
        awaitUntil(() -> server.received().size() >= n, () -> "server received " + server.received().size()
                + " requests, expected " + n);
    }

    /** Waits in real time until {@code n} attempts have started. */
    private void awaitAttempts(int n) {
        awaitUntil(() -> attempts.get() >= n, () -> attempts.get() + " attempts started, expected " + n);
        assertThat(attempts).hasValue(n);
    }

    private static void awaitUntil(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + REAL_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void getIsRetriedOn503UntilItSucceeds() {
        pipeline(b -> b);
        server.enqueue(Reply.json(503, "{}"), Reply.json(503, "{}"), OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(0)).isEqualTo(DEFAULT_BUDGET))
                .then(() -> assertThat(vts.awaitTimer(1)).isBetween(Duration.ofMillis(900), Duration.ofMillis(1100)))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofMillis(1100))
                .then(() -> awaitAttempts(2))
                .then(() -> assertThat(vts.awaitTimer(2)).isBetween(Duration.ofMillis(1800), Duration.ofMillis(2200)))
                .thenAwait(Duration.ofMillis(2200))
                .assertNext(response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.value().path("ok").asBoolean()).isTrue();
                })
                .expectComplete()
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(3).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(attempts).hasValue(3);
        assertThat(vts.timers()).hasSize(3);
    }

    @Test
    void getGivesUpWithTheLastErrorAfterMaxRetries() {
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.json(503, "{}"), Reply.json(503, "{}"), Reply.json(503, "{\"detail\":\"third\"}"))
                .otherwise(r -> OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .expectNoEvent(Duration.ofSeconds(1))
                .then(() -> assertThat(vts.awaitTimer(2)).isEqualTo(Duration.ofSeconds(2)))
                .expectNoEvent(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ServerException.class)
                        .hasMessageContaining("HTTP 503").hasMessageContaining("third"))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(3);
        assertThat(attempts).hasValue(3);
        assertThat(vts.timers()).as("budget and two waits, no third wait").hasSize(3);
    }

    @Test
    void postThatGot503IsNotRetried() {
        assertNotRetried("POST", 503);
    }

    @Test
    void patchThatGot502IsNotRetried() {
        assertNotRetried("PATCH", 502);
    }

    @Test
    void getThatGot500IsNotRetried() {
        assertNotRetried("GET", 500);
    }

    /** Fails at once: a scheduled retry would wait for virtual time that never advances, and verify would time out. */
    private void assertNotRetried(String method, int status) {
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.json(status, "{\"detail\":\"boom\"}")).otherwise(r -> OK);

        call(method)
                .expectSubscription()
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ServerException.class)
                        .satisfies(s -> assertThat(((ServerException) s).statusCode()).isEqualTo(status)))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1).first().satisfies(r -> assertThat(r.method()).isEqualTo(method));
        assertThat(attempts).hasValue(1);
        // The attempt's own deadline (30 s, shorter than the 90 s budget) bounded it: no budget timer, no backoff.
        assertThat(vts.timers()).as("no timer for a call that is not retried").isEmpty();
    }

    @Test
    void requestOptionsMaxRetriesZeroDisablesRetries() {
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.json(503, "{}")).otherwise(r -> OK);

        call("GET", RequestOptions.builder().maxRetries(0).build())
                .expectSubscription()
                .expectError(ServerException.class)
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1);
        assertThat(vts.timers()).as("no timer for a call that is not retried").isEmpty();
    }

    @Test
    void rateLimitWaitsExactlyTheRetryAfterSeconds() {
        pipeline(b -> b);
        server.enqueue(Reply.json(429, "{}", "Retry-After", "3"), OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(3)))
                .expectNoEvent(Duration.ofMillis(2999))
                .then(() -> {
                    assertThat(attempts).as("nothing sent before 3 s").hasValue(1);
                    assertThat(server.received()).hasSize(1);
                })
                .thenAwait(Duration.ofMillis(1))
                .then(() -> awaitAttempts(2))
                .assertNext(response -> assertThat(response.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(2);
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredWithTheInjectedClock() {
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(5).atZone(ZoneOffset.UTC));
        pipeline(b -> b.clock(Clock.fixed(now, ZoneOffset.UTC)));
        server.enqueue(Reply.json(429, "{}", "Retry-After", inFiveSeconds), OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(5)))
                .expectNoEvent(Duration.ofMillis(4999))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> awaitAttempts(2))
                .assertNext(response -> assertThat(response.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(REAL_TIMEOUT);
    }

    @Test
    void retryAfterBeyondTheCapEndsTheCallWithRateLimitException() {
        pipeline(b -> b);
        server.enqueue(Reply.json(429, "{}", "Retry-After", "61")).otherwise(r -> OK);

        call("GET")
                .expectSubscription()
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(RateLimitException.class,
                        limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(61))))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1);
        assertThat(vts.timers()).as("no timer for a call that is not retried").isEmpty();
    }

    @Test
    void postToAClosedPortIsRetriedBecauseItWasNeverSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        pipeline = new HttpPipeline(TestOptions.builder().tenantName("base")
                .baseUrl("http://127.0.0.1:" + closedPort + "/v2").tokenProvider(countingTokens)
                .retryOptions(EXACT).scheduler(vts).build());

        call("POST")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .then(() -> assertThat(attempts).hasValue(1))
                .thenAwait(Duration.ofSeconds(1))
                .then(() -> assertThat(vts.awaitTimer(2)).isEqualTo(Duration.ofSeconds(2)))
                .then(() -> awaitAttempts(2))
                .thenAwait(Duration.ofSeconds(2))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CortiTransportException.class,
                        transport -> assertThat(transport.requestNeverSent()).isTrue()))
                .verify(REAL_TIMEOUT);

        assertThat(attempts).as("first attempt and both retries").hasValue(3);
    }

    @Test
    void postWhoseConnectionDroppedAfterSendingIsNotRetried() {
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.drop()).otherwise(r -> OK);

        call("POST")
                .expectSubscription()
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CortiTransportException.class,
                        transport -> assertThat(transport.requestNeverSent()).isFalse()))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void getWhoseConnectionDroppedIsRetried() {
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.drop(), OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(response -> assertThat(response.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(2);
    }

    private StepVerifier.FirstStep<CortiResponse<Void>> delete() {
        return StepVerifier.withVirtualTime(() -> pipeline.execute(ApiRequest.of("DELETE", "/things/1"),
                ResponseReader.none(), RequestOptions.DEFAULT), () -> vts, Long.MAX_VALUE);
    }

    @Test
    void deleteRetriedAfterAnUnknownOutcomeTakes404AsDone() {
        // The first attempt may have deleted it before its answer was lost: the resource is gone, as asked.
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.drop(), Reply.json(404, "{\"title\":\"not found\"}"));

        delete()
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(response -> {
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.value()).isNull();
                })
                .expectComplete()
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).extracting(ScriptedServer.Received::method).containsExactly("DELETE", "DELETE");
    }

    @Test
    void deleteAnswered404AtTheFirstAttemptIsNotFound() {
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.json(404, "{\"title\":\"not found\"}"));

        delete().expectError(NotFoundException.class).verify(REAL_TIMEOUT);
    }

    @Test
    void deleteThatGot503BeforeIts404IsNotFound() {
        // A 503 is an answer: the server said it did not act, so a 404 afterwards means it never existed.
        pipeline(b -> b.retryOptions(EXACT));
        server.enqueue(Reply.json(503, "{}"), Reply.json(404, "{\"title\":\"not found\"}"));

        delete()
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .thenAwait(Duration.ofSeconds(1))
                .expectError(NotFoundException.class)
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(2);
    }

    @Test
    void getWhoseAttemptTimedOutIsRetried() {
        pipeline(b -> b.retryOptions(EXACT).responseTimeout(Duration.ofMillis(150)));
        server.enqueue(never(), OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(response -> assertThat(response.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(2);
    }

    @Test
    void aBackoffThatWouldNotFitTheBudgetFailsAtOnceWithTheLastError() {
        RetryOptions slow = new RetryOptions(2, Duration.ofSeconds(5), Duration.ofSeconds(30), 0.0,
                Duration.ofSeconds(60));
        pipeline(b -> b.retryOptions(slow).callTimeout(Duration.ofSeconds(2)));
        server.enqueue(Reply.json(503, "{}")).otherwise(r -> OK);

        call("GET")
                .expectSubscription()
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class);
                    assertThat(vts.nowMillis()).as("failed without waiting").isZero();
                })
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1);
        assertThat(vts.timers()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void theSecondBackoffThatWouldOverrunTheBudgetIsNotWaitedFor() {
        pipeline(b -> b.retryOptions(EXACT).callTimeout(Duration.ofSeconds(2)));
        server.enqueue(Reply.json(503, "{}"), Reply.json(503, "{\"detail\":\"second\"}")).otherwise(r -> OK);

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(1)).isEqualTo(Duration.ofSeconds(1)))
                .thenAwait(Duration.ofSeconds(1))
                // 1 s spent + 2 s wait >= 2 s budget: the second 503 is final, at 1 s, not at the 2 s deadline
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerException.class).hasMessageContaining("second");
                    assertThat(vts.nowMillis()).isEqualTo(1000);
                })
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(2);
        assertThat(vts.timers()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    void aServerThatNeverAnswersEndsTheCallAtTheBudget() {
        pipeline(b -> b.callTimeout(Duration.ofSeconds(2)));
        server.enqueue(never());

        call("GET")
                .expectSubscription()
                .then(() -> awaitRequests(1))
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CortiTimeoutException.class, timeout -> {
                    assertThat(timeout.wholeCall()).isTrue();
                    assertThat(timeout.timeout()).isEqualTo(Duration.ofSeconds(2));
                }))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1);
        assertThat(vts.now(TimeUnit.MILLISECONDS)).isEqualTo(2000);
    }

    @Test
    void requestOptionsTimeoutReplacesTheCallBudget() {
        pipeline(b -> b);
        server.enqueue(never());

        call("GET", RequestOptions.builder().timeout(Duration.ofMillis(500)).build())
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(0)).isEqualTo(Duration.ofMillis(500)))
                .then(() -> awaitRequests(1))
                .expectNoEvent(Duration.ofMillis(499))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CortiTimeoutException.class,
                        timeout -> assertThat(timeout.wholeCall()).isTrue()))
                .verify(REAL_TIMEOUT);
    }

    @Test
    void aTokenStillToComeIsBoundedByTheBudgetWhenTheBudgetOutlastsAnAttempt() {
        // 30 s attempts, 60 s budget: no budget timer for a plain attempt, but a token the provider is still
        // fetching is waited for only as long as the budget lasts.
        pipeline = new HttpPipeline(TestOptions.forServer(server).tokenProvider(Mono::never).scheduler(vts)
                .callTimeout(Duration.ofSeconds(60)).build());

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(0)).isEqualTo(Duration.ofSeconds(60)))
                .expectNoEvent(Duration.ofMillis(59_999))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CortiTimeoutException.class,
                        timeout -> assertThat(timeout.wholeCall()).isTrue()))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).as("nothing sent without a token").isEmpty();
    }

    @Test
    void theResendAfterA401IsBoundedByWhatIsLeftOfTheBudget() {
        // The first token is at hand; after the 401 the provider fetches a new one that never comes.
        AtomicInteger asked = new AtomicInteger();
        TokenProvider firstThenNever = new TokenProvider() {
            @Override
            public Mono<AccessToken> getToken() {
                return asked.incrementAndGet() == 1 ? Mono.just(AccessToken.nonExpiring("first")) : Mono.never();
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return true;
            }
        };
        pipeline = new HttpPipeline(TestOptions.forServer(server).tokenProvider(firstThenNever).scheduler(vts)
                .callTimeout(Duration.ofSeconds(60)).build());
        server.enqueue(Reply.json(401, "{}"));

        call("GET")
                .expectSubscription()
                .then(() -> assertThat(vts.awaitTimer(0)).isEqualTo(Duration.ofSeconds(60)))
                .then(() -> awaitUntil(() -> asked.get() == 2, () -> "the provider was asked " + asked + " times"))
                .thenAwait(Duration.ofSeconds(60))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(CortiTimeoutException.class,
                        timeout -> assertThat(timeout.wholeCall()).isTrue()))
                .verify(REAL_TIMEOUT);

        assertThat(server.received()).hasSize(1);
    }
}
