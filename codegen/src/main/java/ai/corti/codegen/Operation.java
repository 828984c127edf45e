package ai.corti.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One operation of the spec as the generated code sees it, and the source fragments its methods are made of: the
 * core method (validation, the {@code ApiRequest}, how the answer is read) and every call shape of both facades.
 * Templates read the public fields and methods; the choices are made here, in tested Java, so the templates stay
 * a skeleton.
 */
public final class Operation {

    /** The spec's operationId, e.g. {@code recordings_upload}. */
    public final String operationId;
    /** The resource (tag), e.g. {@code Recordings}. */
    public final String resource;
    /** The method name, e.g. {@code upload}. */
    public final String method;
    /** The HTTP method, upper case. */
    public final String httpMethod;
    /** The path template, e.g. {@code /interactions/{id}/recordings/}. */
    public final String path;
    /** Javadoc lines of the summary, one sentence. */
    public final List<String> summary;
    /** Javadoc lines of the description ({@code <p>} paragraphs), empty when it only repeats the summary. */
    public final List<String> description;
    /** Path parameters, in path order. */
    public final List<Param> pathParams;
    /** Header parameters besides {@code Tenant-Name}. */
    public final List<Param> headerParams;
    /** The body: a JSON model named {@code request}, binary content named {@code content}, or {@code null}. */
    public final Param body;
    /** Whether the body is binary. */
    public final boolean binaryBody;
    /** The declared media type of a binary body. */
    public final String bodyMediaType;
    /** The class of the query parameters, or {@code null}. */
    public final QueryClass query;
    /** How the listing pages, or {@code null}. */
    public final Paging paging;
    /** What a success answers. */
    public final Answer answer;

    Operation(String operationId, String resource, String httpMethod, String path, List<String> summary,
              List<String> description, List<Param> pathParams, List<Param> headerParams, Param body, boolean binaryBody,
              String bodyMediaType, QueryClass query, Paging paging, Answer answer) {
        this.operationId = operationId;
        this.resource = resource;
        this.method = Names.method(operationId, resource);
        this.httpMethod = httpMethod;
        this.path = path;
        this.summary = List.copyOf(summary);
        this.description = List.copyOf(description);
        this.pathParams = List.copyOf(pathParams);
        this.headerParams = List.copyOf(headerParams);
        this.body = body;
        this.binaryBody = binaryBody;
        this.bodyMediaType = bodyMediaType;
        this.query = query;
        this.paging = paging;
        this.answer = answer;
    }

    // ---------------------------------------------------------------- core

    /** The core method's parameter declarations, options excluded, each followed by {@code ", "}. */
    public String coreParams() {
        return canonicalArgs().stream().map(a -> a.declaration + ", ").collect(Collectors.joining());
    }

    /** The core method's checks, run before anything is sent. */
    public List<String> coreChecks() {
        List<String> checks = new ArrayList<>();
        for (Param p : pathParams) {
            checks.add(p.string ? "OperationSupport.requireText(" + p.name + ", \"" + p.name + "\");"
                    : "OperationSupport.require(" + p.name + ", \"" + p.name + "\");");
        }
        if (query != null) {
            checks.add("OperationSupport.require(query, \"query\");");
        }
        for (Param h : headerParams) {
            if (h.required) {
                checks.add("OperationSupport.require(" + h.name + ", \"" + h.name + "\");");
            }
            if (!h.allowedValues.isEmpty()) {
                checks.add("OperationSupport.oneOf(" + h.name + ", \"" + h.name + "\", " + h.allowedValues.stream()
                        .map(v -> "\"" + Javadoc.literal(v) + "\"").collect(Collectors.joining(", ")) + ");");
            } else {
                checks.add("OperationSupport.headerValue(" + h.name + ", \"" + h.name + "\");");
            }
        }
        if (body != null) {
            if (binaryBody) {
                checks.add("OperationSupport.require(content, \"content\");");
            } else if (body.required) {
                checks.add("RequestValidation.validate(request, \"request\", \"\");");
            } else {
                checks.add("if (request != null) {\n            RequestValidation.validate(request, \"request\", \"\");\n        }");
            }
        }
        return checks;
    }

