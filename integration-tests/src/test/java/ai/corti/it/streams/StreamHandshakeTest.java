package ai.corti.it.streams;

import static ai.corti.it.streams.StreamFixtures.consultation;
import static ai.corti.it.streams.StreamFixtures.dictation;
import static ai.corti.it.streams.StreamFixtures.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.error.CortiTimeoutException;
import ai.corti.client.core.error.CortiTransportException;
import ai.corti.client.core.streams.ConfigStatusType;
import ai.corti.client.core.streams.StreamClosedException;
import ai.corti.client.core.streams.StreamConfigException;
import ai.corti.client.core.streams.StreamHandshakeException;
import ai.corti.client.core.streams.StreamMessage;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.StreamServerErrorException;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.core.streams.TranscribeMessage;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.emulator.CortiEmulator;
import ai.corti.emulator.streams.StreamControls;
import ai.corti.emulator.streams.StreamSessionRecord;
import ai.corti.emulator.junit.CortiEmulatorTest;
import ai.corti.it.support.LeakCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opening a session on both facades and both endpoints against the emulator: the acceptance, every
 * {@code CONFIG_*} refusal as a typed exception with its reason, refused upgrades, the SDK's own handshake
 * deadline, and a socket that closes silently failing the connect at once.
 */
@CortiEmulatorTest
@ExtendWith(LeakCheck.class)
@Timeout(60)
class StreamHandshakeTest {

