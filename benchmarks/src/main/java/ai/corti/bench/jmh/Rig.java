package ai.corti.bench.jmh;

import ai.corti.bench.clients.BenchClient;
import ai.corti.bench.clients.ClientKind;
import ai.corti.bench.server.BenchServer;
import ai.corti.bench.server.Payloads;

/**
 * A started server and one client pointed at it, checked with one call before any measurement so a
 * misconfigured client fails the run instead of timing errors.
 *
 * @param <C> the client's type
 */
final class Rig<C extends BenchClient> implements AutoCloseable {

    final BenchServer server;
    final C client;

    private Rig(BenchServer server, C client) {
        this.server = server;
        this.client = client;
    }

    static Rig<BenchClient> of(ClientKind kind) {
        BenchServer server = BenchServer.start();
        return checked(server, kind.open(server.baseUrl()));
    }

    static <C extends BenchClient> Rig<C> checked(BenchServer server, C client) {
        Object first = client.get(Payloads.INTERACTION_ID);
        if (first == null) {
            client.close();
            server.close();
            throw new IllegalStateException(client.getClass().getSimpleName() + " decoded nothing");
        }
        return new Rig<>(server, client);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
