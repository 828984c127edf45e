package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockserver.model.ConnectionOptions.connectionOptions;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiDecodingException;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.error.ForbiddenException;
import ai.corti.client.core.error.GatewayTimeoutException;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.error.RateLimitException;
import ai.corti.client.core.error.ServerException;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.core.testing.Fixtures;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.it.support.Await;
import ai.corti.it.support.Facade;
import ai.corti.it.support.InteractionsApi;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.MockCortiExtension;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockserver.model.Delay;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.MediaType;

/**
 * The faults production brings, on both facades: each test asserts the exact exception type, the
 * status, how many requests reached the server, and that the call ended within its budget. After
 * each test the pool must have no connection checked out; after the class, no buffer may have leaked.
 * The module's README lists this matrix.
 */
@ExtendWith(LeakCheck.class)
class FaultMatrixTest {

    /** The budget of every call here; fast backoff keeps the suite short without changing the rules. */
    static final Duration BUDGET = Duration.ofSeconds(4);
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);
    static final RetryOptions FAST_RETRIES = new RetryOptions(2, Duration.ofMillis(50), Duration.ofMillis(200), 0.1,
            Duration.ofSeconds(3));

    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final HttpRequest GET_ONE = request().withMethod("GET").withPath("/v2/interactions/" + ID);
    private static final HttpRequest CREATE = request().withMethod("POST").withPath("/v2/interactions/");

    @RegisterExtension
    static final MockCortiExtension MOCK = new MockCortiExtension();
    private InteractionsApi api;

    @AfterEach
    void poolIsBackToZero() {
        if (api != null) {
            Await.until(() -> api.activeConnections() == 0, Duration.ofSeconds(3));
            assertThat(api.activeConnections()).as("connections still checked out").isZero();
            api.close();
        }
    }

    private InteractionsApi connect(Facade facade) {
        api = facade.connect(b -> b.tenantName("base").baseUrl(MOCK.mock().baseUrl()).tokenUrl(MOCK.mock().tokenUrl())
                .clientCredentials("fault-client", "fault-secret")
                .retryOptions(FAST_RETRIES)
                .responseTimeout(RESPONSE_TIMEOUT)
                .callTimeout(BUDGET));
        return api;
    }

    private static InteractionsCreateRequest create() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest().identifier("e")
                .status(InteractionsEncounterStatusEnum.PLANNED).type(InteractionsEncounterTypeEnum.EMERGENCY));
    }

    /** Runs a call, asserting it ended within the budget; returns what it threw (or null). */
    private static Throwable timed(Runnable call) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(call::run);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsed).as("call duration (ms)").isLessThanOrEqualTo(BUDGET.toMillis());
        return thrown;
    }

    private static <T> T timedValue(Supplier<T> call) {
        Object[] result = new Object[1];
        Throwable thrown = timed(() -> result[0] = call.get());
        assertThat(thrown).as("unexpected failure").isNull();
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void badRequestWithValidationErrors(Facade facade) {
        MOCK.mock().fault(CREATE, 1, response().withStatusCode(400).withContentType(MediaType.parse("application/problem+json"))
                .withBody(Fixtures.validationProblem()));

        Throwable thrown = timed(() -> connect(facade).create(create()));

        assertThat(thrown).isExactlyInstanceOf(BadRequestException.class);
        BadRequestException e = (BadRequestException) thrown;
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.validationErrors()).containsExactly(java.util.Map.of("encounter.identifier", "is required"));
        assertThat(MOCK.mock().count(CREATE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void unauthorizedWithOnlyWwwAuthenticateIsRefreshedOnceThenThrown(Facade facade) {
        MOCK.mock().faultAlways(GET_ONE, response().withStatusCode(401)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(UnauthorizedException.class);
        assertThat(((UnauthorizedException) thrown).wwwAuthenticate()).contains("Bearer error=\"invalid_token\"");
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(2);
        assertThat(MOCK.mock().tokenRequests()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void forbidden(Facade facade) {
        MOCK.mock().fault(GET_ONE, 1, MockCorti.json(403, Fixtures.problem(403, "not allowed")));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(ForbiddenException.class);
        assertThat(((ForbiddenException) thrown).statusCode()).isEqualTo(403);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void notFound(Facade facade) {
        MOCK.mock().fault(GET_ONE, 1, MockCorti.json(404, Fixtures.problem(404, "no such interaction")));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(NotFoundException.class);
        assertThat(((NotFoundException) thrown).requestId()).contains("req-404");
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void rateLimitedGetWaitsForRetryAfterSeconds(Facade facade) {
        MOCK.mock().fault(GET_ONE, 1, MockCorti.json(429, Fixtures.problem(429, "slow down")).withHeader("Retry-After", "1"));

        long start = System.nanoTime();
        InteractionsGetResponse got = timedValue(() -> connect(facade).get(ID));

        assertThat(got.getId()).isNotNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(1000);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void rateLimitedGetWaitsForRetryAfterDate(Facade facade) {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC)
                .plusSeconds(2));
        MOCK.mock().fault(GET_ONE, 1, MockCorti.json(429, Fixtures.problem(429, "slow down")).withHeader("Retry-After", inTwoSeconds));

        long start = System.nanoTime();
        InteractionsGetResponse got = timedValue(() -> connect(facade).get(ID));

        assertThat(got.getId()).isNotNull();
        // the date has whole-second precision: the wait is between 1 and 2 seconds
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void rateLimitedPostIsNotRetried(Facade facade) {
        MOCK.mock().fault(CREATE, 1, MockCorti.json(429, Fixtures.problem(429, "slow down")).withHeader("Retry-After", "1"));

        Throwable thrown = timed(() -> connect(facade).create(create()));

        assertThat(thrown).isExactlyInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) thrown).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(MOCK.mock().count(CREATE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void internalServerErrorIsNotRetried(Facade facade) {
        MOCK.mock().faultAlways(GET_ONE, MockCorti.json(500, Fixtures.problem(500, "boom")));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(ServerException.class);
        assertThat(((ServerException) thrown).statusCode()).isEqualTo(500);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void serviceUnavailableTwiceThenOkRetriesAGet(Facade facade) {
        MOCK.mock().fault(GET_ONE, 2, MockCorti.json(503, Fixtures.problem(503, "down")));

        InteractionsGetResponse got = timedValue(() -> connect(facade).get(ID));

        assertThat(got.getId()).isNotNull();
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void serviceUnavailableOnAPostIsNotRetried(Facade facade) {
        MOCK.mock().fault(CREATE, 2, MockCorti.json(503, Fixtures.problem(503, "down")));

        Throwable thrown = timed(() -> connect(facade).create(create()));

        assertThat(thrown).isExactlyInstanceOf(ServerException.class);
        assertThat(((ServerException) thrown).statusCode()).isEqualTo(503);
        assertThat(MOCK.mock().count(CREATE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void gatewayTimeoutWithAnHtmlBody(Facade facade) {
        MOCK.mock().faultAlways(GET_ONE, response().withStatusCode(504).withContentType(MediaType.TEXT_HTML_UTF_8)
                .withBody("<html><body><h1>504 Gateway Time-out</h1></body></html>"));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(GatewayTimeoutException.class);
        GatewayTimeoutException e = (GatewayTimeoutException) thrown;
        assertThat(e.statusCode()).isEqualTo(504);
        assertThat(e.errorResponse()).isEmpty();
        assertThat(e.getMessage()).contains("504 Gateway Time-out");
        assertThat(e.rawBody()).contains("<h1>504 Gateway Time-out</h1>");
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(3); // a GET is retried on 504
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void connectionDroppedBeforeTheResponseIsRetriedForAGet(Facade facade) {
        MOCK.mock().drop(GET_ONE, 1);

        InteractionsGetResponse got = timedValue(() -> connect(facade).get(ID));

        assertThat(got.getId()).isNotNull();
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void connectionDroppedOnAPostIsNotRetried(Facade facade) {
        MOCK.mock().drop(CREATE, 1);

        Throwable thrown = timed(() -> connect(facade).create(create()));

        assertThat(thrown).isExactlyInstanceOf(CortiTransportException.class);
        assertThat(((CortiTransportException) thrown).requestNeverSent()).isFalse();
        assertThat(MOCK.mock().count(CREATE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void responseDelayedPastTheTimeout(Facade facade) {
        MOCK.mock().faultAlways(GET_ONE, MockCorti.json(200, Fixtures.interaction(ID)).withDelay(Delay.seconds(2)));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(CortiTimeoutException.class);
        assertThat(((CortiTimeoutException) thrown).wholeCall()).isFalse();
        assertThat(((CortiTimeoutException) thrown).timeout()).isEqualTo(RESPONSE_TIMEOUT);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void bodyThatStopsHalfway(Facade facade) {
        String body = Fixtures.interaction(ID);
        MOCK.mock().faultAlways(GET_ONE, MockCorti.json(200, body.substring(0, body.length() / 2))
                .withConnectionOptions(connectionOptions().withContentLengthHeaderOverride(body.length())
                        .withCloseSocket(true)));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(CortiTransportException.class);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(3); // the GET was retried, each time cut short
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void okWithInvalidJson(Facade facade) {
        MOCK.mock().fault(GET_ONE, 1, MockCorti.json(200, "{\"id\": \"f47ac10b-58cc-4372-a567-0e02b2c3d479\", \"encounter\": ["));

        Throwable thrown = timed(() -> connect(facade).get(ID));

        assertThat(thrown).isExactlyInstanceOf(CortiDecodingException.class);
        assertThat(((CortiDecodingException) thrown).statusCode()).isEqualTo(200);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    void okWithUnknownFieldsAndAnUnknownEnumValueSucceeds(Facade facade) {
        String body = Fixtures.interaction(ID).replace("\"planned\"", "\"archived\"")
                .replaceFirst("\\{", "{\"futureField\":{\"nested\":true},");
        MOCK.mock().fault(GET_ONE, 1, MockCorti.json(200, body));

        InteractionsGetResponse got = timedValue(() -> connect(facade).get(ID));

        assertThat(got.getId()).isEqualTo(ID);
        assertThat(got.getEncounter().getStatus()).isEqualTo(InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(MOCK.mock().count(GET_ONE)).isEqualTo(1);
    }
}
