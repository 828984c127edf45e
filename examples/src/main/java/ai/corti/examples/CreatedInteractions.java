package ai.corti.examples;

import ai.corti.client.reactive.CortiReactiveClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * The interactions the walkthrough created and has not deleted yet, so the last step (or, when a step failed, the
 * walkthrough's {@code finally}) deletes every one of them: a run against a real tenant leaves nothing behind.
 * Deleting an interaction deletes what it holds (recordings, transcripts, facts, documents).
 */
final class CreatedInteractions {

    /** At most this many deletes at once: enough to be quick, few enough to stay clear of rate limits. */
    private static final int CONCURRENT_DELETES = 4;

    private final Set<UUID> ids = new LinkedHashSet<>();

    /**
     * Remembers a created interaction.
     *
     * @param id its id
     */
    synchronized void add(UUID id) {
        ids.add(id);
    }

    /**
     * Forgets an interaction a step deleted itself.
     *
     * @param id its id
     */
    synchronized void deleted(UUID id) {
        ids.remove(id);
    }

    /**
     * Returns the interactions still to delete, oldest first.
     *
     * @return a copy
     */
    synchronized List<UUID> remaining() {
        return new ArrayList<>(ids);
    }

    /**
     * Deletes every remaining interaction, a few at a time.
     *
     * @param reactive the client
     * @param timeout  the budget for all of them
     * @return how many were deleted
     */
    int deleteAll(CortiReactiveClient reactive, Duration timeout) {
        Long deleted = Flux.fromIterable(remaining())
                .flatMap(id -> reactive.interactions().delete(id).thenReturn(id), CONCURRENT_DELETES)
                .doOnNext(this::deleted)
                .count()
                .block(timeout);
        return deleted == null ? 0 : deleted.intValue();
    }
}
