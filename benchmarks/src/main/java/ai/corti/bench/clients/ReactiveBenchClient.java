package ai.corti.bench.clients;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** A client whose calls are {@code Mono}s, so the throughput benchmark can keep many in flight. */
public interface ReactiveBenchClient extends BenchClient {

    /**
     * Gets the interaction, lazily.
     *
     * @param id the interaction id
     * @return the decoded response when subscribed
     */
    Mono<?> getAsync(UUID id);

    /** Waits on the calling thread, as a blocking caller of a reactive client would. */
    @Override
    default Object get(UUID id) {
        return getAsync(id).block();
    }
}
