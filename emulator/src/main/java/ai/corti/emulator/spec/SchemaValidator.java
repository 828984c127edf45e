package ai.corti.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Validates JSON values against the schemas of a {@link SpecSchemas} document with the networknt
 * {@code json-schema-validator}: every keyword of JSON Schema as OpenAPI 3.0 uses it ({@code type}, {@code format},
 * {@code enum}, {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code nullable},
 * {@code allOf}, {@code oneOf}, {@code anyOf}, {@code not}, {@code discriminator}, {@code $ref} including recursive
 * ones, {@code minLength}/{@code maxLength}, {@code pattern}, {@code minimum}/{@code maximum} and their exclusive
 * forms, {@code multipleOf}, {@code minItems}/{@code maxItems}, {@code uniqueItems},
 * {@code minProperties}/{@code maxProperties}, {@code readOnly}/{@code writeOnly}). Annotations and {@code x-*}
 * extensions are ignored. What OpenAPI 3.0 means differently from JSON Schema is rewritten first
 * ({@link JsonSchemaTranslator}); the library's errors are turned into one {@link SchemaViolation} per bad field
 * ({@link ViolationMessages}).
 *
 * <p>Two modes, because the emulator is lenient in what it accepts and strict in what it sends:
 * <ul>
 *   <li>{@link Mode#REQUEST}: undeclared properties are allowed (the spec does not forbid them) and
 *       date-times may carry any offset;</li>
 *   <li>{@link Mode#RESPONSE}: an undeclared property is a violation, and every date-time must be in UTC
 *       ({@code Z}), as the API documents its timestamps.</li>
 * </ul>
 *
 * <p>Get one from {@link SpecSchemas#validator(Mode)}: the document's schemas are compiled once, when it is made
 * (a schema the library cannot compile, such as a {@code $ref} to nothing, fails there, naming the place), and it
 * is safe to share between threads. Validating does no I/O.
 */
public final class SchemaValidator {

    /** How strict to be; see the class documentation. */
    public enum Mode {
        /** For what clients send. */
        REQUEST,
        /** For what the emulator answers. */
        RESPONSE
    }

    /** The document's made-up address: {@code .invalid} never resolves, and remote fetching is off anyway. */
    private static final String BASE = "https://openapi.corti-emulator.invalid/";

    private final SpecSchemas spec;
    private final JsonSchemaTranslator.Translation translation;
    private final String documentIri;
    private final Schema document;
    private final ViolationMessages messages;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /**
     * Translates and compiles every schema the document declares.
     *
     * @param spec the document
     * @param mode request or response strictness
     * @throws IllegalStateException naming the schema that cannot be compiled
     */
    SchemaValidator(SpecSchemas spec, Mode mode) {
        this.spec = spec;
        this.translation = JsonSchemaTranslator.translate(spec.document(), mode);
        this.documentIri = BASE + mode.name().toLowerCase(Locale.ROOT) + ".json";
        String text = translation.document().toString();
        SchemaRegistry registry = SchemaRegistry.withDialect(dialect(mode), builder -> builder
                .schemas(Map.of(documentIri, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true) // 2020-12 only annotates formats unless asked
                        .messageSource(SchemaValidator::plainMessage)
                        .build()));
        // The whole document, read once: every schema is then a sub-schema of it. (Asking the registry for
        // "document#/pointer" instead would read and build the document again for every pointer.) Its own keywords
        // (openapi, paths, ...) are no JSON Schema keywords, so they are inert annotations.
        this.document = registry.getSchema(SchemaLocation.of(documentIri));
        this.messages = new ViolationMessages(translation.document());
        for (String root : translation.roots()) {
            compiled.computeIfAbsent(root, this::compile);
        }
    }

    /**
     * Validates a value against a component schema.
     *
     * @param value      the value
     * @param schemaName the component name, e.g. {@code InteractionsCreateRequest}
     * @return every violation, empty when the value is valid
     * @throws IllegalArgumentException when the document has no such schema
     */
    public List<SchemaViolation> validate(JsonNode value, String schemaName) {
        return validate(value, spec.schema(schemaName), "");
    }

    /**
     * Validates a value against a schema of the document, such as one {@link SpecSchemas#responseSchema} or
     * {@link SpecSchemas#parameterSchema} returned, or any schema nested in one.
     *
     * @param value  the value
     * @param schema the schema, a node of {@link SpecSchemas#document()} (not a copy)
     * @param field  the value's name, used as the prefix of violations ({@code ""} for a whole body)
     * @return every violation, empty when the value is valid
     * @throws IllegalArgumentException when {@code schema} is not a schema of the document
     */
    public List<SchemaViolation> validate(JsonNode value, JsonNode schema, String field) {
        String pointer = translation.pointers().get(schema);
        if (pointer == null) {
            throw new IllegalArgumentException("Not a schema of this OpenAPI document (pass the document's own node, "
                    + "not a copy): " + ViolationMessages.shown(schema));
        }
        List<Error> errors = compiled.computeIfAbsent(pointer, this::compile).validate(value);
        return errors.isEmpty() ? List.of() : messages.violations(errors, pointer, field);
    }

    /**
     * Returns the JSON pointers, in the translated document, of the schemas compiled so far: at least every schema
     * the document declares (components, parameters, headers, request and response bodies of every media type).
     *
     * @return the pointers, e.g. {@code /components/schemas/ErrorResponse}
     */
    public List<String> compiledSchemas() {
        return List.copyOf(compiled.keySet());
    }

    /**
     * Tells whether a text is an RFC 3339 {@code date-time} (as the {@code date-time} format requires).
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    public static boolean isDateTime(String text) {
        return SpecFormats.isDateTime(text);
    }

    /**
     * Tells whether a text is a UUID in its 8-4-4-4-12 hexadecimal form.
     *
     * @param text the text
     * @return {@code true} when it is one
     */
    public static boolean isUuid(String text) {
        return SpecFormats.isUuid(text);
    }

    private Schema compile(String pointer) {
        try {
            Schema schema = document.getSubSchema(SchemaLocation.of(documentIri + "#" + pointer).getFragment());
            schema.initializeValidators(); // resolves every $ref now, so a dangling one fails here, not mid-request
            return schema;
        } catch (RuntimeException e) {
            throw new IllegalStateException("The OpenAPI document's schema at " + pointer
                    + " cannot be compiled: " + e.getMessage(), e);
        }
    }

    /**
     * The library's messages without its resource bundle. {@link ViolationMessages} writes the emulator's own; this
     * only words what the library says itself (e.g. why a schema does not compile). Loading the bundle would be file
     * I/O, and its name ({@code jsv-messages}) is shared with the older copy of the library inside MockServer's
     * standalone jar: whichever comes first on a classpath is the one both get.
     */
    private static String plainMessage(String key, Supplier<String> fallback, Locale locale,
                                       Object... arguments) {
        String text = fallback == null ? null : fallback.get();
        return text != null ? text : key + " " + Arrays.toString(arguments);
    }

    /** OpenAPI 3.1's dialect (JSON Schema 2020-12 with {@code discriminator}) with the emulator's formats. */
    private static Dialect dialect(Mode mode) {
        return Dialect.builder(BASE + "dialect/" + mode.name().toLowerCase(Locale.ROOT), Dialects.getOpenApi31())
                .formats(SpecFormats.forMode(mode))
                .unknownKeywordFactory(SilentAnnotations.INSTANCE)
                .build();
    }

    /**
     * Unknown keywords ({@code x-*}, {@code xml}, ...) are annotations, as JSON Schema says; the library's default
     * factory also logs a warning for each, which would only be noise for the emulator's users.
     */
    private enum SilentAnnotations implements KeywordFactory {
        INSTANCE;

        private final Map<String, Keyword> keywords = new ConcurrentHashMap<>();

        @Override
        public Keyword getKeyword(String value, SchemaContext schemaContext) {
            return keywords.computeIfAbsent(value, AnnotationKeyword::new);
        }
    }
}
