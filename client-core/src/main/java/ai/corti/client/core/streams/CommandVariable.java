package ai.corti.client.core.streams;

import java.util.List;
import java.util.Objects;

/**
 * A variable in a voice command's phrases, written {@code {key}} in the phrase: either one of a fixed list
 * of values ({@link #oneOf}) or any words ({@link #wildcard}). The detected value arrives in
 * {@link CommandMessage#variables()}.
 *
 * @param key    the name used in the phrase and in the detected command
 * @param type   {@link Type#ENUM} or {@link Type#WILDCARD}
 * @param values the allowed values of an {@code ENUM} variable; empty for a wildcard
 */
public record CommandVariable(String key, Type type, List<String> values) {

    /** The kind of value a variable takes. */
    public enum Type {
        /** One of the listed values. */
        ENUM("enum"),
        /** Any words. */
        WILDCARD("wildcard");

        private final String wireValue;

        Type(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code enum}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    /**
     * Validates the variable.
     *
     * @param key    the name used in the phrase and in the detected command
     * @param type   {@link Type#ENUM} or {@link Type#WILDCARD}
     * @param values the allowed values of an {@code ENUM} variable; empty for a wildcard
     * @throws IllegalArgumentException when the key is blank, an enum has no values or a blank one, or a
     *                                  wildcard has values
     */
    public CommandVariable {
        SharedSettings.nonBlank("command variable key", key);
        Objects.requireNonNull(type, "type");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (type == Type.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("command variable '" + key + "': an enum variable needs at least one value");
        }
        if (type == Type.WILDCARD && !values.isEmpty()) {
            throw new IllegalArgumentException("command variable '" + key + "': a wildcard variable takes no values");
        }
        for (int i = 0; i < values.size(); i++) {
            SharedSettings.nonBlank("command variable '" + key + "' value [" + i + "]", values.get(i));
        }
    }

    /**
     * A variable that takes one of the given values.
     *
     * @param key    the name used in the phrase, e.g. {@code template}
     * @param values the values, e.g. {@code normal}, {@code abnormal}
     * @return the variable
     */
    public static CommandVariable oneOf(String key, String... values) {
        return new CommandVariable(key, Type.ENUM, List.of(values));
    }

    /**
     * A variable that takes any words.
     *
     * @param key the name used in the phrase
     * @return the variable
     */
    public static CommandVariable wildcard(String key) {
        return new CommandVariable(key, Type.WILDCARD, List.of());
    }
}
