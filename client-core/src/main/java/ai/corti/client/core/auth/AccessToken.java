package ai.corti.client.core.auth;

import ai.corti.client.core.internal.validation.HeaderValidation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it expires. {@link #toString()} never shows the value.
 *
 * @param value     the token itself: never log it
 * @param expiresAt when the token stops being accepted, or {@link Instant#MAX} when unknown
 */
public record AccessToken(String value, Instant expiresAt) {

    /**
     * Validates the token: it becomes an HTTP header, so only visible ASCII, space and tab are accepted (the
     * message never shows the value).
     *
     * @param value the token itself: never log it
     * @param expiresAt when the token stops being accepted, or {@link Instant#MAX} when unknown
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("access token must not be blank");
        }
        if (!HeaderValidation.isVisibleAscii(value)) {
            throw new IllegalArgumentException("access token may contain only visible ASCII, space and tab: it is "
                    + "sent as a header");
        }
    }

    /**
     * Creates a token that never expires as far as the SDK knows.
     *
     * @param value the token
     * @return the token
     */
    public static AccessToken nonExpiring(String value) {
        return new AccessToken(value, Instant.MAX);
    }

    /**
     * Tells whether the token expires within a margin.
     *
     * @param now    the current time
     * @param margin how early to treat it as expired
     * @return {@code true} when it should be refreshed
     */
    public boolean expiresWithin(Instant now, Duration margin) {
        return expiresAt != Instant.MAX && !now.plus(margin).isBefore(expiresAt);
    }

    /** Shows the expiry only. */
    @Override
    public String toString() {
        return "AccessToken[value=***, expiresAt=" + expiresAt + "]";
    }
}
