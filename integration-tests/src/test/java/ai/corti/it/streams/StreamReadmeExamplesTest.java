package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.CHUNK;
import static ai.corti.it.streams.StreamFixtures.audio;
import static org.assertj.core.api.Assertions.assertThat;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.streams.Fact;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.it.support.LeakCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/** Runs the README's real-time snippets against the emulator and checks what they produce. */
@CortiEmulatorTest
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamReadmeExamplesTest {

    private static final List<byte[]> FIVE_CHUNKS = Collections.nCopies(5, audio(CHUNK));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture(StreamControls streams) {
        streams.transcriptEvery(CHUNK);
        original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    @Test
    void reactiveDictation(CortiReactiveClient client) {
        List<String> lines = StreamReadmeExamples.dictateReactive(client,
                Flux.fromIterable(FIVE_CHUNKS).map(ByteBuffer::wrap)).collectList().block(LiveSession.WAIT);

        assertThat(lines).containsExactly("patient presents with a sore throat and fever for three days.",
                "[next-section]", "temperature thirty eight point five degrees.", "insert normal exam template",
                "plan rest and fluids, review in one week.");
    }

    @Test
    void blockingDictation(CortiClient client, StreamControls streams) {
        StreamReadmeExamples.dictateBlocking(client, FIVE_CHUNKS);

        ai.corti.it.support.Await.until(() -> printed.toString(StandardCharsets.UTF_8).lines().count() == 5,
                LiveSession.WAIT);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "patient presents with a sore throat and fever for three days.", "[next-section]",
                "temperature thirty eight point five degrees.", "insert normal exam template",
                "plan rest and fluids, review in one week.");
        assertThat(streams.sessions().get(0).closedBy()).isEqualTo("server");
    }

    @Test
    void reactiveConsultation(CortiReactiveClient client) {
        List<Fact> facts = StreamReadmeExamples.consultationReactive(client, request(),
                Flux.fromIterable(FIVE_CHUNKS).map(ByteBuffer::wrap)).block(LiveSession.WAIT);

        assertThat(facts).extracting(Fact::text).containsExactly("Sore throat and fever for three days",
                "Takes ibuprofen twice daily, partial relief");
    }

    @Test
    void blockingConsultation(CortiClient client, StreamControls streams) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            StreamReadmeExamples.consultationBlocking(client, request(), FIVE_CHUNKS, executor);
        } finally {
            executor.shutdownNow();
        }

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "0: Good morning, what brings you in today?", "0: I have had a sore throat and a fever for three days.",
                "0: Have you taken anything for it?", "0: Ibuprofen twice a day, it helps a little.",
                "0: Any allergies to medication?");
        assertThat(streams.sessions().get(0).clientMessages()).containsExactly("flush", "end");
    }

    private static InteractionsCreateRequest request() {
        return new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("encounter-42")
                .status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION));
    }
}
