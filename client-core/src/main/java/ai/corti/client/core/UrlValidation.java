package ai.corti.client.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Checks a configured URL: absolute, https, or plain http only on this machine (tests, the emulator). */
final class UrlValidation {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private UrlValidation() {
    }

    static URI require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            // The reason only: URISyntaxException's message repeats the input, credentials included.
            throw new IllegalArgumentException(name + " is not a valid URL: " + e.getReason() + " at index "
                    + e.getIndex());
        }
        // Refused before any message repeats the URL: credentials and query parameters may be secrets.
        String authority = uri.getRawAuthority();
        if (uri.getUserInfo() != null || (authority != null && authority.contains("@"))) {
            throw new IllegalArgumentException(name + " must not carry credentials in the URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query or fragment");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL, was " + value);
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " must use https (plain http is allowed only for localhost, "
                    + "127.0.0.1 and [::1]), was " + value);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
