package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.CHUNK;
import static ai.corti.it.streams.StreamFixtures.audio;
import static ai.corti.it.streams.StreamFixtures.dictation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.blocking.streams.StreamSession;
import ai.corti.client.core.auth.AccessToken;
import ai.corti.client.core.streams.ReconnectPolicy;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.client.reactive.streams.ReactiveStreamSession;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.it.support.LeakCheck;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * No token reaches a log line or an exception: sessions that succeed, reconnect, are refused and time out run
 * with the SDK's, Reactor Netty's and Netty's loggers at TRACE, and every captured line, every exception (message,
 * cause chain, stack trace) and the sessions' {@code toString} are searched for the tokens used.
 */
@CortiEmulatorTest
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamSecretsTest {

    private static final List<String> LOGGERS = List.of("ai.corti", "reactor", "io.netty");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levels = new HashMap<>();

    @BeforeEach
    void captureEverything() {
        captured.start();
        for (String name : LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.TRACE);
            logger.addAppender(captured);
        }
    }

    @AfterEach
    void restore() {
        for (String name : LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(captured);
            logger.setLevel(levels.get(name));
        }
        captured.stop();
    }

    @Test
    void noTokenInAnyLogLineExceptionOrToString(CortiEmulator emulator, StreamControls streams) throws Exception {
        List<String> tokens = List.of(StreamFixtures.token(emulator, "base"), StreamFixtures.token(emulator, "base"),
                StreamFixtures.token(emulator, "base"), StreamFixtures.token(emulator, "base"));
        String forged = "forged-secret-" + "x".repeat(24);
        Queue<String> supply = new ConcurrentLinkedQueue<>(tokens);
        List<Object> seen = new ArrayList<>();
        StreamOptions reconnecting = StreamOptions.builder()
                .reconnect(ReconnectPolicy.exponentialBackoff(2, Duration.ofMillis(10), Duration.ofMillis(10)))
                .handshakeTimeout(Duration.ofSeconds(5)).build();

        try (CortiClient blocking = CortiClient.builder().tenantName("base").baseUrl(emulator.baseUrl())
                     .tokenProvider(() -> Mono.fromSupplier(() -> AccessToken.nonExpiring(supply.remove()))).build();
             CortiReactiveClient reactive = CortiReactiveClient.builder().tenantName("base").baseUrl(emulator.baseUrl())
                     .tokenProvider(() -> Mono.fromSupplier(() -> AccessToken.nonExpiring(supply.remove()))).build();
             CortiClient refused = CortiClient.builder().tenantName("base").baseUrl(emulator.baseUrl())
                     .bearerToken(forged).build()) {
            // A whole session: audio, flush, end.
            try (StreamSession<TranscribeMessage> session = blocking.transcribe().connect(dictation(), message -> { })) {
                seen.add(session);
                session.sendAudio(audio(CHUNK));
                session.flush();
                session.end();
            }
            // A reconnection after a lost socket, on the reactive facade.
            streams.nextSession().dropAfterAudioBytes(CHUNK);
            ReactiveStreamSession<TranscribeMessage> again = reactive.transcribe().connect(dictation(), reconnecting)
                    .block(LiveSession.WAIT);
            seen.add(again);
            again.messages().subscribe(m -> { }, seen::add);
            again.sendAudio(audio(CHUNK)).block(LiveSession.WAIT);
            streams.awaitSession(2, LiveSession.WAIT).awaitAudioBytes(0, LiveSession.WAIT);
            again.end().block(LiveSession.WAIT);
            // A refused upgrade, and a configuration never answered.
            seen.add(catchThrowable(() -> refused.transcribe().connect(dictation())));
            streams.nextSession().ignoreConfig();
            seen.add(catchThrowable(() -> blocking.transcribe().connect(dictation(),
                    StreamOptions.builder().handshakeTimeout(Duration.ofMillis(300)).build(), null)));
            seen.add(blocking);
            seen.add(reactive);
        }

        assertThat(supply).as("every token was used").isEmpty();
        assertThat(streams.sessions()).hasSize(5);
        List<ILoggingEvent> events;
        synchronized (captured) { // the appender appends under its own lock, from event loops still running
            events = new ArrayList<>(captured.list);
        }
        assertThat(events).as("captured log lines").hasSizeGreaterThan(20);
        List<String> texts = new ArrayList<>();
        events.forEach(event -> texts.add(describe(event)));
        seen.forEach(object -> texts.add(describe(object)));
        List<String> secrets = new ArrayList<>(tokens);
        secrets.add(forged);
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("a log line, exception or toString").doesNotContain(secret);
            }
            assertThat(text).doesNotContain("token=Bearer").doesNotContain("Bearer%20");
        }
    }

    private static String describe(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
            text.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
            for (StackTraceElementProxy frame : proxy.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }

    private static String describe(Object object) {
        if (object instanceof Throwable error) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            return error + " " + trace;
        }
        return String.valueOf(object);
    }
}
