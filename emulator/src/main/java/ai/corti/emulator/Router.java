package ai.corti.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The emulator's one HTTP handler: reads the request, picks the operation from method and path, applies
 * an injected fault, checks auth, runs the operation, checks the answer against the spec, records the
 * exchange and writes the answer.
 *
 * <p>Routes: {@code POST /realms/{tenant}/protocol/openid-connect/token}; {@code GET} and {@code POST}
 * {@code /v2/interactions/} (also without the trailing slash); {@code GET} and {@code PATCH}
 * {@code /v2/interactions/{id}}. Anything else is a 404 (or a 405 for a known path) problem.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.emulator");

    private static final Pattern TOKEN_PATH = Pattern.compile("/realms/([^/]+)/protocol/openid-connect/token/?");
    private static final Pattern COLLECTION_PATH = Pattern.compile("/v2/interactions/?");
    private static final Pattern ITEM_PATH = Pattern.compile("/v2/interactions/([^/]+)/?");
    private static final String API_PREFIX = "/v2/";

    private final TokenEndpoint tokenEndpoint;
    private final Authenticator authenticator;
    private final InteractionsApi interactions;
    private final Faults faults;
    private final ExchangeJournal journal;
    private final SpecConformance conformance;
    private final Clock clock;

    Router(TokenEndpoint tokenEndpoint, Authenticator authenticator, InteractionsApi interactions, Faults faults,
           ExchangeJournal journal, SpecConformance conformance, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.authenticator = authenticator;
        this.interactions = interactions;
        this.faults = faults;
        this.journal = journal;
        this.conformance = conformance;
        this.clock = clock;
    }

    /** Reactor Netty's handler: one call per request. */
    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Instant receivedAt = clock.instant();
        long started = System.nanoTime();
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> {
                    IncomingRequest incoming = IncomingRequest.of(Ids.randomUuid().toString(),
                            request.method().name().toUpperCase(Locale.ROOT), request.uri(), request.requestHeaders(),
                            body);
                    Route route = route(incoming);
                    Faults.Fault fault = incoming.path().startsWith(API_PREFIX) ? faults.poll() : null;
                    if (fault instanceof Faults.Drop) {
                        record(receivedAt, incoming, route, new Reply(0, Map.of(), ""));
                        LOG.debug("{} {} -> connection dropped (injected fault)", incoming.method(), incoming.path());
                        return Mono.<Void>fromRunnable(() -> response.withConnection(c -> c.channel().close()));
                    }
                    Mono<Reply> reply = fault instanceof Faults.Delay delay
                            ? Mono.delay(delay.delay()).map(tick -> answer(incoming, route, null))
                            : Mono.fromSupplier(() -> answer(incoming, route, fault));
                    return reply.flatMap(answer -> {
                        record(receivedAt, incoming, route, answer);
                        LOG.debug("{} {} -> {} ({} ms)", incoming.method(), incoming.path(), answer.status(),
                                (System.nanoTime() - started) / 1_000_000);
                        return send(response, incoming, answer);
                    });
                });
    }

    /** The operation a request asks for; the path's parameter (tenant or id) comes along. */
    private record Route(String operationId, String parameter, String allow) {
        static final Route NONE = new Route(null, null, null);
    }

    private static Route route(IncomingRequest request) {
        String path = request.path();
        String method = request.method();
        Matcher token = TOKEN_PATH.matcher(path);
        if (token.matches()) {
            return new Route(RecordedExchange.TOKEN, token.group(1), "POST");
        }
        if (COLLECTION_PATH.matcher(path).matches()) {
            return switch (method) {
                case "POST" -> new Route(InteractionsApi.CREATE, null, null);
                case "GET" -> new Route(InteractionsApi.LIST, null, null);
                default -> new Route(null, null, "GET, POST");
            };
        }
        Matcher item = ITEM_PATH.matcher(path);
        if (item.matches()) {
            return switch (method) {
                case "GET" -> new Route(InteractionsApi.GET, item.group(1), null);
                case "PATCH" -> new Route(InteractionsApi.UPDATE, item.group(1), null);
                default -> new Route(null, null, "GET, PATCH");
            };
        }
        return Route.NONE;
    }

    /**
     * Computes the answer and checks it against the spec, refusals included; a bug becomes a 500 problem here
     * instead of a dropped connection.
     */
    private Reply answer(IncomingRequest request, Route route, Faults.Fault fault) {
        try {
            Reply reply;
            try {
                reply = dispatch(request, route, fault);
            } catch (InvalidRequest invalid) {
                reply = ProblemResponses.badRequest(request.requestId(), invalid);
            }
            if (!RecordedExchange.TOKEN.equals(route.operationId()) && request.path().startsWith(API_PREFIX)) {
                List<String> problems = conformance.violations(route.operationId(), reply.status(),
                        reply.contentType(), reply.headers().get("WWW-Authenticate"), reply.body());
                if (!problems.isEmpty()) {
                    LOG.error("The emulator's answer to {} {} departs from the spec: {}", request.method(),
                            request.path(), problems);
                    return ProblemResponses.problem(500, request.requestId(),
                            "The emulator produced an answer that departs from the spec: " + problems, List.of());
                }
            }
            return reply;
        } catch (RuntimeException e) {
            LOG.error("The emulator failed on {} {}", request.method(), request.path(), e);
            return ProblemResponses.problem(500, request.requestId(), "The emulator failed: " + e, List.of());
        }
    }

    private Reply dispatch(IncomingRequest request, Route route, Faults.Fault fault) {
        if (fault instanceof Faults.Fail fail) {
            Reply reply = ProblemResponses.problem(fail.status(), request.requestId(),
                    "Injected fault: HTTP " + fail.status() + " (CortiEmulator.faults())", List.of());
            return fail.retryAfter() == null ? reply
                    : reply.withHeader("Retry-After", Long.toString(fail.retryAfter().toSeconds()));
        }
        if (route.operationId() == null) {
            if (route.allow() != null) {
                return ProblemResponses.methodNotAllowed(request.requestId(), request.method(), request.path(),
                        route.allow());
            }
            return ProblemResponses.notFound(request.requestId(), "No resource at " + request.path()
                    + (request.path().endsWith("/streams") ? " (streams are served under /audio-bridge/v2/)" : ""));
        }
        if (route.operationId().equals(RecordedExchange.TOKEN)) {
            return tokenEndpoint.handle(request, route.parameter());
        }
        Authenticator.Outcome auth = authenticator.authenticate(request);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        String tenant = auth.tenant();
        boolean hasBody = route.operationId().equals(InteractionsApi.CREATE)
                || route.operationId().equals(InteractionsApi.UPDATE);
        if (hasBody && !isJson(request.mediaType())) {
            return ProblemResponses.unsupportedMediaType(request.requestId(), request.mediaType());
        }
        return switch (route.operationId()) {
            case InteractionsApi.CREATE -> interactions.create(request, tenant);
            case InteractionsApi.LIST -> interactions.list(request, tenant);
            case InteractionsApi.GET -> interactions.get(request, tenant, route.parameter());
            case InteractionsApi.UPDATE -> interactions.update(request, tenant, route.parameter());
            default -> throw new IllegalStateException("unrouted operation " + route.operationId());
        };
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private Mono<Void> send(HttpServerResponse response, IncomingRequest request, Reply reply) {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.status(reply.status());
        reply.headers().forEach(response::header);
        response.header("X-Request-Id", request.requestId());
        response.header("Content-Length", Integer.toString(body.length));
        return body.length == 0 ? response.send() : response.sendByteArray(Mono.just(body)).then();
    }

    private void record(Instant receivedAt, IncomingRequest request, Route route, Reply reply) {
        boolean token = RecordedExchange.TOKEN.equals(route.operationId());
        Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, value) -> requestHeaders.put(name,
                name.equalsIgnoreCase("Authorization") ? maskCredential(value) : value));
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        responseHeaders.putAll(reply.headers());
        if (reply.status() != 0) {
            responseHeaders.put("X-Request-Id", request.requestId());
        }
        String tenant = token ? route.parameter() : request.header("Tenant-Name").orElse(null);
        journal.add(new RecordedExchange(receivedAt, request.method(), request.path(), request.rawQuery(),
                Collections.unmodifiableMap(requestHeaders),
                token ? maskForm(request.body()) : request.body(),
                route.operationId(), tenant, reply.status(), Collections.unmodifiableMap(responseHeaders),
                token ? reply.body().replaceAll("\"access_token\":\"[^\"]*\"", "\"access_token\":\"***\"") : reply.body()));
    }

    /** Keeps the scheme of an Authorization header, never the credential. */
    private static String maskCredential(String authorization) {
        int space = authorization.indexOf(' ');
        return (space < 0 ? "" : authorization.substring(0, space) + " ") + "***";
    }

    private static String maskForm(String form) {
        return form.replaceAll("(?i)(client_secret=)[^&]*", "$1***");
    }
}
