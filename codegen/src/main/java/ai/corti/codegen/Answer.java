package ai.corti.codegen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What an operation answers on success, as the generated code reads it. Templates read the public fields.
 */
public final class Answer {

    /** How the answer is read. */
    public enum Kind {
        /** One JSON model (or a list of them). */
        JSON,
        /** Nothing: 204 No Content. */
        NONE,
        /** A binary body, streamed to the caller. */
        DOWNLOAD,
        /** A different JSON model per 2xx status (200 and 201 of {@code guided_documents_generate}). */
        BY_STATUS
    }

    /** One 2xx status of a {@link Kind#BY_STATUS} answer. */
    public static final class Status {
        /** The status code. */
        public final int code;
        /** The model. */
        public final String type;
        /** The result's accessor for it, e.g. {@code guidedDocumentsCreateResponse}. */
        public final String accessor;
        /** The spec's description of the status, one Javadoc line. */
        public final String doc;

        Status(int code, String type, String doc) {
            this.code = code;
            this.type = type;
            this.accessor = Names.accessor(type);
            this.doc = doc;
        }
    }

    /** How it is read. */
    public final Kind kind;
    /** The value's Java type: the model, {@code Void}, or the result class of a by-status answer. */
    public final String type;
    /** The 2xx statuses of a by-status answer, else empty. */
    public final List<Status> statuses;

    Answer(Kind kind, String type, List<Status> statuses) {
        this.kind = kind;
        this.type = type;
        this.statuses = List.copyOf(statuses);
    }

    /** Whether the type is generic ({@code List<GuidedTemplate>}), which needs a type reference to read. */
    boolean generic() {
        return type.contains("<");
    }

    /** The {@code ResponseReader} expression of the core call. */
    String reader() {
        return switch (kind) {
            case NONE -> "ResponseReader.none()";
            case JSON -> generic() ? "ResponseReader.json(new TypeReference<" + type + ">() { })"
                    : "ResponseReader.json(" + type + ".class)";
            case BY_STATUS -> "ResponseReader.byStatus(Map.of(" + statuses.stream()
                    .map(s -> s.code + ", " + s.type + ".class").collect(Collectors.joining(", ")) + "))";
            case DOWNLOAD -> throw new IllegalStateException("a download has no reader");
        };
    }
}
