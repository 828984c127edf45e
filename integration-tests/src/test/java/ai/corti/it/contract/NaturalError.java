package ai.corti.it.contract;

import ai.corti.emulator.RecordedExchange;
import ai.corti.it.support.SpecDocument.SpecOperation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An error the emulator answers by itself, as the API would, for what a call sends: ids of things that do not
 * exist, a guided document without input, a bad token, another tenant's token, an invalid body. Each kind knows the
 * operations it applies to, the ids it changes, and which of an operation's calls it makes fail (a call that does not
 * send the changed id is answered as usual, which the suite checks too). The statuses the emulator cannot produce
 * this way are injected ({@code faults().forOperation(..)}).
 */
enum NaturalError {

    /** An interaction that does not exist: 404 for everything under it, and for a guided document made from it. */
    UNKNOWN_INTERACTION(404, "the interaction does not exist") {
        @Override
        boolean appliesTo(SpecOperation op) {
            return op.parameterNames("path").contains("id") || op.id().equals("guided_documents_generate");
        }

        @Override
        ContractIds ids(ContractIds shared) {
            return shared.withInteraction(Unknown.INTERACTION);
        }

        @Override
        boolean fails(RecordedExchange sent) {
            return Unknown.sends(sent, Unknown.INTERACTION.toString());
        }
    },
    /**
     * A recording, transcript, fact or document the (existing) interaction does not hold: in the path, or named by
     * the body (a transcript's {@code recordingId}, a batch's {@code factId}, a {@code documentId} context).
     */
    UNKNOWN_RESOURCE(404, "the recording, transcript, fact or document does not exist") {
        @Override
        boolean appliesTo(SpecOperation op) {
            return op.parameterNames("path").stream().anyMatch(CHILD_IDS::contains)
                    || BODY_REFERENCES.contains(op.id());
        }

        @Override
        ContractIds ids(ContractIds shared) {
            return shared.withChildren(Unknown.RECORDING, Unknown.TRANSCRIPT, Unknown.FACT, Unknown.DOCUMENT);
        }

        @Override
        boolean fails(RecordedExchange sent) {
            return Unknown.sends(sent, Unknown.RECORDING.toString(), Unknown.TRANSCRIPT.toString(),
                    Unknown.FACT.toString(), Unknown.DOCUMENT);
        }
    },
    /** A classic template key, or a guided template or section (and version), that is not in the catalogue. */
    UNKNOWN_TEMPLATE(404, "the template or section does not exist") {
        @Override
        boolean appliesTo(SpecOperation op) {
            return op.id().equals("templates_get") || op.id().equals("guided_documents_generate");
        }

        @Override
        ContractIds ids(ContractIds shared) {
            return shared.withClassicCatalogue(Unknown.TEMPLATE_KEY, shared.classicSectionId(),
                    shared.classicSectionKey()).withGuidedCatalogue(Unknown.TEMPLATE, Unknown.TEMPLATE_VERSION,
                    Unknown.SECTION, Unknown.SECTION_VERSION);
        }

        @Override
        boolean fails(RecordedExchange sent) {
            return Unknown.sends(sent, Unknown.TEMPLATE_KEY, Unknown.TEMPLATE.toString(),
                    Unknown.TEMPLATE_VERSION.toString(), Unknown.SECTION.toString(),
                    Unknown.SECTION_VERSION.toString());
        }
    },
    /**
     * A guided document with neither {@code context} nor {@code interactionId}: the spec's prose wants one of them
     * (its schema requires neither), and the emulator answers its declared 422.
     */
    NO_GUIDED_INPUT(422, "neither context nor interactionId") {
        @Override
        boolean appliesTo(SpecOperation op) {
            return op.id().equals("guided_documents_generate");
        }

        @Override
        ContractIds ids(ContractIds shared) {
            return shared.withGuidedInteraction(null);
        }

        @Override
        boolean fails(RecordedExchange sent) {
            JsonNode body = LifecycleContractTest.json(sent.requestBody().getBytes(StandardCharsets.UTF_8));
            return !body.has("context") && !body.has("interactionId");
        }
    },
    /** A bearer token the emulator never issued: 401 with a challenge (and a body where the operation has one). */
    BAD_TOKEN(401, "a token the emulator did not issue"),
    /** A token from another tenant's realm used with {@code Tenant-Name: base}: 403. */
    OTHER_TENANT(403, "a token of another tenant"),
    /** A body the SDK sends but the emulator refuses, naming the field ({@link InvalidBodies}). */
    INVALID_BODY(400, "a body the emulator refuses") {
        @Override
        boolean appliesTo(SpecOperation op) {
            return InvalidBodies.of(op.id()).isPresent();
        }
    };

    /** Path parameters naming a resource under the interaction. */
    private static final Set<String> CHILD_IDS = Set.of("recordingId", "transcriptId", "factId", "documentId");
    /** Operations without such a path parameter whose body names a resource under the interaction. */
    private static final Set<String> BODY_REFERENCES = Set.of("transcripts_create", "facts_batch_update",
            "codes_predict");

    private final int status;
    private final String what;

    NaturalError(int status, String what) {
        this.status = status;
        this.what = what;
    }

    /**
     * The status the emulator answers.
     *
     * @return the status
     */
    int status() {
        return status;
    }

    /**
     * Whether the emulator can answer this for an operation.
     *
     * @param op the operation
     * @return true if the suite provokes it there
     */
    boolean appliesTo(SpecOperation op) {
        return true; // a token is checked on every operation
    }

    /**
     * The ids the operation's calls run with to provoke it.
     *
     * @param shared the fixtures' ids
     * @return the ids
     */
    ContractIds ids(ContractIds shared) {
        return shared;
    }

    /**
     * Whether a call, as the emulator received it, must fail with this error; the others must succeed.
     *
     * @param sent the exchange
     * @return true if it sends what provokes it
     */
    boolean fails(RecordedExchange sent) {
        return true;
    }

    /**
     * The statuses an operation's errors are provoked with naturally, the others being injected.
     *
     * @param op the operation
     * @return the statuses
     */
    static Set<Integer> statusesOf(SpecOperation op) {
        return Arrays.stream(values()).filter(kind -> kind.appliesTo(op)).map(NaturalError::status)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public String toString() {
        return status + " (" + what + ")";
    }

    /** Ids nothing has: random, so no run of the suite meets one that exists. */
    private static final class Unknown {
        static final UUID INTERACTION = UUID.randomUUID();
        static final UUID RECORDING = UUID.randomUUID();
        static final UUID TRANSCRIPT = UUID.randomUUID();
        static final UUID FACT = UUID.randomUUID();
        static final String DOCUMENT = UUID.randomUUID().toString();
        static final String TEMPLATE_KEY = "no-such-template";
        static final UUID TEMPLATE = UUID.randomUUID();
        static final UUID TEMPLATE_VERSION = UUID.randomUUID();
        static final UUID SECTION = UUID.randomUUID();
        static final UUID SECTION_VERSION = UUID.randomUUID();

        /** Whether the request's path, query or body carries one of the values. */
        static boolean sends(RecordedExchange sent, String... values) {
            String request = sent.path() + "?" + sent.query() + " " + sent.requestBody();
            return List.of(values).stream().anyMatch(request::contains);
        }
    }
}
