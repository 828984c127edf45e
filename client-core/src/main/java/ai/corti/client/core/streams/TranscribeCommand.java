package ai.corti.client.core.streams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A voice command the {@code /transcribe} endpoint listens for; when one of its phrases is spoken, a
 * {@link CommandMessage} with its id arrives instead of the words.
 *
 * <pre>{@code
 * TranscribeCommand insert = TranscribeCommand.builder("insert-template")
 *         .phrase("insert {template} template")
 *         .variable(CommandVariable.oneOf("template", "normal", "abnormal"))
 *         .build();
 * }</pre>
 */
public final class TranscribeCommand {

    private final String id;
    private final List<String> phrases;
    private final List<CommandVariable> variables;

    private TranscribeCommand(Builder builder) {
        this.id = builder.id;
        this.phrases = List.copyOf(builder.phrases);
        this.variables = List.copyOf(builder.variables);
    }

    /**
     * Starts a builder.
     *
     * @param id identifies the command when it is detected; not blank
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Returns the command's id.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the phrases that trigger it.
     *
     * @return at least one phrase
     */
    public List<String> phrases() {
        return phrases;
    }

    /**
     * Returns the variables its phrases use.
     *
     * @return the variables, possibly empty
     */
    public List<CommandVariable> variables() {
        return variables;
    }

    @Override
    public String toString() {
        return "TranscribeCommand[id=" + id + ", phrases=" + phrases + ", variables=" + variables + "]";
    }

    /** Builds a {@link TranscribeCommand}. */
    public static final class Builder {

        private final String id;
        private final List<String> phrases = new ArrayList<>();
        private final List<CommandVariable> variables = new ArrayList<>();

        private Builder(String id) {
            this.id = SharedSettings.nonBlank("command id", id);
        }

        /**
         * Adds a phrase that triggers the command; {@code {key}} marks a variable.
         *
         * @param phrase e.g. {@code next section}
         * @return this builder
         */
        public Builder phrase(String phrase) {
            phrases.add(SharedSettings.nonBlank("command '" + id + "' phrase", phrase));
            return this;
        }

        /**
         * Adds a variable.
         *
         * @param variable the variable
         * @return this builder
         */
        public Builder variable(CommandVariable variable) {
            variables.add(Objects.requireNonNull(variable, "variable"));
            return this;
        }

        /**
         * Checks the rules and builds the command.
         *
         * @return the command
         * @throws IllegalArgumentException when it has no phrase or two variables share a key
         */
        public TranscribeCommand build() {
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("command '" + id + "': at least one phrase is required");
            }
            Set<String> keys = new HashSet<>();
            for (CommandVariable variable : variables) {
                if (!keys.add(variable.key())) {
                    throw new IllegalArgumentException("command '" + id + "': variable key '" + variable.key()
                            + "' is used twice");
                }
            }
            return new TranscribeCommand(this);
        }
    }
}
