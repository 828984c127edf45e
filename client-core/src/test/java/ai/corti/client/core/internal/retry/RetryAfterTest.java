package ai.corti.client.core.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} in both of its RFC 9110 forms, judged against a fixed clock. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    @Test
    void delaySecondsAreReadAsSeconds() {
        assertThat(RetryAfter.parse("3", CLOCK)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(" 120 ", CLOCK)).contains(Duration.ofSeconds(120));
    }

    @Test
    void anHttpDateBecomesTheWaitUntilThatInstant() {
        String inFiveSeconds = httpDate(NOW.plusSeconds(5));
        assertThat(inFiveSeconds).isEqualTo("Sun, 1 Jun 2025 12:00:05 GMT");

        assertThat(RetryAfter.parse(inFiveSeconds, CLOCK)).contains(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:01:00 GMT", CLOCK)).contains(Duration.ofMinutes(1));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertThat(RetryAfter.parse(httpDate(NOW.minusSeconds(30)), CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "soon", "-1", "1.5", "3s", "+3", "2025-06-01T12:00:05Z",
            "99999999999999999999999"})
    void anythingElseIsTreatedAsAbsent(String value) {
        assertThat(RetryAfter.parse(value, CLOCK)).isEmpty();
    }
}