    /** The path as a Java expression, each parameter as an encoded segment. */
    public String pathExpression() {
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        while (i < path.length()) {
            int open = path.indexOf('{', i);
            if (open < 0) {
                out.append(Javadoc.literal(path.substring(i)));
                break;
            }
            int close = path.indexOf('}', open);
            out.append(Javadoc.literal(path.substring(i, open))).append("\" + OperationSupport.segment(")
                    .append(javaName(path.substring(open + 1, close))).append(") + \"");
            i = close + 1;
        }
        return out.append('"').toString().replace(" + \"\"", "");
    }

    private String javaName(String wireName) {
        return pathParams.stream().filter(p -> p.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException(operationId + ": path parameter {" + wireName
                        + "} is not declared")).name;
    }

    /** The {@code ApiRequest} of the call; {@code pageIndex} names the page of a listing. */
    public String apiRequest() {
        String queryPart = query == null ? "List.of()" : paging != null ? "query.toQuery(pageIndex)" : "query.toQuery()";
        String headers = headerParams.isEmpty() ? "Map.of()" : "OperationSupport.headers(" + headerParams.stream()
                .map(h -> "\"" + h.wireName + "\", " + h.name).collect(Collectors.joining(", ")) + ")";
        String bodyPart = body == null ? "null" : binaryBody
                ? "OperationSupport.body(content, \"" + bodyMediaType + "\")" : "request";
        // The operationId goes along: it names the call in metrics and traces.
        return "new ApiRequest(\"" + httpMethod + "\", " + pathExpression() + ", " + queryPart + ", " + headers + ", "
                + bodyPart + ", \"" + operationId + "\")";
    }

    /** The core method's return type. */
    public String coreReturnType() {
        return answer.kind == Answer.Kind.DOWNLOAD ? "Flux<ByteBuffer>" : "Mono<CortiResponse<" + answer.type + ">>";
    }

    /** The core method's return expression. */
    public String coreCall() {
        if (answer.kind == Answer.Kind.DOWNLOAD) {
            return "pipeline.download(" + apiRequest() + ", OperationSupport.options(options))";
        }
        if (answer.kind == Answer.Kind.BY_STATUS) {
            return "pipeline.execute(" + apiRequest() + ", " + answer.reader() + ", OperationSupport.options(options))"
                    + "\n                .map(response -> new CortiResponse<>(response.statusCode(), response.headers(), "
                    + answer.type + ".of(response.statusCode(), response.value())))";
        }
        return "pipeline.execute(" + apiRequest() + ", " + answer.reader() + ", OperationSupport.options(options))";
    }

    /** Whether this is a paged listing. */
    public boolean isPaged() {
        return paging != null;
    }

    /** The core method's {@code @param} lines, options excluded. */
    public List<String> coreParamDocs() {
        return canonicalArgs().stream().map(a -> a.name + " " + a.doc).toList();
    }

    /** The path parameters' declarations, each followed by {@code ", "} (for the paging methods). */
    public String pathParamsDeclaration() {
        return pathParams.stream().map(p -> p.type + " " + p.name + ", ").collect(Collectors.joining());
    }

    /** The path parameters' names, each followed by {@code ", "}. */
    public String pathParamsArgs() {
        return pathParams.stream().map(p -> p.name + ", ").collect(Collectors.joining());
    }

    /** The path parameters' {@code @param} lines. */
    public List<String> pathParamDocs() {
        return pathParams.stream().map(p -> p.name + " " + p.doc).toList();
    }

    // ---------------------------------------------------------------- facades

    /** One argument of a call shape: how it is declared, what it passes on, and its Javadoc. */
    private record Arg(String declaration, String name, String pass, String doc) {
        static Arg of(String type, String name, String doc) {
            return new Arg(type + " " + name, name, name, doc);
        }
    }

    /** The canonical arguments: typed ids, the query object, headers, the body as declared. */
    private List<Arg> canonicalArgs() {
        List<Arg> args = new ArrayList<>(pathArgs());
        if (query != null) {
            args.add(queryArg());
        }
        args.addAll(headerArgs());
        if (body != null) {
            args.add(bodyArg());
        }
        return args;
    }

