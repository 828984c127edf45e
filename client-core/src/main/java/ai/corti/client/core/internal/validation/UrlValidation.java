package ai.corti.client.core.internal.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Checks a configured URL: absolute, https, or plain http only on this machine (tests, the emulator). Internal. */
public final class UrlValidation {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private UrlValidation() {
    }

    /**
     * Tells whether a host names this machine, where plain {@code http} and {@code ws} are allowed.
     *
     * @param host the host, as in a URI
     * @return {@code true} for {@code localhost}, {@code 127.0.0.1} and {@code [::1]}
     */
    public static boolean isLoopback(String host) {
        return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks a configured URL: absolute, https (plain http only on loopback), no credentials, query or fragment.
     *
     * @param name  the setting's name, for messages
     * @param value the URL
     * @return the URL without a trailing slash
     * @throws IllegalArgumentException naming the setting
     */
    public static URI require(String name, String value) {
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
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(name + " must use https (plain http is allowed only for localhost, "
                    + "127.0.0.1 and [::1]), was " + value);
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
