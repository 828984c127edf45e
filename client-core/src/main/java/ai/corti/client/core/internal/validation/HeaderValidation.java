package ai.corti.client.core.internal.validation;

import java.util.Locale;
import java.util.Set;

/**
 * Header checks done before anything is sent. A header value may hold only visible ASCII, space and tab: a CR or
 * LF would let a caller inject headers or split the request, and anything above U+007F would be silently mangled
 * on the wire (Netty writes U+00E9 as one raw byte and turns U+0100 and above into {@code ?}), so the server would
 * get a different value than the one set. Messages name the setting, never the value (it may be a secret).
 * Internal to the SDK.
 */
public final class HeaderValidation {

    /** Headers the SDK owns; letting a caller set them would break auth or framing. */
    private static final Set<String> RESERVED = Set.of("authorization", "tenant-name", "host", "content-length",
            "content-type", "transfer-encoding");

    private HeaderValidation() {
    }

    /**
     * Checks a header a caller adds (a default header or a per-call one): a valid name, not one the SDK owns,
     * and a value of visible ASCII, space and tab.
     *
     * @param kind  how the caller set it, for the message ({@code defaultHeader} or {@code header})
     * @param name  the header name
     * @param value the header value
     * @throws IllegalArgumentException naming the header
     */
    public static void requireCallerHeader(String kind, String name, String value) {
        requireName(name);
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(kind + " '" + name + "' is set by the SDK itself and cannot be overridden");
        }
        requireValue("header '" + name + "'", value);
    }

    /**
     * Checks a header value.
     *
     * @param what  the setting's name, for the message
     * @param value the value
     * @throws IllegalArgumentException when the value is null or has a character outside visible ASCII, space
     *                                  and tab; the message names the setting and the character's position only
     */
    public static void requireValue(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        int bad = firstInvalid(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(what + " may contain only visible ASCII, space and tab (character "
                    + String.format("U+%04X", (int) value.charAt(bad)) + " at index " + bad + ")");
        }
    }

    /**
     * Tells whether a value can be sent as a header value unchanged.
     *
     * @param value the value
     * @return {@code true} when it holds only visible ASCII, space and tab
     */
    public static boolean isVisibleAscii(String value) {
        return firstInvalid(value) < 0;
    }

    private static int firstInvalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c == '\t' || (c >= 0x20 && c <= 0x7e))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks a header name is an RFC 9110 token.
     *
     * @param name the header name
     * @throws IllegalArgumentException when it is blank or has characters a token cannot have
     */
    public static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be blank");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!token) {
                throw new IllegalArgumentException("header name '" + name.replaceAll("[^\\x20-\\x7e]", "?")
                        + "' is not a valid HTTP token");
            }
        }
    }
}
