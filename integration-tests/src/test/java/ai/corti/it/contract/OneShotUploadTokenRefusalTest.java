package ai.corti.it.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.blocking.CortiClient;
import ai.corti.client.core.CortiClientBuilder;
import ai.corti.client.core.error.UnauthorizedException;
import ai.corti.client.reactive.CortiReactiveClient;
import ai.corti.it.support.Facade;
import ai.corti.it.support.LeakCheck;
import ai.corti.it.support.MockCorti;
import ai.corti.it.support.MockCortiExtension;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

/**
 * An upload from a stream (blocking) or a publisher (reactive) is read once ({@code BinaryContent}: "a stream or
 * a publisher is read once, so an upload from one is never retried"). When the API refuses its token with a 401,
 * the call must end with {@link UnauthorizedException} after that one request, not send the body again.
 *
 * <p>Found a bug, since fixed: the auth stage resent any 401 whatever its body, so a blocking upload from an
 * {@code InputStream} announced its full {@code Content-Length} over a consumed stream and hung until the response
 * timeout, and a reactive upload subscribed the caller's publisher twice. The spec declares no 401 for
 * {@code recordings_upload} today, so the spec-driven {@link LifecycleContractTest} does not reach this path; a
 * newer spec (or any gateway) can.
 */
@ExtendWith(LeakCheck.class)
class OneShotUploadTokenRefusalTest {

    @RegisterExtension
    static final MockCortiExtension MOCK = new MockCortiExtension();

    private static <B extends CortiClientBuilder<B>> B configure(B builder) {
        return builder.tenantName("base").baseUrl(MOCK.mock().baseUrl()).tokenUrl(MOCK.mock().tokenUrl())
                .clientCredentials("contract-client", "contract-secret").maxRetries(0)
                .responseTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(4));
    }

    @ParameterizedTest
    @EnumSource(Facade.class)
    @Timeout(30)
    void aRefusedTokenEndsAOneShotUploadWithoutSendingItAgain(Facade facade) {
        MOCK.mock().answerOperation("recordings_upload", MockCorti.json(401,
                "{\"requestid\":\"req-401\",\"status\":401,\"type\":\"about:blank\",\"detail\":\"token refused\"}"));
        AtomicInteger reads = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> upload(facade, reads));

        assertThat(thrown).isExactlyInstanceOf(UnauthorizedException.class);
        assertThat(((UnauthorizedException) thrown).statusCode()).isEqualTo(401);
        assertThat(reads).as("times the body was read").hasValue(1);
        assertThat(MOCK.mock().received("recordings_upload")).as("uploads received").hasSize(1);
    }

    private static void upload(Facade facade, AtomicInteger reads) {
        byte[] audio = ContractRequests.AUDIO;
        switch (facade) {
            case BLOCKING -> {
                try (CortiClient client = configure(CortiClient.builder()).build()) {
                    client.recordings().upload(ContractRequests.INTERACTION, new ByteArrayInputStream(audio) {
                        @Override
                        public synchronized int read(byte[] b, int off, int len) {
                            if (pos == 0) {
                                reads.incrementAndGet();
                            }
                            return super.read(b, off, len);
                        }
                    }, audio.length);
                }
            }
            case REACTIVE -> {
                try (CortiReactiveClient client = configure(CortiReactiveClient.builder()).build()) {
                    Flux<ByteBuffer> once = Flux.defer(() -> {
                        reads.incrementAndGet();
                        return Flux.just(ByteBuffer.wrap(audio));
                    });
                    client.recordings().upload(ContractRequests.INTERACTION, once, audio.length).block(Duration.ofSeconds(10));
                }
            }
        }
    }
}
