package ai.corti.client.core.internal;

import reactor.core.publisher.Mono;

/** Stub: waits for a Mono. */
public final class Blocking {

    private Blocking() {
    }

    public static <T> T await(Mono<T> mono) {
        return mono.block(java.time.Duration.ofSeconds(10));
    }
}