    private List<Arg> pathArgs() {
        return pathParams.stream().map(p -> Arg.of(p.type, p.name, p.doc)).toList();
    }

    private Arg queryArg() {
        return Arg.of(query.name, "query", "the query parameters ({@link " + query.name + "#builder()})");
    }

    private List<Arg> headerArgs() {
        return headerParams.stream().map(h -> Arg.of("String", h.name, h.doc
                + (h.required ? "" : "; {@code null} to leave it out"))).toList();
    }

    private Arg bodyArg() {
        return binaryBody ? Arg.of("BinaryContent", "content", "the content to upload")
                : Arg.of(body.type, "request", body.doc);
    }

    /** The shapes of the id arguments: typed, and with every UUID as text (parsed and checked before sending). */
    private List<List<Arg>> idShapes(boolean raw) {
        List<Arg> typed = pathArgs();
        if (raw || pathParams.stream().noneMatch(p -> p.uuid)) {
            return List.of(typed);
        }
        List<Arg> text = pathParams.stream().map(p -> p.uuid
                ? new Arg("String " + p.name, p.name, "OperationSupport.uuid(" + p.name + ", \"" + p.name + "\")",
                        asText(p.doc))
                : Arg.of(p.type, p.name, p.doc)).toList();
        return List.of(typed, text);
    }

    /** A UUID's doc for its text form, saying once that it must be a UUID. */
    static String asText(String uuidDoc) {
        return uuidDoc.replaceFirst("(?i)[.,;]?\\s*must be a (?:valid )?UUID$", "") + ", as text; must be a UUID";
    }

    private List<List<Arg>> queryShapes(boolean raw) {
        if (query == null) {
            return List.of(List.of());
        }
        List<Arg> given = List.of(queryArg());
        boolean optional = query.params.stream().noneMatch(p -> p.required);
        return raw || !optional ? List.of(given)
                : List.of(given, List.of(new Arg(null, "query", query.name + ".all()", null)));
    }

    private List<List<Arg>> headerShapes(boolean raw) {
        List<Arg> given = headerArgs();
        boolean optional = headerParams.stream().noneMatch(h -> h.required);
        if (headerParams.isEmpty() || raw || !optional) {
            return List.of(given);
        }
        List<Arg> omitted = headerParams.stream().map(h -> new Arg(null, h.name, "null", null)).toList();
        return List.of(omitted, given);
    }

    private List<List<Arg>> bodyShapes(Style style, boolean raw) {
        if (body == null) {
            return List.of(List.of());
        }
        List<List<Arg>> shapes = new ArrayList<>();
        shapes.add(List.of(bodyArg()));
        if (!binaryBody || raw) {
            return shapes; // a JSON body has one shape; a raw view takes binary content as BinaryContent only
        }
        shapes.add(List.of(new Arg("Path file", "file", "BinaryContent.of(file)",
                "the file to upload, streamed from disk; its media type is guessed from its name")));
        shapes.add(List.of(new Arg("byte[] bytes", "bytes", "BinaryContent.of(bytes)", "the bytes to upload")));
        if (style == Style.REACTIVE) {
            shapes.add(List.of(new Arg("Flux<ByteBuffer> chunks", "chunks", "BinaryContent.of(chunks, length)",
                    "the content, chunk by chunk, sent as the connection takes it"),
                    new Arg("long length", "length", null, "the content's length in bytes, or -1 when unknown")));
        } else {
            shapes.add(List.of(new Arg("InputStream stream", "stream", "BinaryContent.of(stream, length)",
                    "the content, read as the connection takes it (not closed here)"),
                    new Arg("long length", "length", null, "the content's length in bytes, or -1 when unknown")));
        }
        return shapes;
    }

    /** The facade a variant is for. */
    public enum Style {
        /** {@code Mono}/{@code Flux}. */
        REACTIVE,
        /** Plain calls. */
        BLOCKING
    }

