package ai.corti.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.internal.Blocking;
import ai.corti.client.model.InteractionsGetResponse;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.MockCortiExtension;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for this module (blockhound-junit-platform): any blocking call on a Reactor
 * thread fails the test that made it, so every reactive suite here also proves the reactive path never
 * blocks. These tests prove BlockHound is really active, and that the blocking facade refuses to run on
 * a Reactor thread with the documented message.
 */
@ExtendWith(LeakCheck.class)
class NonBlockingTest {

    @RegisterExtension
    static final MockCortiExtension MOCK = new MockCortiExtension();

    @Test
    void blockHoundIsInstalledAndCatchesBlockingOnReactorThreads() {
        Mono<Object> parksOnParallel = Mono.fromRunnable(() -> LockSupport.parkNanos(1_000))
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(parksOnParallel).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
    }

    @Test
    void theBlockingFacadeFailsFastOnAReactorThreadWithTheDocumentedMessage() {
        try (CortiClient client = CortiClient.builder().tenantName("base").baseUrl(MOCK.mock().baseUrl())
                .bearerToken("t").build()) {
            UUID id = UUID.randomUUID(); // not inside the lambda: SecureRandom reads a file, which BlockHound rightly flags
            Mono<InteractionsGetResponse> misuse = Mono.fromCallable(() -> client.interactions().get(id))
                    .subscribeOn(Schedulers.parallel());

            StepVerifier.create(misuse)
                    .expectErrorSatisfies(e -> assertThat(e)
                            .isExactlyInstanceOf(IllegalStateException.class)
                            .hasMessageStartingWith(Blocking.ON_REACTOR_THREAD)
                            .hasMessageContaining("CortiReactiveClient"))
                    .verify(Duration.ofSeconds(5));
            assertThat(MOCK.mock().apiRequests()).isZero();
        }
    }
}
