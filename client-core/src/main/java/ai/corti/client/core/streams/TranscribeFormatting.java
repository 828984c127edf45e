package ai.corti.client.core.streams;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@code /transcribe} writes dates, times, numbers, measurements, numeric ranges and ordinals in the
 * final text. Every setting is optional; an unset one keeps the server's default.
 *
 * <pre>{@code
 * TranscribeFormatting formatting = TranscribeFormatting.builder()
 *         .dates(TranscribeFormatting.Dates.ISO)
 *         .numbers(TranscribeFormatting.Numbers.NUMERALS)
 *         .build();
 * }</pre>
 */
public final class TranscribeFormatting {

    /** How dates are written. */
    public enum Dates {
        /** The locale's long form. */
        LOCALE_LONG("locale:long"),
        /** The locale's medium form. */
        LOCALE_MEDIUM("locale:medium"),
        /** The locale's short form. */
        LOCALE_SHORT("locale:short"),
        /** As spoken. */
        AS_DICTATED("as_dictated"),
        /** ISO 8601. */
        ISO("iso");

        private final String wireValue;

        Dates(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code locale:long}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    /** How times are written. */
    public enum Times {
        /** The locale's form. */
        LOCALE("locale"),
        /** 24-hour clock. */
        H24("h24"),
        /** 12-hour clock. */
        H12("h12"),
        /** As spoken. */
        AS_DICTATED("as_dictated");

        private final String wireValue;

        Times(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code h24}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    /** How numbers are written. */
    public enum Numbers {
        /** Numerals from 10 up, words below. */
        NUMERALS_ABOVE_NINE("numerals_above_nine"),
        /** Always numerals. */
        NUMERALS("numerals"),
        /** As spoken. */
        AS_DICTATED("as_dictated");

        private final String wireValue;

        Numbers(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code numerals}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    /** How measurements are written. */
    public enum Measurements {
        /** Abbreviated units ({@code mg}). */
        ABBREVIATED("abbreviated"),
        /** As spoken. */
        AS_DICTATED("as_dictated");

        private final String wireValue;

        Measurements(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code abbreviated}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    /** How numeric ranges are written. */
    public enum NumericRanges {
        /** As numerals ({@code 3-5}). */
        NUMERALS("numerals"),
        /** As spoken. */
        AS_DICTATED("as_dictated");

        private final String wireValue;

        NumericRanges(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code numerals}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    /** How ordinals are written. */
    public enum Ordinals {
        /** Numerals from 10th up, words below. */
        NUMERALS_ABOVE_NINE("numerals_above_nine"),
        /** Always numerals ({@code 3rd}). */
        NUMERALS("numerals"),
        /** As spoken. */
        AS_DICTATED("as_dictated");

        private final String wireValue;

        Ordinals(String wireValue) {
            this.wireValue = wireValue;
        }

        /**
         * Returns the value sent on the wire.
         *
         * @return e.g. {@code numerals}
         */
        public String wireValue() {
            return wireValue;
        }
    }

    private final Dates dates;
    private final Times times;
    private final Numbers numbers;
    private final Measurements measurements;
    private final NumericRanges numericRanges;
    private final Ordinals ordinals;

    private TranscribeFormatting(Builder builder) {
        this.dates = builder.dates;
        this.times = builder.times;
        this.numbers = builder.numbers;
        this.measurements = builder.measurements;
        this.numericRanges = builder.numericRanges;
        this.ordinals = builder.ordinals;
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
     * Returns the date format, when set.
     *
     * @return the format
     */
    public Optional<Dates> dates() {
        return Optional.ofNullable(dates);
    }

    /**
     * Returns the time format, when set.
     *
     * @return the format
     */
    public Optional<Times> times() {
        return Optional.ofNullable(times);
    }

    /**
     * Returns the number format, when set.
     *
     * @return the format
     */
    public Optional<Numbers> numbers() {
        return Optional.ofNullable(numbers);
    }

    /**
     * Returns the measurement format, when set.
     *
     * @return the format
     */
    public Optional<Measurements> measurements() {
        return Optional.ofNullable(measurements);
    }

    /**
     * Returns the numeric range format, when set.
     *
     * @return the format
     */
    public Optional<NumericRanges> numericRanges() {
        return Optional.ofNullable(numericRanges);
    }

    /**
     * Returns the ordinal format, when set.
     *
     * @return the format
     */
    public Optional<Ordinals> ordinals() {
        return Optional.ofNullable(ordinals);
    }

    @Override
    public String toString() {
        return "TranscribeFormatting[dates=" + dates + ", times=" + times + ", numbers=" + numbers + ", measurements="
                + measurements + ", numericRanges=" + numericRanges + ", ordinals=" + ordinals + "]";
    }

    /** Builds a {@link TranscribeFormatting}. */
    public static final class Builder {

        private Dates dates;
        private Times times;
        private Numbers numbers;
        private Measurements measurements;
        private NumericRanges numericRanges;
        private Ordinals ordinals;

        private Builder() {
        }

        /**
         * Sets the date format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder dates(Dates format) {
            this.dates = Objects.requireNonNull(format, "dates");
            return this;
        }

        /**
         * Sets the time format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder times(Times format) {
            this.times = Objects.requireNonNull(format, "times");
            return this;
        }

        /**
         * Sets the number format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder numbers(Numbers format) {
            this.numbers = Objects.requireNonNull(format, "numbers");
            return this;
        }

        /**
         * Sets the measurement format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder measurements(Measurements format) {
            this.measurements = Objects.requireNonNull(format, "measurements");
            return this;
        }

        /**
         * Sets the numeric range format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder numericRanges(NumericRanges format) {
            this.numericRanges = Objects.requireNonNull(format, "numericRanges");
            return this;
        }

        /**
         * Sets the ordinal format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder ordinals(Ordinals format) {
            this.ordinals = Objects.requireNonNull(format, "ordinals");
            return this;
        }

        /**
         * Builds the formatting.
         *
         * @return the formatting
         */
        public TranscribeFormatting build() {
            return new TranscribeFormatting(this);
        }
    }
}
