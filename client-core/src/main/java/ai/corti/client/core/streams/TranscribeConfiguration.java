package ai.corti.client.core.streams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of a {@code /transcribe} session (stateless dictation with voice commands), sent as the
 * first message of every connection, reconnections included. Immutable; built and validated by
 * {@link #builder()}:
 *
 * <pre>{@code
 * TranscribeConfiguration config = TranscribeConfiguration.builder()
 *         .primaryLanguage("en")
 *         .interimResults(true)
 *         .spokenPunctuation(true)
 *         .command(TranscribeCommand.builder("next-section").phrase("next section").build())
 *         .audioFormat("audio/wav")
 *         .build();
 * }</pre>
 */
public final class TranscribeConfiguration {

    private final String primaryLanguage;
    private final Boolean interimResults;
    private final Boolean spokenPunctuation;
    private final Boolean automaticPunctuation;
    private final List<TranscribeCommand> commands;
    private final TranscribeFormatting formatting;
    private final String audioFormat;
    private final Boolean audioEvents;
    private final List<Replacement> replacements;
    private final List<String> keyterms;

    private TranscribeConfiguration(Builder builder) {
        this.primaryLanguage = builder.primaryLanguage;
        this.interimResults = builder.interimResults;
        this.spokenPunctuation = builder.spokenPunctuation;
        this.automaticPunctuation = builder.automaticPunctuation;
        this.commands = List.copyOf(builder.commands);
        this.formatting = builder.formatting;
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
     * Returns whether interim (not final) results were asked for, when set.
     *
     * @return the setting, or empty for the server's default (off)
     */
    public Optional<Boolean> interimResults() {
        return Optional.ofNullable(interimResults);
    }

    /**
     * Returns whether spoken punctuation ("period", "slash") is converted, when set.
     *
     * @return the setting, or empty for the server's default (off)
     */
    public Optional<Boolean> spokenPunctuation() {
        return Optional.ofNullable(spokenPunctuation);
    }

    /**
     * Returns whether the final text is punctuated and capitalised automatically, when set.
     *
     * @return the setting, or empty for the server's default (off)
     */
    public Optional<Boolean> automaticPunctuation() {
        return Optional.ofNullable(automaticPunctuation);
    }

    /**
     * Returns the voice commands.
     *
     * @return the commands, possibly empty
     */
    public List<TranscribeCommand> commands() {
        return commands;
    }

    /**
     * Returns the formatting of the final text, when set.
     *
     * @return the formatting
     */
    public Optional<TranscribeFormatting> formatting() {
        return Optional.ofNullable(formatting);
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
     * Returns whether audio events were asked for, when set.
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
     * @return at most {@link StreamLimits#MAX_KEYTERMS}
     */
    public List<String> keyterms() {
        return keyterms;
    }

    /** Shows the settings, counting (not listing) key terms and replacements. */
    @Override
    public String toString() {
        return "TranscribeConfiguration[primaryLanguage=" + primaryLanguage + ", interimResults=" + interimResults
                + ", commands=" + commands.size() + ", audioFormat=" + audioFormat + ", keyterms=" + keyterms.size()
                + ", replacements=" + replacements.size() + "]";
    }

    /** Builds a {@link TranscribeConfiguration}; {@link #build()} names the field that breaks a rule. */
    public static final class Builder {

        private String primaryLanguage;
        private Boolean interimResults;
        private Boolean spokenPunctuation;
        private Boolean automaticPunctuation;
        private final List<TranscribeCommand> commands = new ArrayList<>();
        private TranscribeFormatting formatting;
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
            this.primaryLanguage = SharedSettings.language("primaryLanguage", language);
            return this;
        }

        /**
         * Asks for interim results ({@link DictationTranscript#isFinal()} {@code false}) for lower latency.
         *
         * @param enabled {@code true} to receive them
         * @return this builder
         */
        public Builder interimResults(boolean enabled) {
            this.interimResults = enabled;
            return this;
        }

        /**
         * Converts spoken punctuation ("period", "slash") into symbols; overrides automatic punctuation.
         *
         * @param enabled {@code true} to convert
         * @return this builder
         */
        public Builder spokenPunctuation(boolean enabled) {
            this.spokenPunctuation = enabled;
            return this;
        }

        /**
         * Punctuates and capitalises the final text automatically.
         *
         * @param enabled {@code true} to punctuate
         * @return this builder
         */
        public Builder automaticPunctuation(boolean enabled) {
            this.automaticPunctuation = enabled;
            return this;
        }

        /**
         * Registers a voice command; ids must be unique.
         *
         * @param command the command
         * @return this builder
         */
        public Builder command(TranscribeCommand command) {
            commands.add(Objects.requireNonNull(command, "command"));
            return this;
        }

        /**
         * Sets how dates, numbers and the like are written.
         *
         * @param formatting the formatting
         * @return this builder
         */
        public Builder formatting(TranscribeFormatting formatting) {
            this.formatting = Objects.requireNonNull(formatting, "formatting");
            return this;
        }

        /**
         * Declares the audio's MIME type; strongly recommended.
         *
         * @param mimeType e.g. {@code audio/wav} or {@code audio/webm;codecs=opus}
         * @return this builder
         */
        public Builder audioFormat(String mimeType) {
            shared.audioFormat(mimeType);
            return this;
        }

        /**
         * Asks for audio events as {@link AudioEventMessage}s.
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
         * @param term a word or phrase the recogniser should favour
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
        public TranscribeConfiguration build() {
            if (primaryLanguage == null) {
                throw new IllegalArgumentException("primaryLanguage is required");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < commands.size(); i++) {
                if (!ids.add(commands.get(i).id())) {
                    throw new IllegalArgumentException("commands[" + i + "]: id '" + commands.get(i).id()
                            + "' is used twice");
                }
            }
            return new TranscribeConfiguration(this);
        }
    }
}
