package ai.corti.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues opaque bearer tokens bound to a tenant (the realm they were asked from) and judges them later.
 * Expiry is read from the injected clock, so tests move time instead of sleeping.
 */
final class TokenIssuer {

    /** How long an expired token is still recognised as "expired" rather than "unknown". */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** What a presented token turned out to be. */
    enum Status { VALID, EXPIRED, UNKNOWN }

    /**
     * A token as issued. {@code toString} leaves the token out: it is a credential.
     *
     * @param token     the token text
     * @param tenant    the realm it was issued for
     * @param expiresAt when it stops being accepted
     */
    record Issued(String token, String tenant, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[tenant=" + tenant + ", expiresAt=" + expiresAt + "]";
        }
    }

    /**
     * The verdict on a presented token.
     *
     * @param status valid, expired or unknown
     * @param tenant the tenant it was issued for, or {@code null} when unknown
     */
    record Verdict(Status status, String tenant) {
    }

    private final SecureRandom random = Ids.seededTokenRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    TokenIssuer(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Issues a token for a tenant, valid for the configured lifetime from now. */
    Issued issue(String tenant) {
        Instant now = clock.instant();
        issued.values().removeIf(old -> old.expiresAt().plus(FORGET_AFTER).isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Issued token = new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), tenant,
                now.plus(lifetime));
        issued.put(token.token(), token);
        return token;
    }

    /** Judges a presented token by the clock's current time. */
    Verdict check(String token) {
        Issued found = issued.get(token);
        if (found == null) {
            return new Verdict(Status.UNKNOWN, null);
        }
        Status status = clock.instant().isBefore(found.expiresAt()) ? Status.VALID : Status.EXPIRED;
        return new Verdict(status, found.tenant());
    }

    /** The lifetime of every token, as {@code expires_in} reports it. */
    Duration lifetime() {
        return lifetime;
    }
}