    @ParameterizedTest
    @EnumSource(Facades.class)
    void transcribeOpensOnConfigAcceptedWithTheSessionIdAndTheResolvedConfiguration(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        try (LiveSession<TranscribeMessage> session = facade.transcribe(blocking, reactive, dictation(), quick())) {
            assertThat(session.accepted().status()).isEqualTo(ConfigStatusType.ACCEPTED);
            assertThat(session.accepted().sessionId()).isPresent();
            assertThat(session.accepted().configurationJson()).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"primaryLanguage\":\"en\"").contains("\"next-section\""));
            // The acceptance is also the first message.
            assertThat(session.next(LiveSession.WAIT)).hasValueSatisfying(m -> assertThat(m.type())
                    .isEqualTo("CONFIG_ACCEPTED"));
        }
        StreamSessionRecord record = streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT);
        assertThat(record.tenant()).isEqualTo("base");
        assertThat(record.configAnswer()).contains("CONFIG_ACCEPTED");
        assertThat(record.configuration()).hasValueSatisfying(json -> assertThat(json).contains("\"spokenPunctuation\":true"));
        assertThat(record.closedBy()).isEqualTo("client");
        assertThat(record.closeCode()).isEqualTo(1000);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void streamsOpensForAnInteractionOfTheTenant(Facades facade, CortiClient blocking, CortiReactiveClient reactive,
            StreamControls streams) {
        UUID interaction = StreamFixtures.interaction(blocking);
        try (LiveSession<StreamMessage> session = facade.streams(blocking, reactive, interaction, consultation(), quick())) {
            assertThat(session.accepted().isAccepted()).isTrue();
            assertThat(session.accepted().configurationJson()).hasValueSatisfying(json -> assertThat(json)
                    .contains("\"isMultichannel\":true").contains("\"outputLocale\":\"en\""));
        }
        assertThat(streams.sessions()).singleElement().satisfies(record -> {
            assertThat(record.endpoint()).isEqualTo("streams");
            assertThat(record.interactionId()).contains(interaction);
            assertThat(record.upgraded()).isTrue();
        });
    }

    static Stream<Arguments> refusals() {
        List<Arguments> all = new ArrayList<>();
        for (Facades facade : Facades.values()) {
            for (String type : List.of("CONFIG_DENIED", "CONFIG_REJECTED", "CONFIG_MISSING", "CONFIG_NOT_PROVIDED",
                    "CONFIG_ALREADY_RECEIVED", "CONFIG_TIMEOUT", "CONFIG_SOMETHING_NEW")) {
                all.add(Arguments.of(facade, type));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void everyConfigRefusalIsATypedExceptionWithItsReasonAndIsNotRetried(Facades facade, String type,
            CortiClient blocking, CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().answerConfig(type, "scripted " + type);
        StreamOptions withReconnect = StreamOptions.builder().handshakeTimeout(Duration.ofSeconds(5))
                .reconnect(ai.corti.client.core.streams.ReconnectPolicy.exponentialBackoff(3, Duration.ofMillis(10),
                        Duration.ofMillis(10)))
                .build();

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, dictation(), withReconnect))
                .isInstanceOfSatisfying(StreamConfigException.class, e -> {
                    assertThat(e.type()).isEqualTo(type);
                    assertThat(e.status()).isEqualTo(ConfigStatusType.of(type));
                    assertThat(e.reason()).contains("scripted " + type);
                    assertThat(e.getMessage()).contains("transcribe ws://127.0.0.1:").contains(type)
                            .doesNotContain("token").doesNotContain("tenant-name");
                });
        assertThat(streams.sessions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void anUnavailableLanguageIsDeniedAndAnUnsupportedAudioFormatRejectedByTheEmulatorItself(Facades facade,
            CortiClient blocking, CortiReactiveClient reactive) {
        TranscribeConfiguration klingon = TranscribeConfiguration.builder().primaryLanguage("tlh").build();
        TranscribeConfiguration midi = TranscribeConfiguration.builder().primaryLanguage("en").audioFormat("audio/midi")
                .build();

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, klingon, quick()))
                .isInstanceOfSatisfying(StreamConfigException.class, e -> {
                    assertThat(e.status()).isEqualTo(ConfigStatusType.DENIED);
                    assertThat(e.reason()).hasValueSatisfying(r -> assertThat(r).contains("primaryLanguage 'tlh'"));
                });
        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, midi, quick()))
                .isInstanceOfSatisfying(StreamConfigException.class, e -> {
                    assertThat(e.status()).isEqualTo(ConfigStatusType.REJECTED);
                    assertThat(e.reason()).hasValueSatisfying(r -> assertThat(r).contains("audio/midi"));
                });
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void anErrorInsteadOfAnAnswerFailsTheConnectWithTheServersError(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().answerConfigWith("{\"type\":\"error\",\"error\":{\"id\":\"quota\",\"title\":\"Quota "
                + "exceeded\",\"status\":429,\"details\":\"no credits left\",\"doc\":\"https://docs.corti.ai\"}}");

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, dictation(), quick()))
                .isInstanceOfSatisfying(StreamServerErrorException.class, e -> {
                    assertThat(e.error().status()).hasValue(429);
                    assertThat(e.getMessage()).contains("429 Quota exceeded: no credits left");
                });
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void noAnswerFailsTheConnectAtTheHandshakeDeadlineAndClosesTheSocket(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().ignoreConfig();
        StreamOptions options = StreamOptions.builder().handshakeTimeout(Duration.ofMillis(400)).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, dictation(), options))
                .isInstanceOfSatisfying(CortiTimeoutException.class, e -> {
                    assertThat(e.timeout()).isEqualTo(Duration.ofMillis(400));
                    assertThat(e.getMessage()).contains("no answer to the configuration within PT0.4S");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(streams.awaitSession(0, LiveSession.WAIT).awaitClosed(LiveSession.WAIT).closedBy()).isEqualTo("client");
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void anUnknownMessageInsteadOfAnAnswerKeepsTheHandshakeWaitingUntilItsDeadline(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().answerConfigWith("{\"type\":\"warming_up\"}");
        StreamOptions options = StreamOptions.builder().handshakeTimeout(Duration.ofMillis(400)).build();

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, dictation(), options))
                .isInstanceOf(CortiTimeoutException.class);
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aSocketClosingSilentlyFailsThePendingHandshakeAtOnceNotAtTheDeadline(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().closeSilentlyOnConfig();
        StreamOptions patient = StreamOptions.builder().handshakeTimeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, dictation(), patient))
                .isInstanceOfSatisfying(StreamClosedException.class, e -> {
                    assertThat(e.closeCode()).isEmpty();
                    assertThat(e.getMessage()).contains("closed the connection before answering the configuration");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void aRefusedUpgradeIsAHandshakeExceptionWithTheStatus(Facades facade, CortiClient blocking,
            CortiReactiveClient reactive, StreamControls streams) {
        streams.nextSession().refuseUpgrade(503);

        assertThatThrownBy(() -> facade.transcribe(blocking, reactive, dictation(), quick()))
                .isInstanceOfSatisfying(StreamHandshakeException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @ParameterizedTest
    @EnumSource(Facades.class)
    void anUnknownInteractionRefusesTheUpgradeWith404(Facades facade, CortiClient blocking, CortiReactiveClient reactive,
            StreamControls streams) {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> facade.streams(blocking, reactive, unknown, consultation(), quick()))
                .isInstanceOfSatisfying(StreamHandshakeException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("/audio-bridge/v2/interactions/" + unknown + "/streams");
                });
        assertThat(streams.sessions()).singleElement().satisfies(r -> assertThat(r.upgradeStatus()).isEqualTo(404));
    }

    @Test
    void aBadTokenRefusesTheUpgradeWith401AndAnotherTenantsTokenWith403(CortiEmulator emulator, StreamControls streams)
            throws Exception {
        String baseToken = StreamFixtures.token(emulator, "base");
        try (CortiClient forged = CortiClient.builder().tenantName("base").baseUrl(emulator.baseUrl())
                     .bearerToken("not-a-token-of-this-emulator").build();
             CortiReactiveClient otherTenant = CortiReactiveClient.builder().tenantName("other").baseUrl(emulator.baseUrl())
                     .bearerToken(baseToken).build()) {
            assertThatThrownBy(() -> forged.transcribe().connect(dictation()))
                    .isInstanceOfSatisfying(StreamHandshakeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.getMessage()).doesNotContain("not-a-token-of-this-emulator");
                    });
            assertThatThrownBy(() -> otherTenant.transcribe().connect(dictation()).block(LiveSession.WAIT))
                    .isInstanceOfSatisfying(StreamHandshakeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.getMessage()).doesNotContain(baseToken);
                    });
        }
        assertThat(streams.sessions()).extracting(StreamSessionRecord::upgradeStatus).containsExactly(401, 403);
    }

    @Test
    void nothingListeningIsATransportErrorNamingTheEndpointWithoutQuery() {
        int closedPort;
        try (CortiEmulator gone = CortiEmulator.start()) {
            closedPort = gone.port();
        }
        try (CortiClient client = CortiClient.builder().tenantName("base").baseUrl("http://127.0.0.1:" + closedPort + "/v2")
                .bearerToken("t").build()) {
            assertThatThrownBy(() -> client.transcribe().connect(dictation()))
                    .isInstanceOfSatisfying(CortiTransportException.class, e -> {
                        assertThat(e.requestNeverSent()).isTrue();
                        assertThat(e.getMessage()).contains("ws://127.0.0.1:" + closedPort + "/audio-bridge/v2/transcribe")
                                .doesNotContain("?");
                    });
        }
    }

    @Test
    void anInvalidConfigurationIsRefusedBeforeConnecting(StreamControls streams) {
        assertThatThrownBy(() -> TranscribeConfiguration.builder().primaryLanguage("en").keyterm("x".repeat(51)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyterms[0]: at most 50 characters");
        assertThat(streams.sessions()).isEmpty();
    }
}
