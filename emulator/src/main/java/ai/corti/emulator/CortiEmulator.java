package ai.corti.emulator;

import ai.corti.client.core.CortiClientBuilder;
import ai.corti.emulator.spec.SchemaValidator;
import ai.corti.emulator.spec.SpecSchemas;
import ai.corti.emulator.streams.StreamControls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * An in-memory Corti API on loopback: every operation of the spec (interactions, recordings, transcripts, facts,
 * classic and guided documents, templates, codes), and an OAuth2 token endpoint like Corti's Keycloak, so code
 * using the SDK can be tested without credentials or network.
 *
 * <pre>{@code
 * try (CortiEmulator emulator = CortiEmulator.start();
 *      CortiClient client = emulator.configure(CortiClient.builder()).build()) {
 *     client.interactions().create(...);
 * }
 * }</pre>
 *
 * <p>What it does: client-credentials tokens that expire (by the injected {@link Clock}); a bearer check on
 * every API call; data partitioned by {@code Tenant-Name}, and a token from one tenant's realm refused for
 * another; requests validated against the spec with RFC 9457 answers; every answer checked against the
 * spec before it is sent; fault injection ({@link #faults()}); a record of every exchange
 * ({@link #exchanges()}); what each tenant holds ({@link #data(String)}); a clock tests move on
 * ({@link #advanceClock(Duration)}), for token expiry and asynchronous transcripts. Recordings are kept off the Java
 * heap, at most {@link Builder#maxRecordingSize(long)} each and {@link Builder#recordingMemoryLimit(long)} in all.
 * It binds to {@code 127.0.0.1} only. Thread-safe.
 */
public final class CortiEmulator implements AutoCloseable {

    /** The tenant {@link #configure(CortiClientBuilder)} uses, the spec's example. */
    public static final String DEFAULT_TENANT = "base";
    /** The demo client id, unless the builder sets another. */
    public static final String DEFAULT_CLIENT_ID = "corti-emulator";
    /** The demo client secret, unless the builder sets another. It only opens this emulator. */
    public static final String DEFAULT_CLIENT_SECRET = "corti-emulator-secret";
    /** Token lifetime unless the builder sets another: 300 s, Keycloak's default. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** How many exchanges {@link #exchanges()} keeps unless the builder sets another. */
    public static final int DEFAULT_EXCHANGE_LIMIT = 10_000;
    /** How many recording bytes the emulator holds at most, all tenants together, unless the builder sets another. */
    public static final long DEFAULT_RECORDING_MEMORY_LIMIT = 256L * 1024 * 1024;
    /** How long an asynchronous transcript is {@code processing} unless the builder sets another. */
    public static final Duration DEFAULT_TRANSCRIPT_PROCESSING_TIME = Duration.ofSeconds(2);
    /** The largest JSON (or form) request body the emulator reads; a larger one is a 413. */
    static final int MAX_TEXT_BODY = 10 * 1024 * 1024;

    private static final String HOST = "127.0.0.1";

    private final DisposableServer server;
    private final LoopResources loops;
    private final String clientId;
    private final String clientSecret;
    private final Duration tokenLifetime;
    private final Faults faults = new Faults();
    private final InteractionStore store = new InteractionStore();
    private final StreamControls streams;
    private final ExchangeJournal journal;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EmulatorClock clock;
    private final RecordingMemory recordingMemory;
    private final Duration transcriptProcessingTime;
    private final RecordingsApi recordings;
    private final TranscriptsApi transcripts;
    private final FactsApi facts;
    private final DocumentsApi documents;
    private final GuidedStore guided;
    private final Scheduler timer;

    private CortiEmulator(Builder builder) {
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.tokenLifetime = builder.tokenLifetime;
        this.journal = new ExchangeJournal(builder.exchangeLimit);
        SpecSchemas spec = builder.spec != null ? builder.spec : SpecSchemas.shared();
        // Compiled now, on the caller's thread (never on an event loop), and once per document: a document the
        // emulator cannot serve fails here, naming what is wrong.
        spec.validator(SchemaValidator.Mode.REQUEST);
        spec.validator(SchemaValidator.Mode.RESPONSE);
        // The fixed catalogues are built now, on the caller's thread: their ids are name-based UUIDs (an MD5 digest,
        // whose provider an event loop should not be the first to look up).
        List.of(FactGroups.ALL, ClassicCatalogue.TEMPLATES, GuidedCatalogue.TEMPLATES, CodeTable.ENTRIES,
                Dialogues.ALL).forEach(List::size);
        this.clock = new EmulatorClock(builder.clock);
        this.recordingMemory = new RecordingMemory(builder.recordingMemoryLimit);
        this.transcriptProcessingTime = builder.transcriptProcessingTime;
        TokenIssuer issuer = new TokenIssuer(clock, tokenLifetime);
        Timestamps timestamps = new Timestamps(clock);
        // The stream URL and Location headers need the port, known only once bound: read per call.
        AtomicInteger boundPort = new AtomicInteger();
        // The real API's shape: the real-time path, with the tenant in the query (the client adds the token).
        InteractionsApi interactions = new InteractionsApi(store, spec, timestamps,
                (tenant, id) -> "ws://" + HOST + ":" + boundPort.get() + "/audio-bridge/v2/interactions/" + id
                        + "/streams?tenant-name="
                        + URLEncoder.encode(tenant, StandardCharsets.UTF_8).replace("+", "%20"));
        this.recordings = new RecordingsApi(store, recordingMemory, builder.maxRecordingSize > 0
                ? builder.maxRecordingSize : RecordingsApi.maxSizeFromSpec(spec), timestamps);
        this.transcripts = new TranscriptsApi(store, recordings, spec, clock, transcriptProcessingTime, faults,
                () -> "http://" + HOST + ":" + boundPort.get() + "/v2");
        this.facts = new FactsApi(store, spec, timestamps);
        this.documents = new DocumentsApi(store, spec, timestamps);
        this.guided = new GuidedStore(store);
        List<Operation> served = new ArrayList<>();
        for (Operation.Resource resource : List.of(interactions, recordings, transcripts, facts, documents,
                new TemplatesApi(spec), new CodesApi(spec, this::documentText),
                new GuidedDocumentsApi(store, guided, spec, timestamps, this::interactionContext),
                new GuidedListsApi(guided, spec))) {
            served.addAll(resource.operations());
        }
        OperationTable operations = new OperationTable(spec, "/v2", served);
        // The emulator's own timer for read timeouts and injected delays: Schedulers.parallel() may be a user's
        // virtual-time scheduler (StepVerifier.withVirtualTime replaces it), on which they would never fire.
        this.timer = Schedulers.newSingle("corti-emulator-timer", true);
        BodyReader.Timing timing = new BodyReader.Timing(builder.readTimeout, timer);
        Router router = new Router(new TokenEndpoint(issuer, clientId, clientSecret), new Authenticator(issuer),
                operations, new Uploads(faults, recordings, timing), faults, journal, new SpecConformance(spec), clock,
                MAX_TEXT_BODY, timing);
        this.streams = new StreamControls(clock, new EmulatorStreamAccess(issuer, store));
        // Own event loops, daemon threads: the emulator never competes with (or outlives) the code under test.
        this.loops = LoopResources.create("corti-emulator", 1, 2, true);
        try {
            this.server = HttpServer.create()
                    .host(HOST)
                    .port(builder.port)
                    .runOn(loops)
                    .handle((request, response) -> streams.handles(request.uri())
                            ? streams.handle(request, response) : router.handle(request, response))
                    .bindNow(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            loops.dispose();
            timer.dispose();
            throw e;
        }
        boundPort.set(server.port());
    }

    /**
     * Starts an emulator on a random free port with the demo credentials.
     *
     * @return the running emulator; close it when done
     */
    public static CortiEmulator start() {
        return builder().start();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the port the emulator listens on.
     *
     * @return the bound port
     */
    public int port() {
        return server.port();
    }

    /**
     * Returns the API base URL, for {@code CortiClientBuilder.baseUrl(..)}.
     *
     * @return e.g. {@code http://127.0.0.1:40123/v2}
     */
    public String baseUrl() {
        return "http://" + HOST + ":" + port() + "/v2";
    }

    /**
     * Returns a tenant's token URL, for {@code CortiClientBuilder.tokenUrl(..)}. Any tenant name works: realms
     * come into being when first asked for a token.
     *
     * @param tenant the tenant, as it will be sent in {@code Tenant-Name}
     * @return e.g. {@code http://127.0.0.1:40123/realms/base/protocol/openid-connect/token}
     */
    public String tokenUrl(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return "http://" + HOST + ":" + port() + "/realms/"
                + URLEncoder.encode(tenant, StandardCharsets.UTF_8).replace("+", "%20")
                + "/protocol/openid-connect/token";
    }

    /**
     * Returns the token URL of {@link #DEFAULT_TENANT}.
     *
     * @return the token URL
     */
    public String tokenUrl() {
        return tokenUrl(DEFAULT_TENANT);
    }

    /**
     * Returns the client id the token endpoint accepts.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * Returns the client secret the token endpoint accepts. Not a real credential, but never logged either.
     *
     * @return the client secret
     */
    public String clientSecret() {
        return clientSecret;
    }

    /**
     * Returns how long issued tokens live.
     *
     * @return the token lifetime
     */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * Configures an SDK client builder for this emulator and {@link #DEFAULT_TENANT}: base URL, token URL,
     * tenant and client credentials.
     *
     * <pre>{@code
     * CortiClient client = emulator.configure(CortiClient.builder()).build();
     * CortiReactiveClient reactive = emulator.configure(CortiReactiveClient.builder()).maxRetries(0).build();
     * }</pre>
     *
     * @param builder a {@code CortiClient} or {@code CortiReactiveClient} builder
     * @param <B>     the builder's type
     * @return the same builder, for further settings
     */
    public <B extends CortiClientBuilder<B>> B configure(B builder) {
        return configure(builder, DEFAULT_TENANT);
    }

    /**
     * Configures an SDK client builder for this emulator and a tenant.
     *
     * @param builder a {@code CortiClient} or {@code CortiReactiveClient} builder
     * @param tenant  the tenant the client acts for
     * @param <B>     the builder's type
     * @return the same builder, for further settings
     */
    public <B extends CortiClientBuilder<B>> B configure(B builder, String tenant) {
        return builder.tenantName(tenant)
                .baseUrl(baseUrl())
                .tokenUrl(tokenUrl(tenant))
                .clientCredentials(clientId, clientSecret);
    }

    /**
     * Returns the fault injection controls.
     *
     * @return the faults of this emulator
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Returns the real-time endpoints' controls: settings, per-session scripts (faults), session records and
     * live sessions.
     *
     * @return the streams of this emulator
     */
    public StreamControls streams() {
        return streams;
    }

    /**
     * Returns the exchanges so far, oldest first (the most recent ones, up to the builder's limit).
     *
     * @return an immutable snapshot
     */
    public List<RecordedExchange> exchanges() {
        return journal.snapshot();
    }

    /** Forgets the recorded exchanges. */
    public void clearExchanges() {
        journal.clear();
    }

    /**
     * Returns how many interactions a tenant has.
     *
     * @param tenant the tenant
     * @return the count
     */
    public int interactionCount(String tenant) {
        return store.count(tenant);
    }

    /**
     * Returns what a tenant holds: interactions, and per interaction its recordings, transcripts, facts and documents;
     * its stored guided documents.
     *
     * @param tenant the tenant
     * @return a view whose methods return snapshots
     */
    public TenantData data(String tenant) {
        return new TenantData(tenant, store, recordings, transcripts, facts, documents, guided);
    }

    /**
     * Moves the emulator's clock forward: tokens come closer to expiry, asynchronous transcripts progress, and later
     * timestamps are later by this much. Time never goes back, also not on {@link #reset()}.
     *
     * <pre>{@code
     * TranscriptsResponse started = ...create(.., request.async(true));   // status: processing
     * emulator.advanceClock(emulator.transcriptProcessingTime());
     * // now transcripts_get_status answers "completed"
     * }</pre>
     *
     * @param amount how far, not negative
     */
    public void advanceClock(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward, was " + amount);
        }
        clock.advance(amount);
    }

    /**
     * Returns the emulator's time now: its clock plus every {@link #advanceClock(Duration)}.
     *
     * @return the time
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Returns how long an asynchronous transcript stays {@code processing}.
     *
     * @return the processing time
     */
    public Duration transcriptProcessingTime() {
        return transcriptProcessingTime;
    }

    /**
     * Returns the most bytes one recording may have: the builder's setting, or the spec's "150 MB".
     *
     * @return bytes
     */
    public long maxRecordingSize() {
        return recordings.maxSize();
    }

    /**
     * Returns the most recording bytes the emulator holds, all tenants together.
     *
     * @return bytes
     */
    public long recordingMemoryLimit() {
        return recordingMemory.limit();
    }

    /**
     * Returns how many recording bytes the emulator holds now, all tenants together.
     *
     * @return bytes
     */
    public long storedRecordingBytes() {
        return recordingMemory.used();
    }

    /**
     * Forgets every interaction (with its recordings, transcripts, facts and documents), the tenants' guided
     * documents and generated templates, queued faults and recorded exchanges, and resets the streams (settings,
     * scripts, records; open sessions are dropped), for a fresh start between tests.
     * Issued tokens stay valid, so clients keep working; the clock keeps its time.
     */
    public void reset() {
        store.clear();
        faults.clear();
        journal.clear();
        streams.reset();
    }

    /** A tenant's document's text by id, classic or guided, for {@code codes_predict}. */
    private Optional<String> documentText(String tenant, UUID id) {
        Optional<String> classic = documents.find(tenant, id).map(DocumentsApi::text);
        if (classic.isPresent()) {
            return classic;
        }
        return guided.document(tenant, id).map(stored -> {
            List<String> texts = new ArrayList<>();
            stored.json().path("stringDocument").forEach(text -> texts.add(text.asText()));
            return String.join("\n", texts);
        });
    }

    /** An interaction's completed transcripts and its facts (not the discarded ones), as guided documents read it. */
    private List<ContextItem> interactionContext(String tenant, UUID interactionId) {
        List<ContextItem> items = new ArrayList<>();
        Instant now = clock.instant();
        for (TranscriptsApi.Transcript transcript : transcripts.store().list(tenant, interactionId)) {
            if (transcript.status(now).equals("completed")) {
                transcript.utterancesAt(now).forEach(utterance -> items.add(new ContextItem(
                        utterance.path("text").asText(), null)));
            }
        }
        facts.store().list(tenant, interactionId).stream().filter(fact -> !fact.discarded())
                .forEach(fact -> items.add(ContextItem.fact(fact.text(), fact.group())));
        return items;
    }

    /** Blocks until the server is closed; for the standalone main. */
    void awaitClose() {
        server.onDispose().block();
    }

    /** Stops the server and its threads. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            streams.closeAll();
            server.disposeNow(Duration.ofSeconds(5));
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
            timer.dispose();
        }
    }

    @Override
    public String toString() {
        return "CortiEmulator[" + baseUrl() + ", clientId=" + clientId + "]";
    }

    /** Configures a {@link CortiEmulator}. Reusable: each {@link #start()} starts a new emulator. */
    public static final class Builder {

        private int port;
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private Clock clock = Clock.systemUTC();
        private int exchangeLimit = DEFAULT_EXCHANGE_LIMIT;
        private SpecSchemas spec;
        private long maxRecordingSize;
        private long recordingMemoryLimit = DEFAULT_RECORDING_MEMORY_LIMIT;
        private Duration transcriptProcessingTime = DEFAULT_TRANSCRIPT_PROCESSING_TIME;
        private Duration readTimeout = BodyReader.READ_TIMEOUT;

        private Builder() {
        }

        /**
         * Sets the port to listen on. Default 0: a random free port.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Sets how long issued tokens live. Default {@link #DEFAULT_TOKEN_LIFETIME}.
         *
         * @param lifetime whole seconds, at least 1
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.toSeconds() < 1 || lifetime.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("tokenLifetime must be whole seconds, at least 1, was " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * Sets the client credentials the token endpoint accepts. Default {@link #DEFAULT_CLIENT_ID} and
         * {@link #DEFAULT_CLIENT_SECRET}.
         *
         * @param clientId     the client id
         * @param clientSecret the client secret
         * @return this builder
         */
        public Builder clientCredentials(String clientId, String clientSecret) {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("clientId and clientSecret must not be blank");
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the clock for token expiry, timestamps and asynchronous transcripts. Default the UTC system clock.
         * Tests move a clock of their own, or {@link CortiEmulator#advanceClock(Duration)}, instead of sleeping.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how many exchanges {@link CortiEmulator#exchanges()} keeps (the oldest go first). Default
         * {@link #DEFAULT_EXCHANGE_LIMIT}; 0 records none.
         *
         * @param limit at least 0
         * @return this builder
         */
        public Builder exchangeLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("exchangeLimit must be at least 0, was " + limit);
            }
            this.exchangeLimit = limit;
            return this;
        }

        /**
         * Sets the most bytes one recording may have; a larger upload is a 413. Default: what the spec states for
         * {@code recordings_upload} ("150 MB in file size": 150,000,000 bytes).
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxRecordingSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRecordingSize must be at least 1 byte, was " + bytes);
            }
            this.maxRecordingSize = bytes;
            return this;
        }

        /**
         * Sets the most recording bytes the emulator holds at once, all tenants together; an upload past it is a 413
         * until recordings are deleted (or the emulator reset). Recordings live off the Java heap, in direct memory,
         * so the JVM's {@code -XX:MaxDirectMemorySize} must leave room for them. Default
         * {@link #DEFAULT_RECORDING_MEMORY_LIMIT}.
         *
         * @param bytes at least 0
         * @return this builder
         */
        public Builder recordingMemoryLimit(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("recordingMemoryLimit must not be negative, was " + bytes);
            }
            this.recordingMemoryLimit = bytes;
            return this;
        }

        /**
         * Sets how long a transcript created with {@code "async": true} stays {@code processing}, by the emulator's
         * clock ({@link CortiEmulator#advanceClock(Duration)} moves it on). Default
         * {@link #DEFAULT_TRANSCRIPT_PROCESSING_TIME}; zero completes them at once.
         *
         * @param time not negative
         * @return this builder
         */
        public Builder transcriptProcessingTime(Duration time) {
            Objects.requireNonNull(time, "time");
            if (time.isNegative()) {
                throw new IllegalArgumentException("transcriptProcessingTime must not be negative, was " + time);
            }
            this.transcriptProcessingTime = time;
            return this;
        }

        /** For tests of the emulator: how long a request body may pause before its connection is closed. */
        Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets the OpenAPI document requests and answers are validated against. Default: the packaged Corti
         * document ({@link SpecSchemas#shared()}). Meant for trying the emulator against a changed document, e.g.
         * {@code SpecSchemas.of(changedCopyOfTheDocument)} with stricter schemas; the document must keep the
         * operations the emulator serves ({@link #start()} fails otherwise).
         *
         * @param spec the document
         * @return this builder
         */
        public Builder spec(SpecSchemas spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /**
         * Starts the emulator.
         *
         * @return the running emulator; close it when done
         * @throws IllegalArgumentException when the document lacks an operation the emulator serves
         * @throws IllegalStateException    when a schema of the document cannot be compiled
         */
        public CortiEmulator start() {
            return new CortiEmulator(this);
        }

        @Override
        public String toString() {
            return "CortiEmulator.Builder[port=" + port + ", clientId=" + clientId + ", tokenLifetime=" + tokenLifetime
                    + "]";
        }
    }
}
