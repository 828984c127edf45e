package ai.corti.client.core.internal.operations;

import ai.corti.client.core.BinaryContent;
import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.internal.http.RequestBody;
import ai.corti.client.core.internal.validation.HeaderValidation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The small steps every generated operation is made of: argument checks (throwing before anything is sent),
 * path segments, header parameters, upload bodies. Hand-written and tested once, called by generated code.
 * Internal to the SDK.
 */
public final class OperationSupport {

    private OperationSupport() {
    }

    /**
     * Returns the per-call options, or the client's when none are given.
     *
     * @param options the caller's options, or {@code null}
     * @return the options
     */
    public static RequestOptions options(RequestOptions options) {
        return options == null ? RequestOptions.DEFAULT : options;
    }

    /**
     * Refuses a missing argument.
     *
     * @param value the argument
     * @param name  its name, for the message
     * @throws NullPointerException when it is {@code null}
     */
    public static void require(Object value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
    }

    /**
     * Refuses a missing or blank text argument (a path segment that would be empty).
     *
     * @param value the argument
     * @param name  its name, for the message
     * @throws NullPointerException     when it is {@code null}
     * @throws IllegalArgumentException when it is blank
     */
    public static void requireText(String value, String name) {
        require(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Refuses a page index below 1.
     *
     * @param index the page index
     * @param name  its name, for the message
     * @throws IllegalArgumentException when it is below 1
     */
    public static void positive(long index, String name) {
        if (index < 1) {
            throw new IllegalArgumentException(name + " must be greater than 0, was " + index);
        }
    }

    /**
     * Parses an id given as text, refusing anything but a canonical UUID: an unchecked id would be put in the
     * request path (the official SDKs send {@code not-a-uuid} to the server).
     *
     * @param value the id as text
     * @param name  its name, for the message
     * @return the id
     * @throws IllegalArgumentException when it is not a UUID
     */
    public static UUID uuid(String value, String name) {
        require(value, name);
        try {
            UUID parsed = UUID.fromString(value.trim());
            // UUID.fromString accepts short groups ("1-1-1-1-1"); insist on the canonical form.
            if (parsed.toString().equalsIgnoreCase(value.trim())) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // the SDK's message below
        }
        throw new IllegalArgumentException(name + " must be a UUID (e.g. f47ac10b-58cc-4372-a567-0e02b2c3d479), was '"
                + printable(value) + "'");
    }

    /**
     * Encodes a path parameter as one path segment: a {@code /} or {@code ..} in a value can never change the path.
     *
     * @param value the parameter
     * @return the encoded segment
     */
    public static String segment(Object value) {
        if (value instanceof UUID id) {
            return id.toString(); // hex digits and dashes: nothing to encode, on the path of most calls
        }
        String text = String.valueOf(value);
        if (text.equals(".") || text.equals("..")) {
            throw new IllegalArgumentException("a path parameter must not be '.' or '..'");
        }
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Checks a header parameter's value, when given.
     *
     * @param value the value, or {@code null} to leave the header out
     * @param name  the parameter's name, for the message
     * @throws IllegalArgumentException when it cannot be a header value
     */
    public static void headerValue(String value, String name) {
        if (value != null) {
            HeaderValidation.requireValue(name, value);
        }
    }

    /**
     * Checks a header parameter is one of the values the spec allows, when given.
     *
     * @param value   the value, or {@code null} to leave the header out
     * @param name    the parameter's name, for the message
     * @param allowed the values the spec allows
     * @throws IllegalArgumentException when it is another
     */
    public static void oneOf(String value, String name, String... allowed) {
        if (value != null && !Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + Arrays.toString(allowed) + ", was '"
                    + printable(value) + "'");
        }
    }

    /**
     * Builds the header parameters of a call, leaving out those not given.
     *
     * @param namesAndValues name, value, name, value...
     * @return the headers to send
     */
    public static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return headers;
    }

    /**
     * Turns upload content into what the transport sends.
     *
     * @param content   the content
     * @param mediaType the media type the operation declares, used unless the content has its own
     * @return the request body
     */
    public static RequestBody body(BinaryContent content, String mediaType) {
        String type = content.mediaType().orElse(mediaType);
        if (content.file().isPresent()) {
            return new RequestBody.File(content.file().get(), content.length(), type);
        }
        return new RequestBody.Streamed(content.chunks(), content.length(), type, content.isReplayable());
    }

    /**
     * The items of a page, an absent list being no items.
     *
     * @param items the list as decoded, or {@code null}
     * @param <T>   the item type
     * @return the items
     */
    public static <T> List<T> items(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