    /**
     * Every public method this operation becomes on a facade.
     *
     * @param style the facade
     * @param raw   whether for its raw-response view
     * @return the methods, the canonical one (all typed, with options) first
     */
    public List<Variant> variants(Style style, boolean raw) {
        if (raw && answer.kind == Answer.Kind.DOWNLOAD) {
            return List.of(); // a stream has no value to wrap: the download methods already give the bytes
        }
        List<Variant> variants = new ArrayList<>();
        List<List<Arg>> targets = style == Style.BLOCKING && answer.kind == Answer.Kind.DOWNLOAD && !raw
                ? List.of(List.of(new Arg("Path target", "target", null,
                        "the file to write (created or replaced), written as the bytes arrive")),
                        List.of(new Arg("OutputStream out", "out", null, "where to write the bytes as they arrive "
                                + "(not closed here)")))
                : List.of(List.of());
        for (List<Arg> target : targets) {
            for (List<Arg> ids : idShapes(raw)) {
                for (List<Arg> q : queryShapes(raw)) {
                    for (List<Arg> headers : headerShapes(raw)) {
                        for (List<Arg> bodyShape : bodyShapes(style, raw)) {
                            for (boolean withOptions : List.of(true, false)) {
                                List<Arg> args = Stream.of(ids, q, headers, bodyShape, target).flatMap(List::stream)
                                        .toList();
                                variants.add(variant(style, raw, args, target, withOptions));
                            }
                        }
                    }
                }
            }
        }
        return variants;
    }

    private Variant variant(Style style, boolean raw, List<Arg> args, List<Arg> target, boolean withOptions) {
        List<Arg> declared = args.stream().filter(a -> a.declaration != null).toList();
        String declaration = Stream.concat(declared.stream().map(Arg::declaration),
                withOptions ? Stream.of("RequestOptions options") : Stream.empty()).collect(Collectors.joining(", "));
        boolean canonical = withOptions && args.stream().allMatch(a -> a.pass == null || a.pass.equals(a.name))
                && args.stream().noneMatch(a -> a.declaration == null);
        String returnType = returnType(style, raw);
        List<String> body;
        if (canonical) {
            body = canonicalBody(style, raw, target);
        } else {
            // Delegate to the canonical shape: same name, every argument converted to its canonical form.
            List<String> passed = new ArrayList<>();
            for (Arg a : args) {
                if (a.pass != null) {
                    passed.add(a.pass);
                }
            }
            target.forEach(t -> passed.remove(t.name));
            target.forEach(t -> passed.add(t.name));
            if (raw && isPaged()) {
                passed.add("pageIndex");
            }
            passed.add(withOptions ? "options" : "RequestOptions.DEFAULT");
            String call = (raw && isPaged() ? "listPage" : method) + "(" + String.join(", ", passed) + ")";
            body = List.of(returnType.equals("void") ? call + ";" : "return " + call + ";");
        }
        List<String> params = new ArrayList<>();
        declared.forEach(a -> params.add(a.name + " " + a.doc));
        if (withOptions) {
            params.add("options per-call overrides (timeout, retries, headers)");
        }
        List<String> throwsDocs = new ArrayList<>();
        throwsDocs.add("IllegalArgumentException when an argument is invalid (named in the message); nothing is sent");
        return new Variant(raw && isPaged() ? "listPage" : method, returnType,
                raw && isPaged() ? withPageIndex(declaration) : declaration, body, summary, description, raw && isPaged()
                ? withPageIndexDoc(params) : params, returnDoc(style, raw), throwsDocs);
    }

    private String withPageIndex(String declaration) {
        int options = declaration.indexOf("RequestOptions options");
        if (options < 0) {
            return declaration + (declaration.isEmpty() ? "" : ", ") + "long pageIndex";
        }
        return declaration.substring(0, options) + "long pageIndex, " + declaration.substring(options);
    }

