package ai.corti.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenResponse;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * The whole SDK as the generated code sees it: resources with their operations, and the models that can be sent
 * (with their checks), read from openapi-generator's view of the normalised spec. Everything the templates need is
 * decided here.
 */
public final class Sdk {

    /** The header every call carries; the client sets it, so it is never a method parameter. */
    private static final String TENANT_HEADER = "Tenant-Name";
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

    /** The resources, in openapi-generator's order: by tag. */
    public final List<Resource> resources;
    /** The models that can be sent, with their checks. */
    public final List<ValidatedModel> validated;
    /** Every operationId, by resource, then by operationId. */
    public final List<String> operationIds;

    private Sdk(List<Resource> resources, List<ValidatedModel> validated) {
        this.resources = List.copyOf(resources);
        this.validated = List.copyOf(validated);
        this.operationIds = resources.stream().flatMap(r -> r.operations.stream()).map(o -> o.operationId).toList();
    }

    /**
     * Reads the SDK from openapi-generator's supporting-file bundle.
     *
     * @param apis     the {@code apiInfo.apis} of the bundle: one entry per tag
     * @param models   the {@code models} of the bundle
     * @param extended the resources whose facade classes have a hand-written subclass (conveniences)
     * @return the SDK
     */
    public static Sdk of(List<OperationsMap> apis, List<ModelMap> models, Set<String> extended) {
        Map<String, CodegenModel> byName = new LinkedHashMap<>();
        for (ModelMap model : models) {
            byName.put(model.getModel().classname, model.getModel());
        }
        Map<String, List<Operation>> byResource = new LinkedHashMap<>();
        for (OperationsMap api : apis) {
            for (CodegenOperation op : api.getOperations().getOperation()) {
                Operation operation = operation(op, byName);
                byResource.computeIfAbsent(operation.resource, r -> new ArrayList<>()).add(operation);
            }
        }
        List<Resource> resources = new ArrayList<>();
        byResource.forEach((name, operations) -> resources.add(new Resource(name, operations, extended.contains(name),
                operationImports(operations, byName))));
        return new Sdk(resources, validated(resources, byName));
    }

    // ---------------------------------------------------------------- operations

    private static Operation operation(CodegenOperation op, Map<String, CodegenModel> models) {
        if (op.tags == null || op.tags.isEmpty()) {
            throw new IllegalStateException(op.operationIdOriginal + " has no tag: the spec's normaliser gives every operation one");
        }
        String resource = op.tags.get(0).getName();
        String operationId = op.operationIdOriginal != null ? op.operationIdOriginal : op.operationId;
        String method = Names.method(operationId, resource);
        List<Param> path = op.pathParams.stream().map(p -> param(p, p.paramName, models)).toList();
        List<Param> query = op.queryParams.stream().map(p -> param(p, p.paramName, models)).toList();
        List<Param> headers = op.headerParams.stream().filter(p -> !p.baseName.equalsIgnoreCase(TENANT_HEADER))
                .map(p -> param(p, Names.headerParameter(p.baseName), models)).toList();
        CodegenParameter bodyParam = op.bodyParam;
        boolean binary = bodyParam != null
                && (bodyParam.isBinary || bodyParam.isFile || "File".equals(bodyParam.dataType));
        Param body = bodyParam == null ? null : param(bodyParam, binary ? "content" : "request", models);
        Answer answer = answer(op, method, resource);
        Paging paging = paging(query, answer, models);
        QueryClass queryClass = query.isEmpty() ? null : queryClass(operationId, method, resource, query, paging, models);
        String summaryText = op.summary != null ? op.summary : operationId;
        List<String> summary = Javadoc.lines(Javadoc.sentence(summaryText));
        List<String> description = Javadoc.repeats(op.unescapedNotes, summaryText) ? List.of()
                : Javadoc.paragraphs(op.unescapedNotes);
        return new Operation(operationId, resource, op.httpMethod.toUpperCase(Locale.ROOT), op.path, summary,
                description, path, headers, body, binary, bodyParam == null ? null : mediaType(op), queryClass, paging,
                answer);
    }

    /** The declared media type of a body: the parameter's, else the operation's first, else bytes. */
    private static String mediaType(CodegenOperation op) {
        if (op.bodyParam.contentType != null) {
            return op.bodyParam.contentType;
        }
        return op.consumes != null && !op.consumes.isEmpty() ? String.valueOf(op.consumes.get(0).get("mediaType"))
                : "application/octet-stream";
    }

    private static QueryClass queryClass(String operationId, String method, String resource, List<Param> query,
                                         Paging paging, Map<String, CodegenModel> models) {
        String defaultPageSize = query.stream().filter(p -> p.wireName.equals("pageSize") && p.defaultValue != null)
                .map(p -> p.defaultValue).findFirst().orElse(null);
        return new QueryClass(Names.queryClass(method, resource), Names.resourcePackage(resource), operationId, query,
                paging != null, defaultPageSize, imports(query.stream().map(p -> p.type).toList(), models));
    }

