package ai.corti.it.streams;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.streams.ParticipantRole;
import ai.corti.client.core.streams.StreamConfiguration;
import ai.corti.client.core.streams.StreamMode;
import ai.corti.client.core.streams.StreamOptions;
import ai.corti.client.core.streams.TranscribeCommand;
import ai.corti.client.core.streams.CommandVariable;
import ai.corti.client.core.streams.TranscribeConfiguration;
import ai.corti.client.model.InteractionsCreateRequest;
import ai.corti.client.model.InteractionsEncounterCreateRequest;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsEncounterTypeEnum;
import ai.corti.emulator.CortiEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Configurations, audio and helpers the stream suites share. */
final class StreamFixtures {

    /** 250 ms of 16 kHz 16-bit mono PCM, the recommended chunk. */
    static final int CHUNK = 8_000;

    private StreamFixtures() {
    }

    static TranscribeConfiguration dictation() {
        return TranscribeConfiguration.builder()
                .primaryLanguage("en")
                .spokenPunctuation(true)
                .audioFormat("audio/wav")
                .command(TranscribeCommand.builder("next-section").phrase("next section").build())
                .command(TranscribeCommand.builder("insert-template").phrase("insert {template} exam template")
                        .variable(CommandVariable.oneOf("template", "normal", "abnormal")).build())
                .build();
    }

    static StreamConfiguration consultation() {
        return StreamConfiguration.builder()
                .primaryLanguage("en")
                .participant(0, ParticipantRole.DOCTOR)
                .participant(1, ParticipantRole.PATIENT)
                .multichannel(true)
                .diarization(true)
                .mode(StreamMode.FACTS)
                .outputLocale("en")
                .audioFormat("audio/wav")
                .build();
    }

    static StreamOptions quick() {
        return StreamOptions.builder().handshakeTimeout(Duration.ofSeconds(5)).flushTimeout(Duration.ofSeconds(5))
                .endTimeout(Duration.ofSeconds(5)).writeTimeout(Duration.ofSeconds(5)).build();
    }

    static byte[] audio(int bytes) {
        byte[] chunk = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            chunk[i] = (byte) (i * 31);
        }
        return chunk;
    }

    static UUID interaction(CortiClient client) {
        return client.interactions().create(new InteractionsCreateRequest().encounter(new InteractionsEncounterCreateRequest()
                .identifier("stream-" + UUID.randomUUID())
                .status(InteractionsEncounterStatusEnum.IN_PROGRESS)
                .type(InteractionsEncounterTypeEnum.FIRST_CONSULTATION))).getInteractionId();
    }

    /** A token from the emulator's token endpoint for a tenant, fetched the way any client would. */
    static String token(CortiEmulator emulator, String tenant) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.tokenUrl(tenant)))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + emulator.clientId() + "&client_secret=" + emulator.clientSecret()))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!token.find()) {
            throw new AssertionError("no token in " + response.statusCode());
        }
        return token.group(1);
    }
}
