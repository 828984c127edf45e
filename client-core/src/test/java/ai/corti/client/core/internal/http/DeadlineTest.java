package ai.corti.client.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.publisher.PublisherProbe;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The single-operator deadline every exchange and budget runs under, in virtual time. */
class DeadlineTest {

    private final VirtualTimeScheduler virtualTime = VirtualTimeScheduler.create();
    /** The timer tasks the operator armed, to see which it disarmed. */
    private final List<Disposable> armed = new CopyOnWriteArrayList<>();
    private final Scheduler time = new Scheduler() {
        @Override
        public Disposable schedule(Runnable task) {
            return virtualTime.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            Disposable scheduled = virtualTime.schedule(task, delay, unit);
            armed.add(scheduled);
            return scheduled;
        }

        @Override
        public Worker createWorker() {
            return virtualTime.createWorker();
        }
    };

    private void assertNoTimerLeftArmed() {
        assertThat(armed).as("timers armed").isNotEmpty().allSatisfy(task -> assertThat(task.isDisposed()).isTrue());
    }

    @Test
    void aValueBeforeTheDeadlinePassesAndDisarmsTheTimer() {
        TestPublisher<String> source = TestPublisher.create();

        StepVerifier.create(Deadline.of(source.mono(), Duration.ofSeconds(5), time, TimeoutException::new))
                .then(() -> virtualTime.advanceTimeBy(Duration.ofSeconds(4)))
                .then(() -> source.emit("answer"))
                .expectNext("answer")
                .verifyComplete();

        assertNoTimerLeftArmed();
    }

    @Test
    void theDeadlineEndsTheCallWithItsErrorAndCancelsTheSource() {
        TestPublisher<String> source = TestPublisher.create();

        StepVerifier.create(Deadline.of(source.mono(), Duration.ofSeconds(5), time, TimeoutException::new))
                .then(() -> virtualTime.advanceTimeBy(Duration.ofMillis(4_999)))
                .then(() -> assertThat(source.wasCancelled()).isFalse())
                .then(() -> virtualTime.advanceTimeBy(Duration.ofMillis(1)))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));

        assertThat(source.wasCancelled()).isTrue();
        source.emit("too late"); // dropped: the call already ended
    }

    @Test
    void aSourceThatEndsAtOnceLeavesNoTimerBehind() {
        StepVerifier.create(Deadline.of(Mono.just("now"), Duration.ofSeconds(5), time, TimeoutException::new))
                .expectNext("now")
                .verifyComplete();
        StepVerifier.create(Deadline.of(Mono.<String>error(new IllegalStateException("no")), Duration.ofSeconds(5), time,
                        TimeoutException::new))
                .expectError(IllegalStateException.class)
                .verify(Duration.ofSeconds(5));

        assertNoTimerLeftArmed();
    }

    @Test
    void cancellingDisarmsTheTimerAndCancelsTheSource() {
        PublisherProbe<String> source = PublisherProbe.of(Mono.never());

        StepVerifier.create(Deadline.of(source.mono(), Duration.ofSeconds(5), time, TimeoutException::new))
                .expectSubscription()
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        source.assertWasCancelled();
        assertNoTimerLeftArmed();
    }

    @Test
    void aDeadlineAlreadyPassedFailsAtOnceAndCancelsTheSourceAsItArrives() {
        PublisherProbe<String> source = PublisherProbe.of(Mono.never());

        StepVerifier.create(Deadline.of(source.mono(), Duration.ZERO, time, () -> new TimeoutException("budget spent")))
                .expectErrorMessage("budget spent")
                .verify(Duration.ofSeconds(5));

        source.assertWasCancelled();
    }
}
