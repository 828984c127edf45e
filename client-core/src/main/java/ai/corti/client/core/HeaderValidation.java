package ai.corti.client.core;

/**
 * Header checks done before anything is sent: a CR or LF in a header value would let a caller inject
 * headers or split the request. Messages name the setting, never the value (it may be a secret).
 */
public final class HeaderValidation {

    private HeaderValidation() {
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
