package ai.corti.client.core.internal.streams;

import ai.corti.client.core.CortiClientOptions;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.StreamOptions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * Opens a client's real-time sessions and keeps the registry of those still open, so closing the client
 * closes them ({@link #closeAll()}). It takes what it needs from the engine through its constructor only:
 * the client's options (tenant, base URL, scheduler, timeouts), a token source called for every connection
 * and reconnection, and the Reactor Netty client from {@link StreamHttpClients#create(CortiClientOptions, java.util.Optional)}.
 *
 * <p>That client is made on the first connection, not with the Corti client: building it sets up Reactor Netty's
 * TLS defaults (a JDK {@code SSLContext}, security providers, about 400 classes), which a client that never opens a
 * session should not pay for at start-up.
 */
public final class StreamConnector {

    private final CortiClientOptions options;
    private final Supplier<Mono<AccessToken>> tokens;
    /** The shared transport, made by the first subscription on a thread that may block, then replayed. */
    private final Mono<HttpClient> httpClient;
    private final StreamAddress derivedAddress;
    private final Set<RealtimeSession<?>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final Scheduler timer;

    /**
     * Creates the connector.
     *
     * @param options    the client's options
     * @param tokens     supplies a currently valid token; called for every connection
     * @param httpClient makes the transport, e.g. with {@link StreamHttpClients#create(CortiClientOptions,
     *                   java.util.Optional)}; called once, on the first connection
     * @param timer      the client's timer for deadlines and reconnection waits (the configured scheduler when
     *                   there is one, else the client's own)
     */
    public StreamConnector(CortiClientOptions options, Supplier<Mono<AccessToken>> tokens,
                           Supplier<HttpClient> httpClient,
                           Scheduler timer) {
        this.options = Objects.requireNonNull(options, "options");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(httpClient, "httpClient");
        this.httpClient = Mono.fromCallable(httpClient::get).subscribeOn(Schedulers.boundedElastic()).cache();
        this.derivedAddress = StreamAddress.fromApiBaseUrl(options.baseUrl());
    }

    /**
     * Opens a session: connects, sends the configuration and completes with the session on
     * {@code CONFIG_ACCEPTED}. Lazy: each subscription opens a new session; cancelling it before the acceptance
     * closes the socket.
     *
     * @param endpoint      the endpoint
     * @param configMessage the {@code config} message, from {@link ConfigurationJson}
     * @param streamOptions the session's options
     * @param <M>           the endpoint's message type
     * @return the open session
     */
    public <M extends ServerMessage> Mono<RealtimeSession<M>> open(StreamEndpoint<M> endpoint, String configMessage,
                                                                    StreamOptions streamOptions) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(configMessage, "configMessage");
        Objects.requireNonNull(streamOptions, "options");
        return Mono.create(sink -> {
            if (closed) {
                sink.error(new IllegalStateException("the Corti client is closed; no session can be opened"));
                return;
            }
            RealtimeSession<M> session = new RealtimeSession<>(this, endpoint, configMessage, streamOptions);
            open.add(session);
            if (closed) { // closeAll ran between the check and the registration
                open.remove(session);
                sink.error(new IllegalStateException("the Corti client is closed; no session can be opened"));
                return;
            }
            session.open(sink);
        });
    }

    /** Closes every open session (close frame 1000); later opens fail. Does not block. */
    public void closeAll() {
        closed = true;
        for (RealtimeSession<?> session : List.copyOf(open)) {
            session.closeFromClient();
        }
    }

    /**
     * Returns how many sessions are connecting or open.
     *
     * @return the count
     */
    public int openSessions() {
        return open.size();
    }

    void deregister(RealtimeSession<?> session) {
        open.remove(session);
    }

    String tenant() {
        return options.tenantName();
    }

    Scheduler scheduler() {
        return timer;
    }

    Mono<AccessToken> token() {
        return tokens.get();
    }

    StreamAddress address(StreamOptions streamOptions) {
        return streamOptions.baseUrl().map(StreamAddress::new).orElse(derivedAddress);
    }

    WebsocketClientSpec websocketSpec(StreamOptions streamOptions) {
        return WebsocketClientSpec.builder()
                .maxFramePayloadLength(streamOptions.maxMessageBytes())
                .handlePing(false)
                .compress(false)
                .build();
    }

    /**
     * The transport for one connection: the token goes in by a pipeline handler, extra headers by the options.
     * The first call makes the shared client on a thread that may block, since Reactor Netty reads the JDK's TLS
     * configuration (files) as it sets up its defaults, and a session's first connection often starts on an event
     * loop (after a token fetch).
     */
    Mono<HttpClient> client(String token, StreamOptions streamOptions) {
        return httpClient.map(client -> forConnection(client, token, streamOptions));
    }

    private static HttpClient forConnection(HttpClient shared, String token, StreamOptions streamOptions) {
        HttpClient client = shared.doOnChannelInit((observer, channel, remote) -> {
            CredentialQueryHandler handler = new CredentialQueryHandler(token);
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, CredentialQueryHandler.NAME, handler);
            } else {
                channel.pipeline().addBefore(NettyPipeline.ReactiveBridge, CredentialQueryHandler.NAME, handler);
            }
        });
        if (!streamOptions.headers().isEmpty()) {
            client = client.headers(headers -> streamOptions.headers().forEach(headers::set));
        }
        return client;
    }

    @Override
    public String toString() {
        return "StreamConnector[tenant=" + options.tenantName() + ", openSessions=" + open.size() + "]";
    }
}
