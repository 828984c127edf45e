package ai.corti.client.core.internal.streams;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a session connects. The real-time base address comes from {@code StreamOptions.baseUrl} when set
 * (proxies), else from the client's API base URL: scheme {@code https} becomes {@code wss} ({@code http},
 * which the client allows only on loopback, becomes {@code ws}) and a trailing {@code /v2} becomes
 * {@code /audio-bridge/v2} (any other path gets {@code /audio-bridge/v2} appended), so
 * {@code https://api.eu.corti.app/v2} gives {@code wss://api.eu.corti.app/audio-bridge/v2}.
 *
 * <p>The address built here carries {@code tenant-name} only. The token is added to the upgrade request by
 * {@link CredentialQueryHandler} below Reactor Netty, so no log line or exception of the transport can show it.
 *
 * @param base the real-time base address, without trailing slash
 */
public record StreamAddress(URI base) {

    /**
     * Derives the real-time base address from the API base URL.
     *
     * @param apiBaseUrl the client's validated base URL, e.g. {@code https://api.eu.corti.app/v2}
     * @return the address
     */
    public static StreamAddress fromApiBaseUrl(URI apiBaseUrl) {
        String scheme = apiBaseUrl.getScheme().toLowerCase(Locale.ROOT).equals("https") ? "wss" : "ws";
        String path = apiBaseUrl.getRawPath() == null ? "" : apiBaseUrl.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        path = path.endsWith("/v2") ? path.substring(0, path.length() - 3) + "/audio-bridge/v2" : path + "/audio-bridge/v2";
        return new StreamAddress(URI.create(scheme + "://" + apiBaseUrl.getRawAuthority() + path));
    }

    /**
     * Returns the address of an endpoint with the tenant in the query, as handed to the transport.
     *
     * @param endpoint the endpoint
     * @param tenant   the tenant
     * @return e.g. {@code wss://api.eu.corti.app/audio-bridge/v2/transcribe?tenant-name=base}
     */
    public String uri(StreamEndpoint<?> endpoint, String tenant) {
        return describe(endpoint) + "?tenant-name=" + encode(tenant);
    }

    /**
     * Names an endpoint for messages: the address without any query.
     *
     * @param endpoint the endpoint
     * @return e.g. {@code wss://api.eu.corti.app/audio-bridge/v2/transcribe}
     */
    public String describe(StreamEndpoint<?> endpoint) {
        return base + endpoint.path();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