    private static Param param(CodegenParameter p, String name, Map<String, CodegenModel> models) {
        String type = p.isBinary || p.isFile ? "BinaryContent" : p.dataType;
        String item = p.items != null ? p.items.dataType : null;
        boolean enumType = isEnumModel(type, models) || (item != null && isEnumModel(item, models));
        List<String> allowed = new ArrayList<>();
        if (!enumType && p.allowableValues != null && p.allowableValues.get("values") instanceof List<?> values) {
            values.forEach(v -> allowed.add(String.valueOf(v)));
        }
        Long minimum = null;
        if (p.minimum != null) {
            try {
                minimum = Long.parseLong(p.minimum.replaceAll("\\.0+$", ""));
            } catch (NumberFormatException e) {
                minimum = null;
            }
        }
        String defaultValue = p.defaultValue == null || p.defaultValue.isBlank() || p.defaultValue.equals("null")
                ? null : p.defaultValue.replaceAll("[lL]$", "");
        String doc = Javadoc.inline(p.description).replaceAll("\\.+$", "");
        boolean uuid = p.isUuid || "UUID".equals(type);
        return new Param(name, p.baseName, type, item, p.required, uuid, enumType, "String".equals(type),
                "Long".equals(type) || "Integer".equals(type), p.isArray, allowed, minimum, defaultValue,
                doc.isEmpty() ? "" : lowerFirst(doc));
    }

