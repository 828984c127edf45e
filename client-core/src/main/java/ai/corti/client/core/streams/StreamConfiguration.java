package ai.corti.client.core.streams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of a {@code /streams} session (live transcript and facts for one interaction), sent as
 * the first message of every connection, reconnections included. Immutable; built and validated by
 * {@link #builder()}:
 *
 * <pre>{@code
 * StreamConfiguration config = StreamConfiguration.builder()
 *         .primaryLanguage("en")
 *         .participant(0, ParticipantRole.DOCTOR)
 *         .participant(1, ParticipantRole.PATIENT)
 *         .multichannel(true)
 *         .mode(StreamMode.FACTS)
 *         .outputLocale("en")
 *         .audioFormat("audio/wav")
 *         .keyterm("Ibuprofen")
 *         .build();
 * }</pre>
 */
public final class StreamConfiguration {

    private final String primaryLanguage;
    private final Boolean diarization;
    private final Boolean multichannel;
    private final List<Participant> participants;
    private final StreamMode mode;
    private final String outputLocale;
    private final FactGenerationInterval factGenerationInterval;
    private final RetentionPolicy retentionPolicy;
    private final String audioFormat;
    private final Boolean audioEvents;
    private final List<Replacement> replacements;
    private final List<String> keyterms;

    private StreamConfiguration(Builder builder) {
        this.primaryLanguage = builder.primaryLanguage;
        this.diarization = builder.diarization;
        this.multichannel = builder.multichannel;
        this.participants = List.copyOf(builder.participants);
        this.mode = builder.mode;
        this.outputLocale = builder.outputLocale;
        this.factGenerationInterval = builder.factGenerationInterval;
        this.retentionPolicy = builder.retentionPolicy;
        this.audioFormat = builder.shared.audioFormat;
        this.audioEvents = builder.shared.audioEvents;
        this.replacements = List.copyOf(builder.shared.replacements);
        this.keyterms = List.copyOf(builder.shared.keyterms);
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
     * Returns the primary spoken language.
     *
     * @return e.g. {@code en}
     */
    public String primaryLanguage() {
        return primaryLanguage;
    }

    /**
     * Returns whether speaker diarization was asked for, when set.
     *
     * @return the setting, or empty for the server's default (off)
     */
    public Optional<Boolean> diarization() {
        return Optional.ofNullable(diarization);
    }

    /**
     * Returns whether the audio has one channel per participant, when set.
     *
     * @return the setting, or empty for the server's default (off)
     */
    public Optional<Boolean> multichannel() {
        return Optional.ofNullable(multichannel);
    }

    /**
     * Returns the participants and their channels.
     *
     * @return at least one participant
     */
    public List<Participant> participants() {
        return participants;
    }

    /**
     * Returns what the session produces.
     *
     * @return the mode
     */
    public StreamMode mode() {
        return mode;
    }

    /**
     * Returns the language of the facts.
     *
     * @return the locale; present in {@link StreamMode#FACTS}
     */
    public Optional<String> outputLocale() {
        return Optional.ofNullable(outputLocale);
    }

    /**
     * Returns how often facts are generated, when set.
     *
     * @return the interval, or empty for the server's default
     */
    public Optional<FactGenerationInterval> factGenerationInterval() {
        return Optional.ofNullable(factGenerationInterval);
    }

    /**
     * Returns whether Corti stores the session's results, when set.
     *
     * @return the policy, or empty for the tenant's default
     */
    public Optional<RetentionPolicy> retentionPolicy() {
        return Optional.ofNullable(retentionPolicy);
    }

    /**
     * Returns the MIME type of the audio, when set.
     *
     * @return e.g. {@code audio/wav}, or empty to let the server detect it
     */
    public Optional<String> audioFormat() {
        return Optional.ofNullable(audioFormat);
    }

    /**
     * Returns whether audio events (long silence, speech quality) were asked for, when set.
     *
     * @return the setting, or empty for the server's default
     */
    public Optional<Boolean> audioEvents() {
        return Optional.ofNullable(audioEvents);
    }

    /**
     * Returns the replacements applied to the final text.
     *
     * @return at most {@link StreamLimits#MAX_REPLACEMENTS}
     */
    public List<Replacement> replacements() {
        return replacements;
    }

    /**
     * Returns the key terms the recogniser should favour.
     *
     * @return at most {@link StreamLimits#MAX_KEYTERMS}, each at most {@link StreamLimits#MAX_KEYTERM_LENGTH}
     *         characters
     */
    public List<String> keyterms() {
        return keyterms;
    }

    /** Shows the settings, counting (not listing) key terms and replacements. */
    @Override
    public String toString() {
        return "StreamConfiguration[primaryLanguage=" + primaryLanguage + ", mode=" + mode + ", participants="
                + participants + ", outputLocale=" + outputLocale + ", audioFormat=" + audioFormat + ", keyterms="
                + keyterms.size() + ", replacements=" + replacements.size() + "]";
    }

    /** Builds a {@link StreamConfiguration}; {@link #build()} checks every rule and names the field that breaks one. */
    public static final class Builder {

        private String primaryLanguage;
        private Boolean diarization;
        private Boolean multichannel;
        private final List<Participant> participants = new ArrayList<>();
        private StreamMode mode;
        private String outputLocale;
        private FactGenerationInterval factGenerationInterval;
        private RetentionPolicy retentionPolicy;
        private final SharedSettings shared = new SharedSettings();

        private Builder() {
        }

        /**
         * Sets the primary spoken language. Required.
         *
         * @param language a language tag such as {@code en} or {@code en-US}
         * @return this builder
         */
        public Builder primaryLanguage(String language) {
            this.primaryLanguage = SharedSettings.language("transcription.primaryLanguage", language);
            return this;
        }

        /**
         * Turns speaker diarization on or off.
         *
         * @param enabled {@code true} to tell speakers apart within a channel
         * @return this builder
         */
        public Builder diarization(boolean enabled) {
            this.diarization = enabled;
            return this;
        }

        /**
         * Says whether each participant has an audio channel of their own.
         *
         * @param enabled {@code true} for multi-channel audio
         * @return this builder
         */
        public Builder multichannel(boolean enabled) {
            this.multichannel = enabled;
            return this;
        }

        /**
         * Adds a participant. At least one is required.
         *
         * @param channel the audio channel, from 0
         * @param role    who speaks on it
         * @return this builder
         */
        public Builder participant(int channel, ParticipantRole role) {
            return participant(new Participant(channel, role));
        }

        /**
         * Adds a participant. At least one is required.
         *
         * @param participant the participant
         * @return this builder
         */
        public Builder participant(Participant participant) {
            participants.add(Objects.requireNonNull(participant, "participant"));
            return this;
        }

        /**
         * Sets what the session produces. Required.
         *
         * @param mode facts and transcript, or transcript only
         * @return this builder
         */
        public Builder mode(StreamMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the language of the facts. Required in {@link StreamMode#FACTS}.
         *
         * @param locale a language tag such as {@code en}
         * @return this builder
         */
        public Builder outputLocale(String locale) {
            this.outputLocale = SharedSettings.language("mode.outputLocale", locale);
            return this;
        }

        /**
         * Sets how often facts are generated; only in {@link StreamMode#FACTS}.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder factGenerationInterval(FactGenerationInterval interval) {
            this.factGenerationInterval = Objects.requireNonNull(interval, "factGenerationInterval");
            return this;
        }

        /**
         * Sets whether Corti stores the session's transcript and facts.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retentionPolicy(RetentionPolicy policy) {
            this.retentionPolicy = Objects.requireNonNull(policy, "retentionPolicy");
            return this;
        }

        /**
         * Declares the audio's MIME type; strongly recommended (without it the server guesses from the first
         * chunk, and may fail silently).
         *
         * @param mimeType e.g. {@code audio/wav} or {@code audio/webm;codecs=opus}
         * @return this builder
         */
        public Builder audioFormat(String mimeType) {
            shared.audioFormat(mimeType);
            return this;
        }

        /**
         * Asks for audio events (long silence, speech quality issues) as {@link AudioEventMessage}s.
         *
         * @param enabled {@code true} to receive them
         * @return this builder
         */
        public Builder audioEvents(boolean enabled) {
            shared.audioEvents = enabled;
            return this;
        }

        /**
         * Adds a replacement for the final text, at most {@link StreamLimits#MAX_REPLACEMENTS}.
         *
         * @param find    the word or phrase to replace
         * @param replace what to put instead
         * @return this builder
         */
        public Builder replacement(String find, String replace) {
            shared.replacement(new Replacement(find, replace));
            return this;
        }

        /**
         * Adds a key term, at most {@link StreamLimits#MAX_KEYTERMS} of at most
         * {@link StreamLimits#MAX_KEYTERM_LENGTH} characters each.
         *
         * @param term a word or phrase the recogniser should favour, e.g. a surname
         * @return this builder
         */
        public Builder keyterm(String term) {
            shared.keyterm(term);
            return this;
        }

        /**
         * Adds several key terms.
         *
         * @param terms the terms, in order
         * @return this builder
         */
        public Builder keyterms(List<String> terms) {
            Objects.requireNonNull(terms, "keyterms").forEach(shared::keyterm);
            return this;
        }

        /**
         * Checks the rules and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the first field that breaks a rule
         */
        public StreamConfiguration build() {
            if (primaryLanguage == null) {
                throw new IllegalArgumentException("transcription.primaryLanguage is required");
            }
            if (participants.isEmpty()) {
                throw new IllegalArgumentException("transcription.participants: at least one participant is required");
            }
            if (Boolean.TRUE.equals(multichannel)) {
                Set<Integer> channels = new HashSet<>();
                for (int i = 0; i < participants.size(); i++) {
                    if (!channels.add(participants.get(i).channel())) {
                        throw new IllegalArgumentException("transcription.participants[" + i + "]: channel "
                                + participants.get(i).channel() + " is already taken (multichannel audio has one "
                                + "participant per channel)");
                    }
                }
            }
            if (mode == null) {
                throw new IllegalArgumentException("mode.type is required: StreamMode.FACTS or StreamMode.TRANSCRIPTION");
            }
            if (mode == StreamMode.FACTS && outputLocale == null) {
                throw new IllegalArgumentException("mode.outputLocale is required in facts mode (the facts' language)");
            }
            if (mode != StreamMode.FACTS && factGenerationInterval != null) {
                throw new IllegalArgumentException("mode.factGenerationInterval applies to facts mode only");
            }
            return new StreamConfiguration(this);
        }
    }
}
