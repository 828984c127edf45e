package ai.corti.bench.jmh;

import ai.corti.bench.clients.RawReactorNettyClient;
import ai.corti.bench.clients.SdkBlockingClient;
import ai.corti.bench.clients.SdkReactiveClient;
import ai.corti.bench.server.BenchServer;
import ai.corti.bench.server.Payloads;
import ai.corti.client.core.interactions.ListInteractionsRequest;
import ai.corti.client.model.InteractionsGetResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lists 20,000 interactions in pages of 100 through {@code PagedFlux} and {@code PagedIterable}, against
 * baseline A fetching and decoding the same pages with the same mapper. The score is per item
 * ({@code OperationsPerInvocation}), so with {@code -prof gc} the {@code gc.alloc.rate.norm} figure is
 * bytes allocated per item.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Timeout(time = 60)
@OperationsPerInvocation(Payloads.LISTING_SIZE)
public class ListingBenchmark {

    /** How the listing is consumed. */
    public enum Listing {
        /** The SDK's reactive {@code PagedFlux}. */
        PAGED_FLUX,
        /** The SDK's blocking {@code PagedIterable}. */
        PAGED_ITERABLE,
        /** Baseline A: raw Reactor Netty fetching each page, the SDK's mapper decoding it. */
        BASELINE_A
    }

    /** The way the listing is consumed. */
    @Param({"PAGED_FLUX", "PAGED_ITERABLE", "BASELINE_A"})
    public Listing listing;

    private BenchServer server;
    private SdkReactiveClient reactive;
    private SdkBlockingClient blocking;
    private RawReactorNettyClient raw;
    private ListInteractionsRequest request;

    /** Starts the server and the clients. */
    @Setup(Level.Trial)
    public void start() {
        server = BenchServer.start();
        Payloads.page(1); // builds the pages now, outside the measurement
        reactive = new SdkReactiveClient(server.baseUrl());
        blocking = new SdkBlockingClient(server.baseUrl());
        raw = new RawReactorNettyClient(server.baseUrl());
        request = ListInteractionsRequest.builder().pageSize(Payloads.PAGE_SIZE).build();
        long items = list();
        if (items != Payloads.LISTING_SIZE) {
            throw new IllegalStateException(listing + " listed " + items + " items, expected " + Payloads.LISTING_SIZE);
        }
    }

    /** Stops the clients and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        reactive.close();
        blocking.close();
        raw.close();
        server.close();
    }

    /**
     * Lists every interaction.
     *
     * @return how many were listed
     */
    @Benchmark
    public long list() {
        switch (listing) {
            case PAGED_FLUX:
                return reactive.sdk().interactions().list(request).count().block();
            case PAGED_ITERABLE:
                long items = 0;
                for (InteractionsGetResponse ignored : blocking.sdk().interactions().list(request)) {
                    items++;
                }
                return items;
            default:
                return raw.list(Payloads.PAGE_SIZE).count().block();
        }
    }
}
