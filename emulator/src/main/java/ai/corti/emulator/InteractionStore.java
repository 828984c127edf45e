package ai.corti.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The interactions, in memory, partitioned by tenant: every method takes the tenant, and nothing crosses
 * from one partition to another. Each interaction is kept as the JSON tree the API answers with
 * ({@code InteractionsGetResponse}), plus its creation sequence, which breaks ties when sorting.
 *
 * <p>One lock guards everything: operations are tiny, and it makes every read a consistent snapshot.
 * Trees never leave the store: callers get deep copies. What an interaction holds (recordings, transcripts, facts,
 * documents) lives in {@link ChildResources}, which take this store's lock too and register a {@link Cascade}, so
 * deleting an interaction deletes all of it at once, and nothing is ever added to an interaction being deleted.
 */
final class InteractionStore {

    /**
     * A stored interaction, as handed out: a copy.
     *
     * @param sequence the creation order within the emulator, from 1
     * @param json     the interaction as the API answers with it
     */
    record Stored(long sequence, ObjectNode json) {
    }

    /** What an interaction's resources do when it is deleted, or when the emulator is reset. */
    interface Cascade {
        /**
         * Forgets what an interaction holds; runs under the store's lock.
         *
         * @param tenant        the tenant
         * @param interactionId the deleted interaction
         */
        void interactionDeleted(String tenant, UUID interactionId);

        /** Forgets everything; runs under the store's lock. */
        void cleared();
    }

    private final Map<String, Map<UUID, Stored>> tenants = new HashMap<>();
    private final List<Cascade> cascades = new ArrayList<>();
    private long sequence;

    /** Registers what must go with a deleted interaction. */
    synchronized void addCascade(Cascade cascade) {
        cascades.add(cascade);
    }

    /** Adds an interaction under its id. */
    synchronized Stored create(String tenant, UUID id, JsonNode interaction) {
        Stored stored = new Stored(++sequence, (ObjectNode) interaction.deepCopy());
        tenants.computeIfAbsent(tenant, t -> new LinkedHashMap<>()).put(id, stored);
        return copy(stored);
    }

    /** One interaction of a tenant. */
    synchronized Optional<Stored> get(String tenant, UUID id) {
        return Optional.ofNullable(tenants.getOrDefault(tenant, Map.of()).get(id)).map(InteractionStore::copy);
    }

    /** Every interaction of a tenant, in creation order. */
    synchronized List<Stored> all(String tenant) {
        List<Stored> all = new ArrayList<>();
        tenants.getOrDefault(tenant, Map.of()).values().forEach(stored -> all.add(copy(stored)));
        return all;
    }

    /**
     * Replaces an interaction with what {@code change} makes of a copy of it, under the lock, so concurrent
     * updates never lose each other's changes. Answers the new version, or empty when the id is unknown.
     */
    synchronized Optional<Stored> update(String tenant, UUID id, UnaryOperator<JsonNode> change) {
        Stored stored = tenants.getOrDefault(tenant, Map.of()).get(id);
        if (stored == null) {
            return Optional.empty();
        }
        Stored updated = new Stored(stored.sequence(), (ObjectNode) change.apply(stored.json().deepCopy()));
        tenants.get(tenant).put(id, updated);
        return Optional.of(copy(updated));
    }

    /** Whether a tenant has an interaction. */
    synchronized boolean exists(String tenant, UUID id) {
        return tenants.getOrDefault(tenant, Map.of()).containsKey(id);
    }

    /**
     * Deletes an interaction and, through the cascades, everything it holds.
     *
     * @return whether it existed
     */
    synchronized boolean delete(String tenant, UUID id) {
        Map<UUID, Stored> interactions = tenants.get(tenant);
        if (interactions == null || interactions.remove(id) == null) {
            return false;
        }
        cascades.forEach(cascade -> cascade.interactionDeleted(tenant, id));
        return true;
    }

    /** The ids of a tenant's interactions, in creation order. */
    synchronized List<UUID> ids(String tenant) {
        return List.copyOf(tenants.getOrDefault(tenant, Map.of()).keySet());
    }

    /** How many interactions a tenant has. */
    synchronized int count(String tenant) {
        return tenants.getOrDefault(tenant, Map.of()).size();
    }

    /** Forgets every interaction of every tenant, and through the cascades everything they hold. */
    synchronized void clear() {
        tenants.clear();
        cascades.forEach(Cascade::cleared);
    }

    private static Stored copy(Stored stored) {
        return new Stored(stored.sequence(), stored.json().deepCopy());
    }
}
