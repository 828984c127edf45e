package ai.corti.client.core.streams;

import java.time.Instant;
import java.util.Optional;

/**
 * A clinical fact of a {@code /streams} session in facts mode.
 *
 * @param id        the fact's id
 * @param text      the fact
 * @param group     its group, e.g. {@code medical-history}
 * @param groupId   the group's id
 * @param discarded whether the fact was discarded
 * @param source    where it came from, e.g. {@code core} for generated
 * @param createdAt when it was created
 * @param updatedAt when it was last updated, if ever
 */
public record Fact(String id, String text, String group, String groupId, boolean discarded, String source,
                   Instant createdAt, Optional<Instant> updatedAt) {
}
