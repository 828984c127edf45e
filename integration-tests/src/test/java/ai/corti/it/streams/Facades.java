package ai.corti.it.streams;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.streams.ConfigStatus;
import ai.corti.client.core.streams.ServerMessage;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.core.streams.UsageMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.streams.ReactiveStreamSession;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/** Opens sessions through either facade as {@link LiveSession}s. */
enum Facades {
    /** {@code CortiClient}: the blocking session, its messages read with {@code poll}. */
    BLOCKING,
    /** {@code CortiReactiveClient}: the reactive session, its messages collected by a subscriber. */
    REACTIVE;

    LiveSession<TranscribeMessage> transcribe(CortiClient blocking, CortiReactiveClient reactive,
                                              TranscribeConfiguration config, StreamOptions options) {
        if (this == BLOCKING) {
            return new Blocking<>(blocking.transcribe().connect(config, options, null));
        }
        return new Reactive<>(reactive.transcribe().connect(config, options).block(timeout(options)));
    }

    LiveSession<StreamMessage> streams(CortiClient blocking, CortiReactiveClient reactive, UUID interaction,
                                       StreamConfiguration config, StreamOptions options) {
        if (this == BLOCKING) {
            return new Blocking<>(blocking.streams().connect(interaction, config, options, null));
        }
        return new Reactive<>(reactive.streams().connect(interaction, config, options).block(timeout(options)));
    }

    private static Duration timeout(StreamOptions options) {
        return options.handshakeTimeout().plusSeconds(5);
    }

    /** The blocking session, as it is. */
    private static final class Blocking<M extends ServerMessage> implements LiveSession<M> {
        private final StreamSession<M> session;

        Blocking(StreamSession<M> session) {
            this.session = session;
        }

        public ConfigStatus accepted() {
            return session.accepted();
        }

        public void send(byte[] chunk) {
            session.sendAudio(chunk);
        }

        public void flush() {
            session.flush();
        }

        public Optional<UsageMessage> end() {
            return session.end();
        }

        public long pendingAudioBytes() {
            return session.pendingAudioBytes();
        }

        public Optional<M> next(Duration timeout) {
            return session.poll(timeout);
        }

        public boolean finished() {
            return session.isFinished();
        }

        public Optional<Throwable> failure(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    session.poll(Duration.ofMillis(50));
                } catch (RuntimeException e) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        public void close() {
            session.close();
        }

        @Override
        public String toString() {
            return session.toString();
        }
    }

    /** The reactive session, its messages collected into a queue by one subscriber. */
    private static final class Reactive<M extends ServerMessage> implements LiveSession<M> {
        private static final Object END = new Object();
        private final ReactiveStreamSession<M> session;
        private final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private volatile Throwable error;

        Reactive(ReactiveStreamSession<M> session) {
            this.session = session;
            session.messages().subscribe(new BaseSubscriber<M>() {
                @Override
                protected void hookOnSubscribe(Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                protected void hookOnNext(M value) {
                    messages.add(value);
                }

                @Override
                protected void hookOnError(Throwable throwable) {
                    error = throwable;
                    messages.add(END);
                }

                @Override
                protected void hookOnComplete() {
                    messages.add(END);
                }
            });
        }

        public ConfigStatus accepted() {
            return session.accepted();
        }

        public void send(byte[] chunk) {
            session.sendAudio(chunk).block(WAIT);
        }

        public void flush() {
            session.flush().block(WAIT.multipliedBy(4));
        }

        public Optional<UsageMessage> end() {
            return session.end().blockOptional(WAIT.multipliedBy(7));
        }

        public long pendingAudioBytes() {
            return session.pendingAudioBytes();
        }

        @SuppressWarnings("unchecked")
        public Optional<M> next(Duration timeout) {
            try {
                Object next = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                if (next == END) {
                    messages.add(END);
                    if (error instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    return Optional.empty();
                }
                return Optional.ofNullable((M) next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        public boolean finished() {
            return messages.peek() == END;
        }

        public Optional<Throwable> failure(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !(messages.peek() == END && error != null)) {
                try {
                    Object next = messages.poll(10, TimeUnit.MILLISECONDS);
                    if (next == END) {
                        messages.add(END);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return Optional.ofNullable(error);
        }

        public void close() {
            session.close();
        }

        @Override
        public String toString() {
            return session.toString();
        }
    }
}
