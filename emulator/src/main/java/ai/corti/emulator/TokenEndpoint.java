package ai.corti.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OAuth2 token endpoint, answering like Keycloak (which serves Corti's tenants):
 * {@code POST /realms/{tenant}/protocol/openid-connect/token} with a form
 * {@code grant_type=client_credentials&client_id=..&client_secret=..} (or the client in HTTP Basic), and
 * {@code {"access_token", "expires_in", "token_type":"Bearer", ...}} back. Errors are Keycloak's
 * {@code {"error", "error_description"}} bodies: 401 {@code invalid_client}, 400 {@code invalid_request} or
 * {@code unsupported_grant_type}.
 */
final class TokenEndpoint {

    private final TokenIssuer issuer;
    private final byte[] clientId;
    private final byte[] clientSecret;

    TokenEndpoint(TokenIssuer issuer, String clientId, String clientSecret) {
        this.issuer = issuer;
        this.clientId = clientId.getBytes(StandardCharsets.UTF_8);
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    Reply handle(IncomingRequest request, String tenant) {
        if (!request.method().equals("POST")) {
            return error(405, "invalid_request", "HTTP method " + request.method() + " is not supported, use POST")
                    .withHeader("Allow", "POST");
        }
        if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
            return error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = new QueryStringDecoder(request.body(), StandardCharsets.UTF_8, false)
                .parameters();
        String grantType = first(form, "grant_type");
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "Missing form parameter: grant_type");
        }
        String[] client = clientFromBasic(request);
        if (client == null) {
            client = new String[] {first(form, "client_id"), first(form, "client_secret")};
        }
        if (!matches(client[0], clientId) || !matches(client[1], clientSecret)) {
            return error(401, "invalid_client", "Invalid client or Invalid client credentials");
        }
        if (!grantType.equals("client_credentials")) {
            return error(400, "unsupported_grant_type", "Unsupported grant_type");
        }
        TokenIssuer.Issued token = issuer.issue(tenant);
        String scope = first(form, "scope");
        ObjectNode body = EmulatorJson.MAPPER.createObjectNode();
        body.put("access_token", token.token());
        body.put("expires_in", issuer.lifetime().toSeconds());
        body.put("refresh_expires_in", 0);
        body.put("token_type", "Bearer");
        body.put("not-before-policy", 0);
        body.put("scope", scope == null || scope.isBlank() ? "openid" : scope);
        return Reply.json(200, EmulatorJson.write(body)).withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache");
    }

    /** The client from {@code Authorization: Basic}, form-url-decoded as RFC 6749 section 2.3.1 says, or null. */
    private static String[] clientFromBasic(IncomingRequest request) {
        String authorization = request.header("Authorization").orElse("");
        if (!authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new String[] {null, null};
            }
            return new String[] {
                QueryStringDecoder.decodeComponent(decoded.substring(0, colon)),
                QueryStringDecoder.decodeComponent(decoded.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return new String[] {null, null};
        }
    }

    /** Compares in constant time, so the emulator does not teach timing attacks by example. */
    private static boolean matches(String presented, byte[] expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Reply error(int status, String error, String description) {
        ObjectNode body = EmulatorJson.MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(status, EmulatorJson.write(body));
    }
}
