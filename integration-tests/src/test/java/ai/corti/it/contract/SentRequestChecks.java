package ai.corti.it.contract;

import ai.corti.it.contract.OperationCall.Kind;
import ai.corti.it.support.BodyCoverage;
import ai.corti.it.support.SpecDocument;
import ai.corti.it.support.SpecDocument.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mockserver.model.HttpRequest;

/**
 * What the suite checks on the requests MockServer received, beyond MockServer's own matching: the media type
 * sent, the fields sent against the declared ones, the bytes of an upload, and that the calls of an operation
 * together send every parameter and field it declares. Each finding names the call and the path.
 */
final class SentRequestChecks {

    private SentRequestChecks() {
    }

    /**
     * Checks one request.
     *
     * @param spec     the spec
     * @param coverage the body checker
     * @param op       the operation
     * @param call     the call that sent it
     * @param request  the request as received
     * @return the findings, empty when the request is as it should be
     */
    static List<String> check(SpecDocument spec, BodyCoverage coverage, SpecOperation op, OperationCall call,
                              HttpRequest request) {
        List<String> findings = new ArrayList<>();
        Optional<Map.Entry<String, JsonNode>> body = op.requestBody();
        byte[] sent = request.getBodyAsRawBytes() == null ? new byte[0] : request.getBodyAsRawBytes();
        if (body.isEmpty()) {
            if (sent.length > 0) {
                findings.add(call + ": sent a body, the operation declares none");
            }
        } else {
            String mediaType = body.get().getKey();
            String contentType = request.getFirstHeader("Content-Type");
            if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith(mediaType)) {
                findings.add(call + ": Content-Type " + contentType + ", the spec declares " + mediaType);
            }
            if (mediaType.equals("application/json")) {
                JsonNode json = LifecycleContractTest.json(sent);
                JsonNode schema = body.get().getValue();
                coverage.undeclared(schema, json).forEach(path -> findings.add(call + ": body field " + path));
                if (call.kind() == Kind.MINIMAL) {
                    coverage.optionalSent(schema, json).stream().filter(path -> path.endsWith("(optional)"))
                            .forEach(path -> findings.add(call + ": minimal body sends " + path));
                }
            } else if (!Arrays.equals(sent, ContractRequests.AUDIO)) {
                findings.add(call + ": uploaded " + sent.length + " bytes that are not the " + ContractRequests.AUDIO.length
                        + " bytes given");
            }
        }
        if (call.kind() == Kind.MINIMAL) {
            for (String name : optional(op, "query")) {
                if (hasQuery(request, name)) {
                    findings.add(call + ": minimal request sends the optional query parameter " + name);
                }
            }
            for (String name : optional(op, "header")) {
                if (request.containsHeader(name)) {
                    findings.add(call + ": minimal request sends the optional header " + name);
                }
            }
        }
        return findings;
    }

    /**
     * Checks that an operation's requests together send everything it declares.
     *
     * @param coverage the body checker
     * @param op       the operation
     * @param requests every request its calls sent
     * @return what none of them sent: parameters, headers, body fields and {@code oneOf} branches
     */
    static List<String> coverage(BodyCoverage coverage, SpecOperation op, List<HttpRequest> requests) {
        List<String> findings = new ArrayList<>();
        for (String name : op.parameterNames("query")) {
            if (requests.stream().noneMatch(r -> hasQuery(r, name))) {
                findings.add(op + ": no call sends the query parameter " + name);
            }
        }
        for (String name : op.parameterNames("header")) {
            if (requests.stream().noneMatch(r -> r.containsHeader(name))) {
                findings.add(op + ": no call sends the header " + name);
            }
        }
        op.requestBody().filter(body -> body.getKey().equals("application/json")).ifPresent(body -> coverage
                .missing(body.getValue(), requests.stream().map(r -> LifecycleContractTest.json(r.getBodyAsRawBytes()))
                        .toList())
                .forEach(path -> findings.add(op + ": no call sends the body field " + path)));
        return findings;
    }

    private static boolean hasQuery(HttpRequest request, String name) {
        return request.getQueryStringParameterList().stream().anyMatch(p -> p.getName().getValue().equals(name));
    }

    private static Set<String> optional(SpecOperation op, String in) {
        Set<String> names = new LinkedHashSet<>(op.parameterNames(in));
        names.removeAll(op.requiredParameterNames(in));
        return names;
    }
}
