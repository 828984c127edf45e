package ai.corti.client.core.streams;

import java.util.List;

/**
 * A {@code facts} message of {@code /streams} (about every 60 s in facts mode); the server sends the array
 * under {@code fact}.
 *
 * @param facts the facts, at least one
 */
public record FactsMessage(List<Fact> facts) implements StreamMessage {

    /**
     * Copies the facts.
     *
     * @param facts the facts, at least one
     */
    public FactsMessage {
        facts = List.copyOf(facts);
    }

    @Override
    public String type() {
        return "facts";
    }
}
