package ai.corti.codegen;

import java.util.Locale;

/** The naming rules of the generated SDK, in one place (each is part of the public API it produces). */
final class Names {

    private Names() {
    }

    /**
     * The method an operation becomes: its operationId without the resource prefix, in lowerCamelCase.
     * {@code recordings_upload} under {@code Recordings} is {@code upload}; {@code facts_batch_update} under
     * {@code Facts} is {@code batchUpdate}; {@code guided_documents_generate} under {@code GuidedDocuments} is
     * {@code generate}.
     *
     * @param operationId the spec's operationId
     * @param resource    the operation's tag, PascalCase
     * @return the method name
     * @throws IllegalArgumentException when the operationId does not start with the resource (the spec's validator
     *                                  refuses such a document first)
     */
    static String method(String operationId, String resource) {
        String prefix = snake(resource) + "_";
        if (!operationId.startsWith(prefix) || operationId.length() == prefix.length()) {
            throw new IllegalArgumentException("operationId '" + operationId + "' does not start with '" + prefix + "'");
        }
        return lowerCamel(operationId.substring(prefix.length()));
    }

    /** {@code GuidedDocuments} -> {@code guidedDocuments}. */
    static String accessor(String resource) {
        return Character.toLowerCase(resource.charAt(0)) + resource.substring(1);
    }

    /** {@code GuidedDocuments} -> {@code guideddocuments}, a package segment. */
    static String packageSegment(String resource) {
        return resource.toLowerCase(Locale.ROOT);
    }

    /**
     * The package of a resource's public generated classes (query classes, by-status results):
     * {@code GuidedDocuments} -> {@code ai.corti.client.core.guideddocuments}.
     */
    static String resourcePackage(String resource) {
        return "ai.corti.client.core." + packageSegment(resource);
    }

    /** {@code batch_update} or {@code batch-update} -> {@code batchUpdate}. */
    static String lowerCamel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_' || c == '-' || c == ' ') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code batchUpdate} -> {@code BatchUpdate}. */
    static String upperFirst(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code GuidedDocuments} -> {@code guided_documents}. */
    static String snake(String pascal) {
        StringBuilder out = new StringBuilder(pascal.length() + 4);
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The class holding an operation's query parameters: {@code list} on {@code Interactions} is
     * {@code ListInteractionsRequest}.
     */
    static String queryClass(String method, String resource) {
        return upperFirst(method) + resource + "Request";
    }

    /**
     * A Java identifier for a header parameter: {@code X-Corti-Retention-Policy} is {@code retentionPolicy} (the
     * vendor prefix says nothing to a caller).
     */
    static String headerParameter(String header) {
        String name = header.replaceFirst("(?i)^x-corti-", "").replaceFirst("(?i)^x-", "");
        return lowerCamel(name.toLowerCase(Locale.ROOT));
    }
}
