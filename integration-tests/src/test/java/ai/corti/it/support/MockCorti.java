package ai.corti.it.support;

import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import ai.corti.client.core.testing.Fixtures;
import ai.corti.spec.CortiSpec;
import org.mockserver.configuration.Configuration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.mock.Expectation;
import org.mockserver.mock.OpenAPIExpectation;
import java.util.Arrays;
import java.util.Map;
import org.mockserver.logging.MockServerLogger;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.ClearType;
import org.mockserver.model.OpenAPIDefinition;
import org.mockserver.model.RequestDefinition;
import org.mockserver.openapi.OpenAPIConverter;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.MediaType;

/**
 * MockServer on loopback, driven by the SDK's own normalised OpenAPI document: it answers only requests
 * that match the spec (operation, {@code /v2} path, {@code Tenant-Name}, bearer token, query types and
 * enums, body schema) and gives 404 to anything else. Faults are added as higher-priority expectations;
 * a token endpoint answers like Corti's identity provider.
 */
public final class MockCorti implements AutoCloseable {

    /** The token path of tenant {@code base}. */
    public static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";
    /** Any interactions API path. */
    public static final String API_PATHS = "/v2/interactions/.*";

    private static final int FAULT_PRIORITY = 10;

    private final ClientAndServer server;
    /** The faults added since the last reset, removed by {@link #reset()} while the spec's expectations stay. */
    private final List<String> faults = new CopyOnWriteArrayList<>();

    private MockCorti() {
        Configuration configuration = Configuration.configuration()
                .localBoundIP("127.0.0.1")
                .logLevel("WARN")
                .disableSystemOut(true);
        this.server = ClientAndServer.startClientAndServer(configuration, 0);
        server.upsert(OpenAPIExpectation.openAPIExpectation(CortiSpec.url().toString()));
        server.when(request().withMethod("POST").withPath(TOKEN_PATH))
                .respond(json(200, Fixtures.token("mock-token", 300)));
    }

    /** Starts MockServer on a random loopback port with the spec and a token endpoint loaded. */
    public static MockCorti start() {
        return new MockCorti();
    }

    /** Returns the API base URL, e.g. {@code http://127.0.0.1:1234/v2}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v2";
    }

    /** Returns the token URL of tenant {@code base}. */
    public String tokenUrl() {
        return "http://127.0.0.1:" + server.getPort() + TOKEN_PATH;
    }

    /** Returns the MockServer client, for expectations and recorded requests. */
    public ClientAndServer server() {
        return server;
    }

    /** Answers the next {@code times} requests matching {@code match} with {@code answer}, before the spec. */
    public void fault(HttpRequest match, int times, HttpResponse answer) {
        remember(server.when(match, Times.exactly(times), TimeToLive.unlimited(), FAULT_PRIORITY).respond(answer));
    }

    /** Answers every request matching {@code match} with {@code answer}, before the spec. */
    public void faultAlways(HttpRequest match, HttpResponse answer) {
        remember(server.when(match, Times.unlimited(), TimeToLive.unlimited(), FAULT_PRIORITY).respond(answer));
    }

    /** Drops the connection of the next {@code times} requests matching {@code match}. */
    public void drop(HttpRequest match, int times) {
        remember(server.when(match, Times.exactly(times), TimeToLive.unlimited(), FAULT_PRIORITY)
                .error(org.mockserver.model.HttpError.error().withDropConnection(true)));
    }

    /**
     * Answers every request that matches one operation of the spec with {@code answer}, before the spec's own
     * answer: a request that does not conform to the operation still gets MockServer's 404.
     *
     * @param operationId the spec's operation
     * @param answer      the response
     */
    public void answerOperation(String operationId, HttpResponse answer) {
        remember(server.when(operation(operationId), Times.unlimited(), TimeToLive.unlimited(), FAULT_PRIORITY)
                .respond(answer));
    }

    /**
     * The response MockServer builds from the spec for one declared status of an operation: the status, the
     * declared media type and the spec's example, or an example MockServer derives from the schema.
     *
     * @param operationId the spec's operation
     * @param status      a status the operation declares
     * @return the response
     */
    public static HttpResponse declaredResponse(String operationId, int status) {
        List<Expectation> built = new OpenAPIConverter(new MockServerLogger())
                .buildExpectations(CortiSpec.url().toString(), Map.of(operationId, String.valueOf(status)));
        if (built.size() != 1 || built.get(0).getHttpResponse() == null) {
            throw new IllegalArgumentException(operationId + " declares no response " + status);
        }
        return built.get(0).getHttpResponse();
    }

    /**
     * The requests received that match one operation of the spec, oldest first.
     *
     * @param operationId the spec's operation
     * @return the requests that conform to it
     */
    public List<HttpRequest> received(String operationId) {
        return Arrays.stream(server.retrieveRecordedRequests(operation(operationId)))
                .map(HttpRequest.class::cast).toList();
    }

    /**
     * Matches the requests that conform to one operation of the spec: MockServer's own OpenAPI matcher, except for
     * an operation whose request body is not JSON. MockServer 5.15.0 parses every body it checks against a schema
     * as JSON, so it refuses any binary upload ({@code recordings_upload}'s audio) as not conforming; those are
     * matched by {@link SpecRequestMatcher} instead, built from the same operation (method, path and its
     * parameters' formats, required headers, media type), and the suite checks their bytes itself.
     */
    private static RequestDefinition operation(String operationId) {
        SpecDocument.SpecOperation op = SpecDocument.packaged().operation(operationId);
        boolean binaryBody = op.requestBody().filter(body -> !body.getKey().equals("application/json")).isPresent();
        return binaryBody ? SpecRequestMatcher.of(SpecDocument.packaged(), op, "/v2")
                : OpenAPIDefinition.openAPI(CortiSpec.url().toString(), operationId);
    }

    private void remember(Expectation[] added) {
        for (Expectation expectation : added) {
            faults.add(expectation.getId());
        }
    }

    /** Counts the requests received that match (MockServer's verify miscounts OpenAPI matchers). */
    public int count(HttpRequest match) {
        return server.retrieveRecordedRequests(match).length;
    }

    /** Counts API requests (any method). */
    public int apiRequests() {
        return count(request().withPath(API_PATHS));
    }

    /** Counts token requests. */
    public int tokenRequests() {
        return count(request().withPath(TOKEN_PATH));
    }

    /**
     * Forgets recorded requests and faults, keeping the spec and token expectations. The spec is not
     * reloaded: parsing the whole assembled document takes MockServer a few hundred milliseconds, once per
     * test class is enough.
     */
    public void reset() {
        for (String id : faults) {
            server.clear(id, ClearType.EXPECTATIONS);
        }
        faults.clear();
        server.clear(request(), ClearType.LOG);
    }

    /** A JSON response. */
    public static HttpResponse json(int status, String body) {
        return response().withStatusCode(status).withContentType(MediaType.APPLICATION_JSON).withBody(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
