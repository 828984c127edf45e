package ai.corti.bench.clients;

import java.util.function.Function;

/** The seven clients under test, by the names the benchmarks' {@code client} parameter and the report use. */
public enum ClientKind {
    /** 1: this SDK, Reactor facade. */
    SDK_REACTIVE("SDK reactive", SdkReactiveClient::new),
    /** 2: this SDK, blocking facade. */
    SDK_BLOCKING("SDK blocking", SdkBlockingClient::new),
    /** 3: baseline A, raw Reactor Netty + Jackson. */
    BASELINE_A("baseline A (Reactor Netty + Jackson)", RawReactorNettyClient::new),
    /** 4: baseline B, raw java.net.http + Jackson. */
    BASELINE_B("baseline B (java.net.http + Jackson)", RawJdkHttpClient::new),
    /**
     * 4b: baseline C, the same raw Reactor Netty call as baseline A awaited with {@code block()}: the floor for a
     * blocking call on the SDK's transport.
     */
    BASELINE_C("baseline C (Reactor Netty + Jackson, block())", url -> new RawReactorNettyClient(url, "baseline-c")),
    /** 5: openapi-generator, library native. */
    PEER_NATIVE("peer: openapi-generator native", PeerNativeClient::new),
    /** 6: openapi-generator, library webclient. */
    PEER_WEBCLIENT("peer: openapi-generator webclient", PeerWebClient::new);

    private final String label;
    private final Function<String, BenchClient> factory;

    ClientKind(String label, Function<String, BenchClient> factory) {
        this.label = label;
        this.factory = factory;
    }

    /**
     * Returns the name shown in reports.
     *
     * @return a short human-readable name
     */
    public String label() {
        return label;
    }

    /**
     * Creates the client, pointed at a server.
     *
     * @param baseUrl the server's API base URL
     * @return a new client; close it after use
     */
    public BenchClient open(String baseUrl) {
        return factory.apply(baseUrl);
    }

    /**
     * Creates the client for a benchmark that keeps calls in flight.
     *
     * @param baseUrl the server's API base URL
     * @return a new reactive client
     * @throws IllegalArgumentException when this client is blocking only
     */
    public ReactiveBenchClient openReactive(String baseUrl) {
        BenchClient client = open(baseUrl);
        if (client instanceof ReactiveBenchClient reactive) {
            return reactive;
        }
        client.close();
        throw new IllegalArgumentException(this + " has no reactive API");
    }
}
