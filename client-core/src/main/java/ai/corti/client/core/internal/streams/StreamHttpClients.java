package ai.corti.client.core.internal.streams;

import ai.corti.client.core.CortiClientOptions;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.Optional;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Makes the Reactor Netty client real-time sessions connect with: the one place its transport settings live.
 */
public final class StreamHttpClients {

    private StreamHttpClients() {
    }

    /**
     * Creates the client for a Corti client's sessions: no pooling (a WebSocket never returns to a pool),
     * HTTP/1.1 (the upgrade is HTTP/1.1), the client's connect timeout and {@code User-Agent}, no redirects,
     * no compression; on the Corti client's own event loops when it has them, so closing it stops their threads.
     *
     * @param options the client's options
     * @param loops   the Corti client's event loops, or empty for Reactor Netty's shared ones
     * @return the HTTP client
     */
    public static HttpClient create(CortiClientOptions options, Optional<LoopResources> loops) {
        HttpClient client = HttpClient.create(ConnectionProvider.newConnection());
        return loops.map(client::runOn).orElse(client)
                .protocol(HttpProtocol.HTTP11)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.connectTimeout().toMillis()))
                .followRedirect(false)
                .compress(false)
                .headers(headers -> {
                    headers.set(HttpHeaderNames.USER_AGENT, options.userAgent());
                    options.defaultHeaders().forEach(headers::set);
                });
    }
}
