package ai.corti.client.core.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.corti.client.core.RequestOptions;
import ai.corti.client.core.error.NotFoundException;
import ai.corti.client.core.internal.pipeline.ApiRequest;
import ai.corti.client.core.internal.pipeline.HttpPipeline;
import ai.corti.client.core.retry.RetryOptions;
import ai.corti.client.core.testing.Await;
import ai.corti.client.core.testing.ScriptedServer;
import ai.corti.client.core.testing.ScriptedServer.Reply;
import ai.corti.client.core.testing.TestOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Metrics and tracing with Micrometer, as an application configures them: an {@link ObservationRegistry} with
 * Micrometer's meter handler and a tracer (OpenTelemetry through Micrometer's bridge, W3C propagation), a
 * {@link SimpleMeterRegistry}, and real HTTP on loopback.
 */
class ObservationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RetryOptions ONE_QUICK_RETRY = new RetryOptions(1, Duration.ofMillis(1),
            Duration.ofMillis(1), 0.0, Duration.ofSeconds(1));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private SdkTracerProvider tracerProvider;
    private OtelTracer tracer;
    private ScriptedServer server;
    private HttpPipeline pipeline;

    @BeforeEach
    void start() {
        tracerProvider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        tracer = new OtelTracer(otelTracer, current, event -> { }, new OtelBaggageManager(current, List.of(), List.of()));
        observations.observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer,
                                new OtelPropagator(otel.getPropagators(), otelTracer)),
                        new DefaultTracingObservationHandler(tracer)))
                .observationHandler(new DefaultMeterObservationHandler(meters));
        server = ScriptedServer.start();
        pipeline = TestOptions.forServer(server).observationRegistry(observations).meterRegistry(meters)
                .retryOptions(ONE_QUICK_RETRY).pipeline();
    }

    @AfterEach
    void stop() {
        pipeline.closeAndWait(Duration.ofSeconds(5));
        server.close();
        tracerProvider.close();
    }

    private static ApiRequest get(String operation) {
        return new ApiRequest("GET", "/interactions/f47ac10b-58cc-4372-a567-0e02b2c3d479", List.of(), Map.of(), null,
                operation);
    }

    private static Map<String, String> tags(Meter meter) {
        return meter.getId().getTags().stream().collect(Collectors.toMap(t -> t.getKey(), t -> t.getValue()));
    }

    @Test
    void aCallIsATimedClientSpanWhoseContextGoesToTheServer() {
        server.enqueue(Reply.json(200, "{}"));

        pipeline.execute(get("interactions_get"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT);

        Timer timer = meters.get("corti.client.requests").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(tags(timer)).containsEntry("corti.operation", "interactions_get").containsEntry("method", "GET")
                .containsEntry("status", "200").containsEntry("outcome", "SUCCESS").containsEntry("exception", "none")
                .containsEntry("corti.retried", "false");
        // Nothing that identifies a patient or an interaction: no ids, no paths, no query values.
        assertThat(meters.getMeters()).flatExtracting(m -> m.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("f47ac10b"));

        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getName()).isEqualTo("corti interactions_get");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().asMap().toString()).doesNotContain("f47ac10b");
        String traceparent = server.received().get(0).header("traceparent");
        assertThat(traceparent).isEqualTo("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01");
    }

    @Test
    void aRetryIsCountedAndTheCallTaggedRetriedWithOneSpanAndOneTraceparentForBothAttempts() {
        server.enqueue(Reply.json(503, "{}"), Reply.json(200, "{}"));

        pipeline.execute(get("interactions_get"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT);

        assertThat(meters.get("corti.client.requests.retries").counter().count()).isEqualTo(1);
        assertThat(tags(meters.get("corti.client.requests").timer())).containsEntry("corti.retried", "true")
                .containsEntry("status", "200");
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        assertThat(server.received()).extracting(r -> r.header("traceparent")).doesNotContainNull()
                .containsOnly(server.received().get(0).header("traceparent"));
    }

    @Test
    void anErrorAnswerIsTaggedWithItsStatusAndException() {
        server.enqueue(Reply.json(404, "{\"title\":\"Not Found\"}"));

        Throwable thrown = catchThrowable(() -> pipeline.execute(get("interactions_get"), JsonNode.class,
                RequestOptions.DEFAULT).block(WAIT));

        assertThat(thrown).isInstanceOf(NotFoundException.class);
        assertThat(tags(meters.get("corti.client.requests").timer())).containsEntry("status", "404")
                .containsEntry("outcome", "CLIENT_ERROR").containsEntry("exception", "NotFoundException");
        assertThat(spans.getFinishedSpanItems().get(0).getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    @Test
    void theCallersObservationIsTheParent() {
        server.enqueue(Reply.json(200, "{}"));
        Observation parent = Observation.start("caller", observations);

        pipeline.execute(get("interactions_get"), JsonNode.class, RequestOptions.DEFAULT)
                .contextWrite(context -> context.put("micrometer.observation", parent)).block(WAIT);
        parent.stop();

        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData call = finished.stream().filter(s -> s.getName().equals("corti interactions_get")).findFirst()
                .orElseThrow();
        SpanData caller = finished.stream().filter(s -> s.getName().equals("caller")).findFirst().orElseThrow();
        assertThat(call.getParentSpanId()).isEqualTo(caller.getSpanId());
        assertThat(call.getTraceId()).isEqualTo(caller.getTraceId());
    }

    @Test
    void aTokenFetchIsTimed() {
        server.enqueue(Reply.json(200, "{\"access_token\":\"tok-12345678\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300}"), Reply.json(200, "{}"));
        HttpPipeline withCredentials = TestOptions.builder().tenantName("base").baseUrl(server.url() + "/v2")
                .tokenUrl(server.url() + "/token").clientCredentials("client-id", "client-secret-1234")
                .observationRegistry(observations).pipeline();
        try {
            withCredentials.execute(get("interactions_get"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT);
        } finally {
            withCredentials.closeAndWait(Duration.ofSeconds(5));
        }

        Timer fetches = meters.get("corti.client.token.fetches").timer();
        assertThat(fetches.count()).isEqualTo(1);
        assertThat(tags(fetches)).containsEntry("outcome", "SUCCESS");
        assertThat(meters.getMeters()).flatExtracting(m -> m.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("tok-") || tag.getValue().contains("client-secret"));
    }

    @Test
    void thePoolIsPublishedAsGaugesUntilTheClientCloses() {
        server.enqueue(Reply.json(200, "{}"));
        pipeline.execute(get("interactions_get"), JsonNode.class, RequestOptions.DEFAULT).block(WAIT);

        assertThat(meters.get("corti.client.connections.open").gauge().value()).isEqualTo(1.0);
        // The connection goes back to the pool on its event loop just after the answer was handed on.
        Await.until(() -> meters.get("corti.client.connections.active").gauge().value() == 0,
                "the connection is back in the pool");
        assertThat(meters.get("corti.client.connections.open").gauge().getId().getTag("client"))
                .isEqualTo(pipeline.name());

        pipeline.closeAndWait(Duration.ofSeconds(5));

        assertThat(meters.find("corti.client.connections.open").gauges()).isEmpty();
        assertThat(meters.find("corti.client.connections.active").gauges()).isEmpty();
    }
}
