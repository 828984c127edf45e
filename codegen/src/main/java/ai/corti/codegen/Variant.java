package ai.corti.codegen;

import java.util.List;

/**
 * One public method of a facade: an operation in one of its call shapes (with or without per-call options, an id
 * as {@code UUID} or {@code String}, a body from a file or bytes, ...). Every shape but the canonical one delegates
 * to it. Templates read the public fields.
 */
public final class Variant {

    /** The method name. */
    public final String name;
    /** The return type. */
    public final String returnType;
    /** The parameter declarations, e.g. {@code UUID id, RequestOptions options}. */
    public final String declaration;
    /** The method body, one or more statements. */
    public final List<String> body;
    /** The Javadoc lines of the summary. */
    public final List<String> summary;
    /** The Javadoc lines of the description, or empty. */
    public final List<String> description;
    /** The Javadoc {@code @param} lines, without the tag, e.g. {@code id the interaction's id}. */
    public final List<String> params;
    /** The Javadoc {@code @return} text, or {@code null} for {@code void}. */
    public final String returns;
    /** The Javadoc {@code @throws} lines, without the tag. */
    public final List<String> throwsDocs;

    Variant(String name, String returnType, String declaration, List<String> body, List<String> summary,
            List<String> description, List<String> params, String returns, List<String> throwsDocs) {
        this.name = name;
        this.returnType = returnType;
        this.declaration = declaration;
        this.body = List.copyOf(body);
        this.summary = List.copyOf(summary);
        this.description = List.copyOf(description);
        this.params = List.copyOf(params);
        this.returns = returns;
        this.throwsDocs = List.copyOf(throwsDocs);
    }
}
