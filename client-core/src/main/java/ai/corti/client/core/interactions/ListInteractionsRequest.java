package ai.corti.client.core.interactions;

import ai.corti.client.model.CommonSortingDirectionEnum;
import ai.corti.client.model.InteractionsEncounterStatusEnum;
import ai.corti.client.model.InteractionsListSortEnum;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Filters, sort and paging of an interactions listing. Immutable; unset parameters are not sent, so
 * the server's defaults apply (sort {@code createdAt}, direction {@code desc}, page size 10, index 1).
 *
 * <pre>{@code
 * ListInteractionsRequest request = ListInteractionsRequest.builder()
 *     .sort(InteractionsListSortEnum.UPDATED_AT)
 *     .direction(CommonSortingDirectionEnum.ASC)
 *     .encounterStatus(InteractionsEncounterStatusEnum.PLANNED, InteractionsEncounterStatusEnum.IN_PROGRESS)
 *     .pageSize(50)
 *     .build();
 * }</pre>
 *
 * <p>The sort values are {@link InteractionsListSortEnum}, generated from the spec at build time.
 */
public final class ListInteractionsRequest {

    /** The server's page size when none is requested. */
    public static final long DEFAULT_PAGE_SIZE = 10;

    private static final ListInteractionsRequest ALL = builder().build();

    private final InteractionsListSortEnum sort;
    private final CommonSortingDirectionEnum direction;
    private final Long pageSize;
    private final Long index;
    private final List<InteractionsEncounterStatusEnum> encounterStatus;
    private final String patient;

    private ListInteractionsRequest(Builder builder) {
        this.sort = builder.sort;
        this.direction = builder.direction;
        this.pageSize = builder.pageSize;
        this.index = builder.index;
        this.encounterStatus = List.copyOf(builder.encounterStatus);
        this.patient = builder.patient;
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
     * Returns a request with no parameters: every interaction, server defaults.
     *
     * @return the empty request
     */
    public static ListInteractionsRequest all() {
        return ALL;
    }

    /**
     * Returns the sort field.
     *
     * @return the field, or empty for the server's default
     */
    public Optional<InteractionsListSortEnum> sort() {
        return Optional.ofNullable(sort);
    }

    /**
     * Returns the sort direction.
     *
     * @return the direction, or empty for the server's default
     */
    public Optional<CommonSortingDirectionEnum> direction() {
        return Optional.ofNullable(direction);
    }

    /**
     * Returns the page size.
     *
     * @return the size, or empty for the server's default
     */
    public OptionalLong pageSize() {
        return pageSize == null ? OptionalLong.empty() : OptionalLong.of(pageSize);
    }

    /**
     * Returns the first page to fetch.
     *
     * @return the index, or empty for 1
     */
    public OptionalLong index() {
        return index == null ? OptionalLong.empty() : OptionalLong.of(index);
    }

    /**
     * Returns the statuses filtered on.
     *
     * @return the statuses, possibly empty
     */
    public List<InteractionsEncounterStatusEnum> encounterStatus() {
        return encounterStatus;
    }

    /**
     * Returns the patient filtered on.
     *
     * @return the patient identifier, or empty
     */
    public Optional<String> patient() {
        return Optional.ofNullable(patient);
    }

    /**
     * Builds the query parameters of one page, in a stable order; repeated statuses become repeated keys.
     *
     * @param pageIndex the page to ask for
     * @return the parameters to send
     */
    public List<Map.Entry<String, String>> toQuery(long pageIndex) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        sort().ifPresent(s -> query.add(entry("sort", s.getValue())));
        direction().ifPresent(d -> query.add(entry("direction", d.getValue())));
        pageSize().ifPresent(size -> query.add(entry("pageSize", Long.toString(size))));
        if (index != null || pageIndex != 1) {
            query.add(entry("index", Long.toString(pageIndex)));
        }
        encounterStatus.forEach(status -> query.add(entry("encounterStatus", status.getValue())));
        patient().ifPresent(p -> query.add(entry("patient", p)));
        return query;
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    @Override
    public String toString() {
        return "ListInteractionsRequest[sort=" + sort + ", direction=" + direction + ", pageSize=" + pageSize
                + ", index=" + index + ", encounterStatus=" + encounterStatus + ", patient=" + (patient == null ? null : "***")
                + "]";
    }

    /** Builds a {@link ListInteractionsRequest}; each setter validates at once, naming the parameter. */
    public static final class Builder {

        private InteractionsListSortEnum sort;
        private CommonSortingDirectionEnum direction;
        private Long pageSize;
        private Long index;
        private final List<InteractionsEncounterStatusEnum> encounterStatus = new ArrayList<>();
        private String patient;

        private Builder() {
        }

        /**
         * Sorts by a field.
         *
         * @param sort the field
         * @return this builder
         */
        public Builder sort(InteractionsListSortEnum sort) {
            this.sort = known(sort, InteractionsListSortEnum.UNKNOWN_DEFAULT_OPEN_API, "sort");
            return this;
        }

        /**
         * Sets the sort direction.
         *
         * @param direction ascending or descending
         * @return this builder
         */
        public Builder direction(CommonSortingDirectionEnum direction) {
            this.direction = known(direction, CommonSortingDirectionEnum.UNKNOWN_DEFAULT_OPEN_API, "direction");
            return this;
        }

        /**
         * Sets the page size.
         *
         * @param pageSize items per page, &gt; 0
         * @return this builder
         */
        public Builder pageSize(long pageSize) {
            if (pageSize <= 0) {
                throw new IllegalArgumentException("pageSize must be greater than 0, was " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Sets the first page to fetch.
         *
         * @param index the page number, &gt; 0
         * @return this builder
         */
        public Builder index(long index) {
            if (index <= 0) {
                throw new IllegalArgumentException("index must be greater than 0, was " + index);
            }
            this.index = index;
            return this;
        }

        /**
         * Adds statuses to filter on (any of them matches); sent as repeated {@code encounterStatus} keys.
         *
         * @param statuses one or more statuses
         * @return this builder
         */
        public Builder encounterStatus(InteractionsEncounterStatusEnum... statuses) {
            for (InteractionsEncounterStatusEnum status : statuses) {
                encounterStatus.add(known(status, InteractionsEncounterStatusEnum.UNKNOWN_DEFAULT_OPEN_API, "encounterStatus"));
            }
            return this;
        }

        /**
         * Filters on a patient.
         *
         * @param patient the patient identifier
         * @return this builder
         */
        public Builder patient(String patient) {
            if (patient == null || patient.isBlank()) {
                throw new IllegalArgumentException("patient must not be blank");
            }
            this.patient = patient;
            return this;
        }

        /**
         * Freezes the request.
         *
         * @return the request
         */
        public ListInteractionsRequest build() {
            return new ListInteractionsRequest(this);
        }

        private static <E> E known(E value, E unknown, String name) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value == unknown) {
                throw new IllegalArgumentException(name + " must be one of the spec's values, not " + value);
            }
            return value;
        }
    }
}
