package ai.corti.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One kind of resource an interaction holds (its recordings, transcripts, facts or documents), partitioned by tenant
 * and by interaction, in creation order. Every method takes the {@link InteractionStore}'s lock: adding checks that
 * the interaction exists in the same step, and deleting the interaction (a {@link InteractionStore.Cascade})
 * removes its resources in the same step, so none is ever left behind or added to a deleted interaction.
 *
 * <p>Values must be immutable (or never changed once stored): they are handed out as they are.
 *
 * @param <T> the stored value
 */
final class ChildResources<T> implements InteractionStore.Cascade {

    private final InteractionStore interactions;
    private final Consumer<T> onRemove;
    private final Map<String, Map<UUID, Map<UUID, T>>> tenants = new HashMap<>();

    /**
     * Creates the resources of one kind and registers them for the cascade.
     *
     * @param interactions the interactions, whose lock guards these too
     * @param onRemove     runs for each value removed in any way (delete, cascade, reset), e.g. to free memory
     */
    ChildResources(InteractionStore interactions, Consumer<T> onRemove) {
        this.interactions = interactions;
        this.onRemove = onRemove;
        interactions.addCascade(this);
    }

    /**
     * Adds a value to an interaction.
     *
     * @return {@code false} (and nothing is added) when the tenant has no such interaction
     */
    boolean add(String tenant, UUID interactionId, UUID id, T value) {
        synchronized (interactions) {
            if (!interactions.exists(tenant, interactionId)) {
                return false;
            }
            tenants.computeIfAbsent(tenant, t -> new HashMap<>())
                    .computeIfAbsent(interactionId, i -> new LinkedHashMap<>()).put(id, value);
            return true;
        }
    }

    /** One value of an interaction. */
    Optional<T> get(String tenant, UUID interactionId, UUID id) {
        synchronized (interactions) {
            return Optional.ofNullable(of(tenant, interactionId).get(id));
        }
    }

    /** An interaction's values, in creation order. */
    List<T> list(String tenant, UUID interactionId) {
        synchronized (interactions) {
            return List.copyOf(of(tenant, interactionId).values());
        }
    }

    /** Every value of a tenant, interaction by interaction. */
    List<T> all(String tenant) {
        synchronized (interactions) {
            List<T> all = new ArrayList<>();
            tenants.getOrDefault(tenant, Map.of()).values().forEach(values -> all.addAll(values.values()));
            return all;
        }
    }

    /**
     * Replaces a value with what {@code change} makes of it, under the lock.
     *
     * @return the new value, or empty when there is no such value
     */
    Optional<T> update(String tenant, UUID interactionId, UUID id, UnaryOperator<T> change) {
        synchronized (interactions) {
            Map<UUID, T> values = of(tenant, interactionId);
            T current = values.get(id);
            if (current == null) {
                return Optional.empty();
            }
            T updated = change.apply(current);
            values.put(id, updated);
            return Optional.of(updated);
        }
    }

    /**
     * Replaces all of an interaction's values at once, under the lock: {@code change} gets them and returns the new
     * ones (or throws, which changes nothing).
     *
     * @return the values after the change, or empty when the interaction does not exist
     */
    Optional<Map<UUID, T>> updateAll(String tenant, UUID interactionId, UnaryOperator<Map<UUID, T>> change) {
        synchronized (interactions) {
            if (!interactions.exists(tenant, interactionId)) {
                return Optional.empty();
            }
            Map<UUID, T> updated = new LinkedHashMap<>(change.apply(new LinkedHashMap<>(of(tenant, interactionId))));
            tenants.computeIfAbsent(tenant, t -> new HashMap<>()).put(interactionId, updated);
            return Optional.of(Collections.unmodifiableMap(new LinkedHashMap<>(updated)));
        }
    }

    /**
     * Removes a value.
     *
     * @return whether it existed
     */
    boolean remove(String tenant, UUID interactionId, UUID id) {
        synchronized (interactions) {
            T removed = of(tenant, interactionId).remove(id);
            if (removed != null) {
                onRemove.accept(removed);
            }
            return removed != null;
        }
    }

    @Override
    public void interactionDeleted(String tenant, UUID interactionId) {
        Map<UUID, Map<UUID, T>> byInteraction = tenants.get(tenant);
        Map<UUID, T> removed = byInteraction == null ? null : byInteraction.remove(interactionId);
        if (removed != null) {
            removed.values().forEach(onRemove);
        }
    }

    @Override
    public void cleared() {
        tenants.values().forEach(byInteraction -> byInteraction.values().forEach(values -> values.values()
                .forEach(onRemove)));
        tenants.clear();
    }

    private Map<UUID, T> of(String tenant, UUID interactionId) {
        Map<UUID, T> values = tenants.getOrDefault(tenant, Map.of()).get(interactionId);
        return values == null ? new LinkedHashMap<>() : values;
    }
}
