package ai.corti.emulator;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids and token bytes that never block. {@link UUID#randomUUID()} and a default
 * {@link SecureRandom} read the OS entropy source, a blocking file read that BlockHound rightly refuses
 * on a Reactor Netty event loop; users who run this emulator inside BlockHound-instrumented tests would
 * get 500s. Ids need uniqueness, not secrecy; tokens come from a generator seeded once, at start-up.
 */
final class Ids {

    private Ids() {
    }

    /** A version-4 UUID from {@link ThreadLocalRandom}. */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;                      // version 4
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb);
    }

    /**
     * A token generator seeded now, on the calling (non-event-loop) thread, so later draws never read the
     * OS entropy source.
     */
    static SecureRandom seededTokenRandom() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(new SecureRandom().generateSeed(32));
            return seeded;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is required by every Java platform", e);
        }
    }
}
