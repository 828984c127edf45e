package ai.corti.emulator;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The emulator's one HTTP handler: picks the operation from method and path ({@link OperationTable}, read from the
 * spec), reads the body (bounded; a recording is streamed, never read whole), applies an injected fault, checks auth,
 * runs the operation, checks the answer against the spec, records the exchange and writes the answer.
 *
 * <p>Routes: {@code POST /realms/{tenant}/protocol/openid-connect/token}, and every operation of the spec under
 * {@code /v2} (a trailing slash optional). Anything else is a 404 (or a 405 for a known path) problem.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger("ai.corti.emulator");

    private static final Pattern TOKEN_PATH = Pattern.compile("/realms/([^/]+)/protocol/openid-connect/token/?");
    private static final String API_PREFIX = "/v2/";

    private final TokenEndpoint tokenEndpoint;
    private final Authenticator authenticator;
    private final OperationTable operations;
    private final Uploads uploads;
    private final Faults faults;
    private final ExchangeJournal journal;
    private final SpecConformance conformance;
    private final Clock clock;
    private final int maxTextBody;
    private final BodyReader.Timing timing;

    Router(TokenEndpoint tokenEndpoint, Authenticator authenticator, OperationTable operations, Uploads uploads,
           Faults faults, ExchangeJournal journal, SpecConformance conformance, Clock clock, int maxTextBody,
           BodyReader.Timing timing) {
        this.tokenEndpoint = tokenEndpoint;
        this.authenticator = authenticator;
        this.operations = operations;
        this.uploads = uploads;
        this.faults = faults;
        this.journal = journal;
        this.conformance = conformance;
        this.clock = clock;
        this.maxTextBody = maxTextBody;
        this.timing = timing;
    }

    /** Where a request goes: the token endpoint, an operation, or nowhere (404/405). */
    private record Target(String operationId, String realm, OperationTable.Match match) {

        boolean isToken() {
            return realm != null;
        }

        OperationTable.Entry entry() {
            return match instanceof OperationTable.Found found ? found.entry() : null;
        }
    }

    /** Reactor Netty's handler: one call per request. */
    Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Exchange exchange = new Exchange(clock.instant(), System.nanoTime(), request, response);
        Target target = target(exchange.method(), rawPath(request.uri()));
        OperationTable.Entry entry = target.entry();
        if (entry != null && entry.body() == OperationTable.BodyKind.BINARY) {
            return uploads.handle(exchange, target.operationId(), (OperationTable.Found) target.match(), this);
        }
        return BodyReader.text(request, maxTextBody, timing).flatMap(body -> {
            IncomingRequest incoming = exchange.incoming(body.text());
            Faults.Fault fault = incoming.path().startsWith(API_PREFIX) ? faults.poll(target.operationId()) : null;
            if (fault instanceof Faults.Drop) {
                return drop(exchange, incoming, target.operationId(), target.realm());
            }
            Mono<Reply> reply;
            if (body.tooLarge()) {
                reply = Mono.just(ProblemResponses.problem(413, incoming.requestId(), "The request body is larger than "
                        + "the " + maxTextBody + " bytes the emulator reads", List.of()));
            } else if (fault instanceof Faults.Delay delay) {
                reply = Mono.delay(delay.delay(), timing.timer()).map(tick -> answer(incoming, target, null));
            } else {
                reply = Mono.fromSupplier(() -> answer(incoming, target, fault));
            }
            return reply.flatMap(answer -> finish(exchange, incoming, target.operationId(), target.realm(),
                    body.truncated() ? answer.withHeader("Connection", "close") : answer));
        }).onErrorResume(TimeoutException.class, e -> {
            LOG.debug("{} {}: the body stopped arriving; connection closed", exchange.method(), request.uri());
            return close(exchange);
        });
    }

    /** Closes an exchange's connection without (further) answer. */
    static Mono<Void> close(Exchange exchange) {
        return Mono.fromRunnable(() -> exchange.response().withConnection(c -> c.channel().close()));
    }

    /** The state of one exchange, shared with {@link Uploads}. */
    record Exchange(Instant receivedAt, long started, HttpServerRequest request, HttpServerResponse response) {

        String method() {
            return request.method().name().toUpperCase(Locale.ROOT);
        }

        IncomingRequest incoming(String body) {
            return IncomingRequest.of(Ids.randomUuid().toString(), method(), request.uri(), request.requestHeaders(),
                    body);
        }
    }

    private Target target(String method, String rawPath) {
        Matcher token = TOKEN_PATH.matcher(rawPath);
        if (token.matches()) {
            return new Target(RecordedExchange.TOKEN, QueryStringDecoder.decodeComponent(token.group(1)), null);
        }
        OperationTable.Match match = operations.match(method, rawPath);
        String operationId = match instanceof OperationTable.Found found ? found.entry().operation().operationId()
                : null;
        return new Target(operationId, null, match);
    }

    private static String rawPath(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /**
     * Checks the refusals every API call may meet before its operation runs (an injected failure, an unknown path,
     * auth, the body's media type), in that order. Only a {@link Faults.Fail} refuses; other faults pass.
     *
     * @return the refusal, or {@code null} to go on with the call
     */
    Reply refusal(IncomingRequest request, OperationTable.Match match, Faults.Fault fault) {
        if (fault instanceof Faults.Fail fail) {
            Reply reply = ProblemResponses.problem(fail.status(), request.requestId(),
                    "Injected fault: HTTP " + fail.status() + " (CortiEmulator.faults())", List.of());
            return fail.retryAfter() == null ? reply
                    : reply.withHeader("Retry-After", Long.toString(fail.retryAfter().toSeconds()));
        }
        if (match instanceof OperationTable.NotAllowed notAllowed) {
            return ProblemResponses.methodNotAllowed(request.requestId(), request.method(), request.path(),
                    notAllowed.allow());
        }
        if (!(match instanceof OperationTable.Found found)) {
            return ProblemResponses.notFound(request.requestId(), "No resource at " + request.path()
                    + (request.path().endsWith("/streams") ? " (streams are served under /audio-bridge/v2/)" : ""));
        }
        Authenticator.Outcome auth = authenticator.authenticate(request);
        if (auth.refusal() != null) {
            return auth.refusal();
        }
        OperationTable.BodyKind body = found.entry().body();
        if (body == OperationTable.BodyKind.JSON && !isJson(request.mediaType())) {
            return ProblemResponses.unsupportedMediaType(request.requestId(), request.mediaType());
        }
        if (body == OperationTable.BodyKind.BINARY && !Uploads.isAudio(request.mediaType())) {
            return ProblemResponses.problem(415, request.requestId(), "Content-Type must be "
                    + "application/octet-stream (or an audio/* type), was '"
                    + (request.mediaType().isEmpty() ? "(none)" : request.mediaType()) + "'", List.of());
        }
        return null;
    }

    /** The call after {@link #refusal} let it through. */
    Call call(IncomingRequest request, OperationTable.Found found) {
        return new Call(request, request.header("Tenant-Name").orElse("").trim(), found.parameters());
    }

    /**
     * Computes the answer and checks it against the spec, refusals included; a bug becomes a 500 problem here
     * instead of a dropped connection.
     */
    private Reply answer(IncomingRequest request, Target target, Faults.Fault fault) {
        return checked(request, target.operationId(), () -> {
            if (target.isToken()) {
                return tokenEndpoint.handle(request, target.realm());
            }
            Reply refusal = refusal(request, target.match(), fault);
            if (refusal != null) {
                return refusal;
            }
            OperationTable.Found found = (OperationTable.Found) target.match();
            return found.entry().operation().handler().handle(call(request, found));
        });
    }

    /**
     * Runs an operation's code, turns a validation failure into a 400 and a bug into a 500, and checks the answer
     * against the spec (an answer that departs from it is an emulator bug, answered as a 500 naming it).
     */
    Reply checked(IncomingRequest request, String operationId, java.util.function.Supplier<Reply> handler) {
        try {
            Reply reply;
            try {
                reply = handler.get();
            } catch (InvalidRequest invalid) {
                reply = ProblemResponses.badRequest(request.requestId(), invalid);
            }
            if (RecordedExchange.TOKEN.equals(operationId) || !request.path().startsWith(API_PREFIX)) {
                return reply;
            }
            reply = conformance.withDocumentedUnauthorizedBody(operationId, request.requestId(), reply);
            List<String> problems = conformance.violations(operationId, reply);
            if (!problems.isEmpty()) {
                LOG.error("The emulator's answer to {} {} departs from the spec: {}", request.method(),
                        request.path(), problems);
                return ProblemResponses.problem(500, request.requestId(),
                        "The emulator produced an answer that departs from the spec: " + problems, List.of());
            }
            return reply;
        } catch (RuntimeException e) {
            LOG.error("The emulator failed on {} {}", request.method(), request.path(), e);
            return ProblemResponses.problem(500, request.requestId(), "The emulator failed: " + e, List.of());
        }
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** Records and writes an answer. */
    Mono<Void> finish(Exchange exchange, IncomingRequest request, String operationId, String realm, Reply reply) {
        record(exchange.receivedAt(), request, operationId, realm, reply, request.body());
        return send(exchange, request, reply);
    }

    /** Records and writes an answer to an upload, whose body is recorded as a summary. */
    Mono<Void> finishUpload(Exchange exchange, IncomingRequest request, String operationId, Reply reply,
                            long uploaded) {
        record(exchange.receivedAt(), request, operationId, null, reply, Reply.binarySummary(uploaded));
        return send(exchange, request, reply);
    }

    /** Closes the connection unanswered (an injected drop). */
    Mono<Void> drop(Exchange exchange, IncomingRequest request, String operationId, String realm) {
        record(exchange.receivedAt(), request, operationId, realm, new Reply(0, Map.of(), ""), request.body());
        LOG.debug("{} {} -> connection dropped (injected fault)", request.method(), request.path());
        return close(exchange);
    }

    private Mono<Void> send(Exchange exchange, IncomingRequest request, Reply reply) {
        LOG.debug("{} {} -> {} ({} ms)", request.method(), request.path(), reply.status(),
                (System.nanoTime() - exchange.started()) / 1_000_000);
        HttpServerResponse response = exchange.response();
        response.status(reply.status());
        reply.headers().forEach(response::header);
        response.header("X-Request-Id", request.requestId());
        if (reply.binary() != null) {
            response.header("Content-Length", Long.toString(reply.binary().length()));
            return response.send(reply.binary().chunks()).then();
        }
        byte[] body = reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (reply.status() == 204) {
            return response.send();
        }
        response.header("Content-Length", Integer.toString(body.length));
        return body.length == 0 ? response.send() : response.sendByteArray(Mono.just(body)).then();
    }

    private void record(Instant receivedAt, IncomingRequest request, String operationId, String realm, Reply reply,
                        String requestBody) {
        boolean token = RecordedExchange.TOKEN.equals(operationId);
        Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, value) -> requestHeaders.put(name,
                name.equalsIgnoreCase("Authorization") ? maskCredential(value) : value));
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        responseHeaders.putAll(reply.headers());
        if (reply.status() != 0) {
            responseHeaders.put("X-Request-Id", request.requestId());
        }
        String tenant = token ? realm : request.header("Tenant-Name").orElse(null);
        String responseBody = reply.recordedBody();
        journal.add(new RecordedExchange(receivedAt, request.method(), request.path(), request.rawQuery(),
                Collections.unmodifiableMap(requestHeaders),
                token ? maskForm(requestBody) : requestBody,
                operationId, tenant, reply.status(), Collections.unmodifiableMap(responseHeaders),
                token ? responseBody.replaceAll("\"access_token\":\"[^\"]*\"", "\"access_token\":\"***\"")
                        : responseBody));
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
