package ai.corti.client.core.internal.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} value: delay-seconds or an HTTP-date (RFC 9110, section 10.2.3). */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Parses a {@code Retry-After} value.
     *
     * @param value the header value, e.g. {@code "3"} or {@code "Wed, 21 Oct 2015 07:28:00 GMT"}
     * @param clock the wall clock, to turn a date into a wait
     * @return the wait (zero for a date in the past), or empty when the value is neither form
     */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // absurdly long: treat as absent rather than wait forever
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
