package ai.corti.client.core.interactions;

import ai.corti.client.core.auth.AccessToken;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the URL that opens an interaction's real-time stream: its {@code websocketUrl} with the
 * current token appended as documented, {@code ?token=Bearer%20<token>}. The result carries a credential:
 * the SDK never logs it, and neither should you.
 */
public final class StreamUrls {

    private StreamUrls() {
    }

    /**
     * Appends the token to a {@code websocketUrl}.
     *
     * @param websocketUrl the interaction's {@code websocketUrl}
     * @param token        a current token
     * @return the URL to connect to
     */
    public static String withToken(String websocketUrl, AccessToken token) {
        if (websocketUrl == null || websocketUrl.isBlank()) {
            throw new IllegalArgumentException("websocketUrl is missing from the interaction");
        }
        String encoded = URLEncoder.encode(token.value(), StandardCharsets.UTF_8).replace("+", "%20");
        return websocketUrl + (websocketUrl.contains("?") ? '&' : '?') + "token=Bearer%20" + encoded;
    }
}