    /**
     * A parameter's description continues a sentence ({@code @param id the unique ...}): its first word loses its
     * capital, unless it is an acronym ({@code ID}, {@code ICD-10}).
     */
    static String lowerFirst(String text) {
        boolean word = text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && (Character.isLowerCase(text.charAt(1)) || text.startsWith("A "));
        return word ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    private static boolean isEnumModel(String type, Map<String, CodegenModel> models) {
        CodegenModel model = models.get(type);
        return model != null && model.isEnum;
    }

    private static Answer answer(CodegenOperation op, String method, String resource) {
        List<CodegenResponse> successes = op.responses.stream().filter(r -> r.is2xx).toList();
        if (successes.stream().anyMatch(r -> r.isBinary || r.isFile || "File".equals(r.dataType))) {
            return new Answer(Answer.Kind.DOWNLOAD, "ByteBuffer", List.of());
        }
        Map<Integer, CodegenResponse> typed = new TreeMap<>();
        for (CodegenResponse r : successes) {
            if (r.dataType != null) {
                typed.put(Integer.parseInt(r.code), r);
            }
        }
        Set<String> types = new LinkedHashSet<>();
        typed.values().forEach(r -> types.add(r.dataType));
        if (types.isEmpty()) {
            return new Answer(Answer.Kind.NONE, "Void", List.of());
        }
        if (types.size() == 1) {
            return new Answer(Answer.Kind.JSON, types.iterator().next(), List.of());
        }
        List<Answer.Status> statuses = new ArrayList<>();
        typed.forEach((code, r) -> statuses.add(new Answer.Status(code, r.dataType, Javadoc.inline(r.message))));
        return new Answer(Answer.Kind.BY_STATUS, Names.upperFirst(method) + resource + "Result", statuses);
    }

    /** A listing pages when it takes {@code index} and {@code pageSize} and answers one list of items. */
    private static Paging paging(List<Param> query, Answer answer, Map<String, CodegenModel> models) {
        boolean paged = query.stream().anyMatch(p -> p.wireName.equals("index") && p.integer)
                && query.stream().anyMatch(p -> p.wireName.equals("pageSize") && p.integer);
        if (!paged || answer.kind != Answer.Kind.JSON) {
            return null;
        }
        CodegenModel page = models.get(answer.type);
        if (page == null) {
            return null;
        }
        List<CodegenProperty> lists = page.vars.stream().filter(v -> v.isArray && v.items != null).toList();
        if (lists.size() != 1) {
            return null;
        }
        CodegenProperty items = lists.get(0);
        String itemType = items.items.dataType;
        CodegenModel item = models.get(itemType);
        boolean hasId = item != null && item.vars.stream().anyMatch(v -> v.baseName.equals("id"));
        return new Paging(itemType, items.getter, hasId ? itemType + "::getId" : "java.util.function.Function.identity()");
    }

    // ---------------------------------------------------------------- request validation

    private static List<ValidatedModel> validated(List<Resource> resources, Map<String, CodegenModel> models) {
        Map<String, ValidatedModel> done = new LinkedHashMap<>();
        for (Resource resource : resources) {
            for (Operation op : resource.operations) {
                if (op.body != null && !op.binaryBody) {
                    validate(op.body.type, models, done);
                }
            }
        }
        return new ArrayList<>(done.values());
    }

    private static void validate(String type, Map<String, CodegenModel> models, Map<String, ValidatedModel> done) {
        CodegenModel model = models.get(type);
        if (model == null || model.isEnum || done.containsKey(type)) {
            return;
        }
        done.put(type, null); // recursive schemas: mark before descending
        List<String> checks = new ArrayList<>();
        // oneOf schemas are interfaces their variants implement (client-core's model templates): a value is checked
        // as the variant it is.
        boolean union = model.oneOf != null && !model.oneOf.isEmpty();
        if (union) {
            for (String variant : model.oneOf) {
                if (models.containsKey(variant) && !models.get(variant).isEnum) {
                    checks.add("if (value instanceof " + variant + " variant) {\n            check" + variant
                            + "(variant, path);\n        }");
                    validate(variant, models, done);
                }
            }
        } else {
            for (CodegenProperty v : model.vars) {
                if (!v.isReadOnly) {
                    checks.addAll(propertyChecks(model, v, models, done));
                }
            }
        }
        done.put(type, new ValidatedModel(type, checks, union));
    }

    private static List<String> propertyChecks(CodegenModel owner, CodegenProperty v, Map<String, CodegenModel> models,
                                               Map<String, ValidatedModel> done) {
        List<String> checks = new ArrayList<>();
        String get = "value." + v.getter + "()";
        String field = "\"" + Javadoc.literal(v.baseName) + "\"";
        boolean text = "String".equals(v.dataType) && !v.isEnum;
        if (v.required && !v.isNullable) {
            checks.add(text ? "RequestChecks.requireText(" + get + ", path, " + field + ");"
                    : "RequestChecks.require(" + get + ", path, " + field + ");");
        }
        if (text && (v.minLength != null || v.maxLength != null)) {
            checks.add("RequestChecks.length(" + get + ", " + v.minLength + ", " + v.maxLength + ", path, " + field
                    + ");");
        }
        if (text && v.pattern != null && !v.isEnum) {
            checks.add("RequestChecks.pattern(" + get + ", \"" + Javadoc.literal(stripSlashes(v.pattern)) + "\", path, "
                    + field + ");");
        }
        if ((v.isInteger || v.isLong || v.isNumber || v.isFloat || v.isDouble) && (v.minimum != null || v.maximum != null)) {
            checks.add("RequestChecks.range(" + get + ", " + bound(v.minimum) + ", " + v.exclusiveMinimum + ", "
                    + bound(v.maximum) + ", " + v.exclusiveMaximum + ", path, " + field + ");");
        }
        if (v.isArray && (v.minItems != null || v.maxItems != null)) {
            checks.add("RequestChecks.size(" + get + ", " + v.minItems + ", " + v.maxItems + ", path, " + field + ");");
        }
        // An inline enum is a nested type of the model that declares it.
        String itemType = v.isArray && v.items != null ? (v.items.isEnum ? owner.classname + "." : "")
                + v.items.datatypeWithEnum : null;
        String type = v.isEnum ? owner.classname + "." + v.datatypeWithEnum : v.dataType;
        if (v.isEnum || isEnumModel(type, models)) {
            checks.add("RequestChecks.known(" + get + ", " + type + ".UNKNOWN_DEFAULT_OPEN_API, path, " + field + ");");
        } else if (models.containsKey(type) && !v.isArray) {
            validate(type, models, done);
            checks.add("if (" + get + " != null) {\n            check" + type + "(" + get + ", RequestChecks.path(path, "
                    + field + "));\n        }");
        } else if (itemType != null && (v.items.isEnum || isEnumModel(itemType, models))) {
            checks.add("RequestChecks.knownItems(" + get + ", " + itemType + ".UNKNOWN_DEFAULT_OPEN_API, path, " + field
                    + ");");
        } else if (itemType != null && models.containsKey(itemType)) {
            validate(itemType, models, done);
            checks.add("RequestChecks.eachItem(" + get + ", path, " + field + ", RequestValidation::check"
                    + itemType + ");");
        }
        return checks;
    }

    private static String bound(String number) {
        return number == null ? "null" : "(double) " + number;
    }

    private static String stripSlashes(String pattern) {
        return pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")
                ? pattern.substring(1, pattern.length() - 1) : pattern;
    }

    // ---------------------------------------------------------------- imports

    private static List<String> operationImports(List<Operation> operations, Map<String, CodegenModel> models) {
        List<String> types = new ArrayList<>();
        operations.forEach(o -> types.addAll(o.typeNames()));
        return imports(types, models);
    }

    /** The imports for the simple type names found in some Java types: models, UUID, List, java.time. */
    static List<String> imports(List<String> javaTypes, Map<String, CodegenModel> models) {
        Set<String> imports = new TreeSet<>();
        for (String type : javaTypes) {
            Matcher names = TYPE_NAME.matcher(type);
            while (names.find()) {
                String name = names.group();
                switch (name) {
                    case "UUID", "List", "Map" -> imports.add("java.util." + name);
                    case "OffsetDateTime", "LocalDate" -> imports.add("java.time." + name);
                    case "BigDecimal" -> imports.add("java.math.BigDecimal");
                    case "ByteBuffer" -> imports.add("java.nio.ByteBuffer");
                    default -> {
                        if (models.containsKey(name)) {
                            imports.add("ai.corti.client.model." + name);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(imports);
    }
}
