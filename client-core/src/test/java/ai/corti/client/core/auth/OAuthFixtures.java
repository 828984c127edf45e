package ai.corti.client.core.auth;

import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Received;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** A token endpoint and an API on one {@link ScriptedServer}, told apart by path. */
public final class OAuthFixtures {

    /** Where Corti's identity provider serves tokens for tenant {@code base}. */
    public static final String TOKEN_PATH = "/realms/base/protocol/openid-connect/token";

    private OAuthFixtures() {
    }

    /**
     * Returns the token URL on a server.
     *
     * @param server the server
     * @return the absolute token URL
     */
    public static String tokenUrl(ScriptedServer server) {
        return server.url() + TOKEN_PATH;
    }

    /**
     * A successful token answer.
     *
     * @param accessToken the token
     * @param expiresIn   its lifetime in seconds
     * @return the reply
     */
    public static Reply token(String accessToken, int expiresIn) {
        return Reply.json(200, "{\"access_token\":\"" + accessToken + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"Bearer\"}");
    }

    /**
     * Options for client credentials against a server's token endpoint and API.
     *
     * @param server       the server
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @return the builder, for more settings
     */
    public static TestOptions clientCredentials(ScriptedServer server, String clientId, String clientSecret) {
        return TestOptions.forServer(server).tokenUrl(tokenUrl(server)).clientCredentials(clientId, clientSecret);
    }

    /**
     * Answers requests to {@link #TOKEN_PATH} with {@code token} and every other with {@code api}.
     *
     * @param server the server
     * @param token  the token endpoint's answers
     * @param api    the API's answers
     */
    public static void route(ScriptedServer server, Function<Received, Reply> token, Function<Received, Reply> api) {
        server.otherwise(r -> r.path().equals(TOKEN_PATH) ? token.apply(r) : api.apply(r));
    }

    /**
     * Answers with the replies in order; once they run out, the last one again and again.
     *
     * @param replies at least one reply
     * @return the answers
     */
    public static Function<Received, Reply> inOrder(Reply... replies) {
        ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>(List.of(replies));
        Reply last = replies[replies.length - 1];
        return r -> {
            Reply next = queue.poll();
            return next != null ? next : last;
        };
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body.
     *
     * @param body the body
     * @return the fields in order
     */
    public static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /**
     * Returns a loopback port nothing listens on (bound, then released).
     *
     * @return the port
     * @throws IOException when no port can be bound
     */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