    private static List<String> withPageIndexDoc(List<String> params) {
        List<String> out = new ArrayList<>(params);
        int options = out.size();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith("options ")) {
                options = i;
            }
        }
        out.add(options, "pageIndex the page to fetch, from 1");
        return out;
    }

    private String returnType(Style style, boolean raw) {
        boolean reactive = style == Style.REACTIVE;
        if (raw) {
            String response = "CortiResponse<" + answer.type + ">";
            return reactive ? "Mono<" + response + ">" : response;
        }
        if (isPaged()) {
            return (reactive ? "PagedFlux<" : "PagedIterable<") + paging.itemType + ">";
        }
        return switch (answer.kind) {
            case DOWNLOAD -> reactive ? "Flux<ByteBuffer>" : "long";
            case NONE -> reactive ? "Mono<Void>" : "void";
            case JSON, BY_STATUS -> reactive ? "Mono<" + answer.type + ">" : answer.type;
        };
    }

    private String returnDoc(Style style, boolean raw) {
        boolean reactive = style == Style.REACTIVE;
        String lazily = reactive ? ", lazily: nothing is sent until it is subscribed" : "";
        if (raw) {
            return (isPaged() ? "one page" : "the answer") + " with its HTTP status and headers" + lazily;
        }
        if (isPaged()) {
            return "the listing; pages are fetched as " + (reactive ? "demand" : "iteration") + " reaches them";
        }
        return switch (answer.kind) {
            case DOWNLOAD -> reactive ? "the content, chunk by chunk as it arrives (backpressured)"
                    : "the number of bytes written";
            case NONE -> reactive ? "completes when done" + lazily : null;
            case JSON, BY_STATUS -> "the answer" + lazily;
        };
    }

    private List<String> canonicalBody(Style style, boolean raw, List<Arg> target) {
        String args = canonicalArgs().stream().map(a -> a.name + ", ").collect(Collectors.joining());
        String call = "operations." + method + "(" + args + "options)";
        if (raw) {
            String page = "operations.listPage(" + args + "pageIndex, options)";
            String response = isPaged() ? page : call;
            return List.of("return " + (style == Style.REACTIVE ? response : "Blocking.await(" + response + ")") + ";");
        }
        if (isPaged()) {
            String pathArgs = pathParams.stream().map(p -> p.name + ", ").collect(Collectors.joining());
            return List.of("return new " + (style == Style.REACTIVE ? "PagedFlux" : "PagedIterable") + "<>(operations.pages("
                    + pathArgs + "query, options), " + resource + "Operations.firstIndex(query),\n                "
                    + paging.identity + ");");
        }
        if (style == Style.REACTIVE) {
            return List.of(switch (answer.kind) {
                case DOWNLOAD -> "return " + call + ";";
                case NONE -> "return " + call + ".then();";
                case JSON, BY_STATUS -> "return " + call + ".map(CortiResponse::value);";
            });
        }
        return List.of(switch (answer.kind) {
            case DOWNLOAD -> "return Downloads." + (target.get(0).name.equals("target") ? "toFile" : "toStream") + "("
                    + call + ", " + target.get(0).name + ");";
            case NONE -> "Blocking.await(" + call + ");";
            case JSON, BY_STATUS -> "return Blocking.await(" + call + ").value();";
        });
    }

    /** The package of this operation's generated public classes, e.g. {@code ai.corti.client.core.interactions}. */
    public String resourcePackage() {
        return Names.resourcePackage(resource);
    }

    /** The reactive facade's methods. */
    public List<Variant> reactiveVariants() {
        return variants(Style.REACTIVE, false);
    }

    /** The reactive raw-response view's methods. */
    public List<Variant> reactiveRawVariants() {
        return variants(Style.REACTIVE, true);
    }

    /** The blocking facade's methods. */
    public List<Variant> blockingVariants() {
        return variants(Style.BLOCKING, false);
    }

    /** The blocking raw-response view's methods. */
    public List<Variant> blockingRawVariants() {
        return variants(Style.BLOCKING, true);
    }

    /** Every Java type this operation's code names, for imports. */
    List<String> typeNames() {
        List<String> types = new ArrayList<>();
        pathParams.forEach(p -> types.add(p.type));
        headerParams.forEach(p -> types.add(p.type));
        if (body != null && !binaryBody) {
            types.add(body.type);
        }
        types.add(answer.type);
        answer.statuses.forEach(s -> types.add(s.type));
        if (paging != null) {
            types.add(paging.itemType);
        }
        return types;
    }
}
