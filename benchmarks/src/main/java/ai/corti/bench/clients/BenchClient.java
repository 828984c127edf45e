package ai.corti.bench.clients;

import java.util.UUID;

/** One client under test, reduced to the call every benchmark makes: get one interaction and wait for it. */
public interface BenchClient extends AutoCloseable {

    /**
     * Gets the interaction and returns the decoded model.
     *
     * @param id the interaction id
     * @return the decoded response (its type is the client's own model class)
     */
    Object get(UUID id);

    /** Releases the client's connections and threads. */
    @Override
    void close();
}
