package ai.corti.client.core;

import java.util.Locale;
import java.util.Set;

/**
 * Header checks done before anything is sent: a CR or LF in a header value would let a caller inject
 * headers or split the request. Messages name the setting, never the value (it may be a secret).
 */
public final class HeaderValidation {

    /** Headers the SDK owns; letting a caller set them would break auth or framing. */
    private static final Set<String> RESERVED = Set.of("authorization", "tenant-name", "host", "content-length",
            "content-type", "transfer-encoding");

    private HeaderValidation() {
    }

    /**
     * Checks a header a caller adds (a default header or a per-call one): a valid name, not one the SDK owns,
     * and a value without CR or LF.
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
     * @throws IllegalArgumentException when the value is null or contains CR or LF
     */
    public static void requireValue(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(what + " must not contain CR, LF or NUL");
            }
        }
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
                throw new IllegalArgumentException("header name '" + name.replaceAll("[\\r\\n]", "?")
                        + "' is not a valid HTTP token");
            }
        }
    }
}
