package ai.corti.client.core.internal.interactions;

import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.internal.validation.UrlValidation;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds the URL that opens an interaction's real-time stream: its {@code websocketUrl} with the current token
 * appended as documented, {@code ?token=Bearer%20<token>}. The result carries a credential: the SDK never logs it,
 * and neither should you.
 *
 * <p>The {@code websocketUrl} comes from the server, so it is not trusted: the token is attached only to a
 * {@code wss://} URL on the configured API host (or {@code ws://} on a loopback host, as plain {@code http} is
 * allowed there), never to another origin, another scheme, or a URL with credentials in it. Internal to the SDK.
 */
public final class StreamUrls {

    private StreamUrls() {
    }

    /**
     * Appends the token to a {@code websocketUrl} after checking where it points.
     *
     * @param websocketUrl the interaction's {@code websocketUrl}, as the server sent it
     * @param token        a current token
     * @param apiBaseUrl   the client's configured API base URL; the stream must be on its host
     * @return the URL to connect to
     * @throws IllegalArgumentException when the URL points anywhere else (the message never holds the token)
     */
    public static String withToken(String websocketUrl, AccessToken token, URI apiBaseUrl) {
        requireTrusted(websocketUrl, apiBaseUrl);
        String encoded = URLEncoder.encode(token.value(), StandardCharsets.UTF_8).replace("+", "%20");
        return websocketUrl + (websocketUrl.contains("?") ? '&' : '?') + "token=Bearer%20" + encoded;
    }

    /**
     * Checks that a {@code websocketUrl} may receive the client's token.
     *
     * @param websocketUrl the URL the server sent
     * @param apiBaseUrl   the client's configured API base URL
     * @throws IllegalArgumentException when it may not
     */
    public static void requireTrusted(String websocketUrl, URI apiBaseUrl) {
        if (websocketUrl == null || websocketUrl.isBlank()) {
            throw new IllegalArgumentException("websocketUrl is missing from the interaction");
        }
        URI uri;
        try {
            uri = new URI(websocketUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("websocketUrl is not a valid URL (" + e.getReason() + "); no token "
                    + "was attached");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String apiHost = apiBaseUrl.getHost().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw refused("it carries credentials");
        }
        boolean secure = scheme.equals("wss");
        boolean loopbackPlain = scheme.equals("ws") && UrlValidation.isLoopback(host);
        if (!secure && !loopbackPlain) {
            throw refused("its scheme is '" + printable(scheme) + "' (only wss, or ws on a loopback host)");
        }
        if (!host.equals(apiHost)) {
            throw refused("its host '" + printable(host) + "' is not the configured API host '" + apiHost + "'");
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("the interaction's websocketUrl was refused and no token was attached: "
                + why);
    }

    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
