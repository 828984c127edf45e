package ai.corti.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.CortiResponse;
import ai.corti.client.core.error.BadRequestException;
import ai.corti.client.core.error.CortiApiException;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.TranscriptsResponse;
import ai.corti.client.model.TranscriptsStatusEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.CortiOperations;
import ai.corti.emulator.RecordedExchange;
import ai.corti.emulator.SpecConformance;
import ai.corti.emulator.TenantData;
import ai.corti.emulator.spec.StrictModels;
import ai.corti.it.contract.OperationCall.Kind;
import ai.corti.it.support.Facade;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.SpecDocument.SpecOperation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle contract on the second backend: the calls of {@link ContractCalls}, through both facades, against
 * the emulator, which keeps real state, validates every request and checks every answer it sends against the spec.
 * The case table is {@link LifecycleContractTest}'s ({@link ContractCases}: every operation of the spec x both
 * facades); each test's name says the backend, the facade and the operation.
 *
 * <ol>
 *   <li>{@link #everyCallSucceedsWithADeclaredStatusAndDecodes}: every call of every operation, on resources created
 *       first ({@link EmulatorFixtures}), is answered with a 2xx the spec declares for it, and together the calls
 *       get every declared 2xx (the 200 and the 201 of a guided document, the 201 and the 202 of a transcript);
 *       each result is the declared model holding exactly the answer; a download is the bytes uploaded, an upload
 *       is stored byte for byte.</li>
 *   <li>{@link #naturalErrorsMapToTheirExceptions}: what the emulator refuses by itself ({@link NaturalError}: ids
 *       that do not exist, a guided document without input, a bad token, another tenant's token, an invalid body)
 *       throws the typed exception of its status, with the problem read, the request id of the answer, and the
 *       challenge of a 401; the calls that do not send the bad id succeed.</li>
 *   <li>{@link #injectedErrorsMapToTheirExceptions}: every other declared 4xx and 5xx, injected for the operation
 *       ({@code faults().forOperation(..)}), maps the same way.</li>
 * </ol>
 *
 * After every test, every answer the emulator gave (the fixtures' too) is checked again against the spec
 * ({@link SpecConformance}) and read strictly into the generated models ({@link StrictModels}), and no answer may
 * be a 5xx that was not injected. {@link #everySpecOperationRunsOnBothBackends} fails naming an operation of the
 * spec either backend's suite would miss; {@link #theChecksOfThisSuiteCanFail} shows the checks can fail.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class EmulatorContractTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String INJECTED = "Injected fault";
    private static final SpecConformance CONFORMANCE = SpecConformance.packaged();

    @TempDir
    static Path workDir;

    private static CortiEmulator emulator;
    private static Clients clients;
    private static Clients badToken;
    private static Clients otherTenant;
    private static Map<String, List<OperationCall>> calls;
    private static EmulatorFixtures fixtures;

    /** What the answers since the last check departed from; checked after each test. */
    private static final List<String> DEPARTURES = new ArrayList<>();

    /** A client of each facade, configured alike. */
    private record Clients(CortiClient blocking, CortiReactiveClient reactive) {

        static Clients of(Consumer<CortiClientBuilder<?>> configure) {
            CortiClient.Builder blocking = CortiClient.builder();
            CortiReactiveClient.Builder reactive = CortiReactiveClient.builder();
            configure.accept(blocking);
            configure.accept(reactive);
            return new Clients(blocking.build(), reactive.build());
        }

        Object run(OperationCall call, Facade facade, ContractIds ids) throws Exception {
            return call.run(facade, blocking, reactive, ids, WAIT);
        }

        void close() {
            blocking.close();
            reactive.close();
        }
    }

    @BeforeAll
    static void start() {
        emulator = CortiEmulator.start();
        clients = Clients.of(b -> noRetries(b.tenantName(CortiEmulator.DEFAULT_TENANT).baseUrl(emulator.baseUrl())
                .tokenUrl(emulator.tokenUrl()).clientCredentials(emulator.clientId(), emulator.clientSecret())));
        badToken = Clients.of(b -> noRetries(b.tenantName(CortiEmulator.DEFAULT_TENANT).baseUrl(emulator.baseUrl())
                .bearerToken("a-token-the-emulator-never-issued")));
        otherTenant = Clients.of(b -> noRetries(b.tenantName(CortiEmulator.DEFAULT_TENANT).baseUrl(emulator.baseUrl())
                .tokenUrl(emulator.tokenUrl("elsewhere")).clientCredentials(emulator.clientId(),
                        emulator.clientSecret())));
        calls = ContractCalls.all(workDir);
        fixtures = new EmulatorFixtures(clients.blocking());
        drain(); // the fixtures' answers are checked with the first test's
    }

    /** No retries: every call is one request, so each can be matched with the answer the emulator recorded. */
    private static void noRetries(CortiClientBuilder<?> builder) {
        builder.maxRetries(0).responseTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        Stream.of(clients, badToken, otherTenant).filter(c -> c != null).forEach(Clients::close);
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Every answer of the test conformed, and no fault was left unused (it would fall on the next test). */
    @AfterEach
    void everyAnswerConformed() {
        drain();
        List<String> found = new ArrayList<>(DEPARTURES);
        DEPARTURES.clear();
        int pending = emulator.faults().pending();
        emulator.faults().clear();
        assertThat(found).as("answers departing from the spec").isEmpty();
        assertThat(pending).as("injected faults no call consumed").isZero();
    }

    static Stream<Arguments> naturalErrors() {
        return ContractCases.operations().flatMap(a -> Stream.of(NaturalError.values())
                .filter(kind -> kind.appliesTo((SpecOperation) a.get()[1]))
                .map(kind -> Arguments.of(a.get()[0], a.get()[1], kind)));
    }

    static Stream<Arguments> injectedErrors() {
        return Stream.concat(ContractCases.statuses(4), ContractCases.statuses(5))
                .filter(a -> !NaturalError.statusesOf((SpecOperation) a.get()[1]).contains((Integer) a.get()[2]));
    }

    @Test
    void everySpecOperationRunsOnBothBackends() {
        List<String> missing = new ArrayList<>();
        Set<String> specIds = new LinkedHashSet<>();
        for (SpecOperation op : ContractCases.SPEC.operations()) {
            specIds.add(op.id());
            List<OperationCall> own = calls.getOrDefault(op.id(), List.of());
            if (own.stream().noneMatch(c -> c.kind() == Kind.MINIMAL)) {
                missing.add(op.id() + ": no minimal call in ContractCalls (neither backend runs it)");
            }
            if (!CortiOperations.all().contains(op.id())) {
                missing.add(op.id() + ": the emulator does not serve it");
            }
            if (ContractCases.declared(op, 2).isEmpty()) {
                missing.add(op.id() + ": declares no 2xx for the emulator's answers to be held to");
            }
            boolean pathId = op.parameterNames("path").stream().anyMatch(name -> name.equals("id")
                    || name.endsWith("Id"));
            if (pathId && !NaturalError.UNKNOWN_INTERACTION.appliesTo(op)) {
                missing.add(op.id() + ": no case for an interaction that does not exist");
            }
            if (op.parameterNames("path").stream().anyMatch(name -> !name.equals("id") && name.endsWith("Id"))
                    && !NaturalError.UNKNOWN_RESOURCE.appliesTo(op)) {
                missing.add(op.id() + ": no case for a resource that does not exist");
            }
            boolean invalidBody = InvalidBodies.of(op.id()).isPresent();
            boolean unreachable = InvalidBodies.UNREACHABLE.containsKey(op.id());
            if (op.requestBody().isPresent() && invalidBody == unreachable) {
                missing.add(op.id() + (invalidBody ? ": both an invalid body and a reason why there is none"
                        : ": no invalid body, and no reason in InvalidBodies.UNREACHABLE"));
            }
            if (op.requestBody().isEmpty() && (invalidBody || unreachable)) {
                missing.add(op.id() + ": an invalid body for an operation without a body");
            }
        }
        CortiOperations.all().stream().filter(id -> !specIds.contains(id))
                .forEach(id -> missing.add(id + ": served by the emulator, not in the spec"));
        assertThat(missing).as("what the contract suite would miss on MockServer or the emulator").isEmpty();
        assertThat(naturalErrors().count() + injectedErrors().count()).as("error cases").isPositive();
    }

    @ParameterizedTest(name = "emulator {0} {1}")
    @MethodSource("ai.corti.it.contract.ContractCases#operations")
    void everyCallSucceedsWithADeclaredStatusAndDecodes(Facade facade, SpecOperation op) throws Exception {
        Set<Integer> declared = ContractCases.declared(op, 2);
        Set<Integer> answered = new TreeSet<>();
        List<String> findings = new ArrayList<>();
        boolean typedSomething = false;
        for (OperationCall call : callsOf(op)) {
            ContractIds ids = fixtures.idsFor(op.id());
            drain();
            Object result = clients.run(call, facade, ids);
            RecordedExchange exchange = theAnswerTo(op, call);
            answered.add(exchange.status());
            if (!declared.contains(exchange.status())) {
                findings.add(call + ": answered " + exchange + " " + exchange.responseBody() + ", the spec declares "
                        + declared);
                continue;
            }
            byte[] body = Answers.isDownload(op) ? downloaded(exchange, ids) : bytes(exchange.responseBody());
            Answers.decodingDifferences(op, body, exchange.status(), result)
                    .forEach(d -> findings.add(call + " answering " + exchange.status() + ": " + d));
            findings.addAll(uploadStored(op, call, ids, result));
            typedSomething |= !isEmptyList(result);
        }
        assertThat(findings).as("emulator %s %s", facade, op).isEmpty();
        assertThat(answered).as("emulator %s %s: the statuses answered, against those declared", facade, op)
                .isEqualTo(declared);
        assertThat(typedSomething).as("emulator %s %s: some call decoded more than an empty list", facade, op)
                .isTrue();
    }

    @ParameterizedTest(name = "emulator {0} {1} {2}")
    @MethodSource("naturalErrors")
    void naturalErrorsMapToTheirExceptions(Facade facade, SpecOperation op, NaturalError error) throws Exception {
        Clients through = error == NaturalError.BAD_TOKEN ? badToken
                : error == NaturalError.OTHER_TENANT ? otherTenant : clients;
        List<OperationCall> own = error == NaturalError.INVALID_BODY
                ? List.of(InvalidBodies.of(op.id()).orElseThrow().call()) : callsOf(op);
        ContractIds ids = error.ids(fixtures.shared());
        List<String> findings = new ArrayList<>();
        int failed = 0;
        for (OperationCall call : own) {
            drain();
            Throwable thrown = null;
            Object result = null;
            try {
                result = through.run(call, facade, ids);
            } catch (Exception e) {
                thrown = e;
            }
            RecordedExchange exchange = theAnswerTo(op, call);
            if (error.fails(exchange)) {
                failed++;
                findings.addAll(errorFindings(call, error.status(), thrown, exchange));
                if (error == NaturalError.INVALID_BODY) {
                    findings.addAll(namesTheField(call, thrown, InvalidBodies.of(op.id()).orElseThrow().field()));
                }
            } else if (thrown != null || exchange.status() / 100 != 2) {
                findings.add(call + ": sends nothing " + error + " is about, yet answered " + exchange + ", threw "
                        + thrown + ", returned " + result);
            }
        }
        assertThat(findings).as("emulator %s %s %s", facade, op, error).isEmpty();
        assertThat(failed).as("emulator %s %s: calls that sent what gives %s", facade, op, error).isPositive();
    }

    @ParameterizedTest(name = "emulator {0} {1} {2} (injected)")
    @MethodSource("injectedErrors")
    void injectedErrorsMapToTheirExceptions(Facade facade, SpecOperation op, int status) throws Exception {
        List<String> findings = new ArrayList<>();
        for (OperationCall call : callsOf(op)) {
            drain();
            emulator.faults().forOperation(op.id()).failNext(1, status);
            Throwable thrown = null;
            try {
                Object result = clients.run(call, facade, fixtures.shared());
                findings.add(call + ": answered " + status + ", returned " + result + " instead of throwing");
            } catch (Exception e) {
                thrown = e;
            }
            findings.addAll(errorFindings(call, status, thrown, theAnswerTo(op, call)));
        }
        assertThat(findings).as("emulator %s %s %d", facade, op, status).isEmpty();
    }

    /**
     * A transcript created with {@code async: true} (the fully populated call) is answered 202 while processing, and
     * is finished once the emulator's clock has moved on by its processing time: no waiting.
     */
    @ParameterizedTest(name = "emulator {0}")
    @EnumSource(Facade.class)
    void anAsynchronousTranscriptCompletesOnTheEmulatorsClock(Facade facade) throws Exception {
        SpecOperation create = ContractCases.SPEC.operation("transcripts_create");
        OperationCall async = callsOf(create).stream().filter(c -> c.kind() == Kind.FULL).findFirst().orElseThrow();
        drain();
        TranscriptsResponse accepted = (TranscriptsResponse) clients.run(async, facade, fixtures.shared());
        RecordedExchange answer = theAnswerTo(create, async);
        ContractIds ids = fixtures.shared().withChildren(fixtures.shared().recording(), accepted.getId(),
                fixtures.shared().fact(), fixtures.shared().document());

        Object before = clients.run(minimal("transcripts_get_status"), facade, ids);
        emulator.advanceClock(emulator.transcriptProcessingTime());
        Object after = clients.run(minimal("transcripts_get_status"), facade, ids);
        TranscriptsResponse finished = (TranscriptsResponse) clients.run(minimal("transcripts_get"), facade, ids);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.responseHeader("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/interactions/" + ids.interaction() + "/transcripts/" + accepted.getId()));
        assertThat(accepted.getStatus()).isEqualTo(TranscriptsStatusEnum.PROCESSING);
        assertThat(CortiJson.mapper().valueToTree(before).path("status").asText()).isEqualTo("processing");
        assertThat(CortiJson.mapper().valueToTree(after).path("status").asText()).isEqualTo("completed");
        assertThat(finished.getStatus()).isEqualTo(TranscriptsStatusEnum.COMPLETED);
        assertThat(finished.getTranscripts()).isNotEmpty().allSatisfy(t -> assertThat(t.getText()).isNotBlank());
        assertThat(emulator.data(CortiEmulator.DEFAULT_TENANT).transcripts(ids.interaction()))
                .filteredOn(t -> t.id().equals(accepted.getId())).singleElement()
                .satisfies(t -> assertThat(t.status()).isEqualTo("completed"));
    }

    /**
     * The checks this class relies on can fail: a status other than the one expected, an exception of another
     * type, a 400 not naming the field, an answer departing from the spec, a 5xx that was not injected, and a call
     * that did not send the unknown id are each reported. (The same checks pass on the real answers above.)
     */
    @Test
    void theChecksOfThisSuiteCanFail() throws Exception {
        OperationCall get = minimal("interactions_get");
        SpecOperation op = ContractCases.SPEC.operation("interactions_get");
        drain();
        clients.run(get, Facade.BLOCKING, fixtures.shared());
        RecordedExchange ok = theAnswerTo(op, get);
        emulator.faults().forOperation(op.id()).failNext(1, 503);
        Throwable thrown = null;
        try {
            clients.run(get, Facade.BLOCKING, fixtures.shared());
        } catch (Exception e) {
            thrown = e;
        }
        RecordedExchange failed = theAnswerTo(op, get);
        RecordedExchange unlisted = new RecordedExchange(ok.receivedAt(), ok.method(), ok.path(), ok.query(),
                ok.requestHeaders(), ok.requestBody(), ok.operationId(), ok.tenant(), 500, ok.responseHeaders(),
                "{\"detail\":\"boom\"}");
        RecordedExchange departing = new RecordedExchange(ok.receivedAt(), ok.method(), ok.path(), ok.query(),
                ok.requestHeaders(), ok.requestBody(), ok.operationId(), ok.tenant(), 200, ok.responseHeaders(),
                "{\"unexpected\":true}");
        ContractIds unknown = NaturalError.UNKNOWN_INTERACTION.ids(fixtures.shared());
        RecordedExchange toUnknown = new RecordedExchange(ok.receivedAt(), ok.method(),
                ok.path().replace(fixtures.shared().interaction().toString(), unknown.interaction().toString()),
                ok.query(), ok.requestHeaders(), ok.requestBody(), ok.operationId(), ok.tenant(), 404,
                ok.responseHeaders(), "");

        assertThat(errorFindings(get, 503, thrown, failed)).as("the injected 503 as it was answered").isEmpty();
        assertThat(errorFindings(get, 404, thrown, failed)).as("another status expected").isNotEmpty();
        assertThat(errorFindings(get, 503, new IllegalStateException("not the SDK's"), failed))
                .as("another exception").isNotEmpty();
        assertThat(namesTheField(get, thrown, "encounter")).as("no 400 naming the field").isNotEmpty();
        assertThat(departures(ok)).as("the real answer").isEmpty();
        assertThat(departures(departing)).as("an answer without the required fields").isNotEmpty();
        assertThat(departures(unlisted)).as("a 5xx that was not injected").anyMatch(d -> d.contains("not injected"));
        assertThat(NaturalError.UNKNOWN_INTERACTION.fails(ok)).as("a call sending the existing interaction").isFalse();
        assertThat(NaturalError.UNKNOWN_INTERACTION.fails(toUnknown)).as("a call sending the unknown one").isTrue();
    }

    /** The typed exception of the status, its problem as answered, the answer's request id and challenge. */
    private static List<String> errorFindings(OperationCall call, int status, Throwable thrown,
                                              RecordedExchange exchange) {
        List<String> out = new ArrayList<>();
        if (exchange.status() != status) {
            out.add(call + ": expected the emulator to answer " + status + ", it answered " + exchange + " "
                    + exchange.responseBody());
            return out;
        }
        Answers.errorDifferences(bytes(asTheSdkShowsIt(exchange.responseBody())), status, thrown)
                .forEach(d -> out.add(call + " answered " + status + ": " + d));
        if (thrown instanceof CortiApiException error) {
            Optional<String> requestId = exchange.responseHeader("X-Request-Id");
            if (requestId.isEmpty() || !error.requestId().equals(requestId)) {
                out.add(call + ": requestId() " + error.requestId() + ", the answer's X-Request-Id " + requestId);
            }
            if (error instanceof UnauthorizedException unauthorized
                    && !unauthorized.wwwAuthenticate().equals(exchange.responseHeader("WWW-Authenticate"))) {
                out.add(call + ": wwwAuthenticate() " + unauthorized.wwwAuthenticate() + ", answered "
                        + exchange.responseHeader("WWW-Authenticate"));
            }
        }
        return out;
    }

    /**
     * An error body as the SDK shows it. The SDK masks whatever is shaped like a credential in a server's texts
     * (its {@code Redactor}: a gateway may echo the request's token), and "bearer" followed by a word of four
     * characters or more is such a shape, so the emulator's 401 detail "A valid bearer token is required" reads
     * "A valid bearer *** is required". Only that masking is applied; everything else must be as answered.
     */
    private static String asTheSdkShowsIt(String body) {
        return body.replace("bearer token", "bearer ***");
    }

    /** A refused body's {@code validationErrors} name the field the call got wrong. */
    private static List<String> namesTheField(OperationCall call, Throwable thrown, String field) {
        if (thrown instanceof BadRequestException bad
                && bad.validationErrors().stream().anyMatch(error -> error.containsKey(field))) {
            return List.of();
        }
        return List.of(call + ": the 400 does not name " + field + ": "
                + (thrown instanceof BadRequestException bad ? bad.validationErrors() : thrown));
    }

    /** An upload's bytes, as the emulator stored them under the id the call returned, are the bytes given. */
    private static List<String> uploadStored(SpecOperation op, OperationCall call, ContractIds ids, Object result) {
        if (op.requestBody().filter(body -> body.getKey().equals("application/octet-stream")).isEmpty()) {
            return List.of();
        }
        Object value = result instanceof CortiResponse<?> raw ? raw.value() : result;
        UUID id = UUID.fromString(CortiJson.mapper().valueToTree(value).path("recordingId").asText());
        List<TenantData.Recording> stored = emulator.data(CortiEmulator.DEFAULT_TENANT).recordings(ids.interaction())
                .stream().filter(r -> r.id().equals(id)).toList();
        if (stored.size() != 1 || !Arrays.equals(stored.get(0).bytes(), ContractRequests.AUDIO)) {
            return List.of(call + ": recording " + id + " is not stored as the " + ContractRequests.AUDIO.length
                    + " bytes uploaded: " + stored);
        }
        return List.of();
    }

    /**
     * What a download must deliver: the recording's bytes as the emulator holds them (the journal keeps only a
     * summary of a binary answer), which must be the bytes uploaded, of the length the journal recorded.
     */
    private static byte[] downloaded(RecordedExchange exchange, ContractIds ids) {
        byte[] held = emulator.data(CortiEmulator.DEFAULT_TENANT).recordings(ids.interaction()).stream()
                .filter(r -> r.id().equals(ids.recording())).findFirst().orElseThrow().bytes();
        assertThat(held).as("the recording the emulator holds").isEqualTo(ContractRequests.AUDIO);
        assertThat(exchange.responseBody()).as("the download's summary in the journal")
                .isEqualTo("<binary, " + held.length + " bytes>");
        return held;
    }

    /**
     * Takes the exchanges since the last call, checks them all, and returns the one answer to the operation (the
     * calls run one after the other, without retries, so there is exactly one).
     */
    private static RecordedExchange theAnswerTo(SpecOperation op, OperationCall call) {
        List<RecordedExchange> answers = drain().stream().filter(e -> op.id().equals(e.operationId())).toList();
        assertThat(answers).as("%s: the emulator's answers to it", call).hasSize(1);
        return answers.get(0);
    }

    /** Takes the exchanges recorded since the last drain and checks each answer against the spec. */
    private static List<RecordedExchange> drain() {
        List<RecordedExchange> all = emulator.exchanges();
        emulator.clearExchanges();
        for (RecordedExchange exchange : all) {
            DEPARTURES.addAll(departures(exchange));
        }
        return all;
    }

    /** How an answer departs from the spec: the emulator's checker, a strict read into the models, a 5xx. */
    private static List<String> departures(RecordedExchange exchange) {
        if (!exchange.isApiCall()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(CONFORMANCE.violations(exchange));
        String body = exchange.responseBody();
        if (exchange.status() >= 500 && !body.contains(INJECTED)) {
            out.add(exchange + " (not injected): " + body);
        }
        if (!body.isEmpty() && !body.startsWith("<binary, ")) {
            StrictModels.problems(exchange.operationId(), exchange.status(), body)
                    .forEach(p -> out.add(exchange + ": " + p));
        }
        return out;
    }

    private static boolean isEmptyList(Object result) {
        Object value = result instanceof CortiResponse<?> raw ? raw.value() : result;
        return value instanceof List<?> list && list.isEmpty();
    }

    private static OperationCall minimal(String operationId) {
        return callsOf(ContractCases.SPEC.operation(operationId)).stream().filter(c -> c.kind() == Kind.MINIMAL)
                .findFirst().orElseThrow();
    }

    private static List<OperationCall> callsOf(SpecOperation op) {
        List<OperationCall> own = calls.get(op.id());
        assertThat(own).as("calls for %s in ContractCalls", op).isNotNull().isNotEmpty();
        return own;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
