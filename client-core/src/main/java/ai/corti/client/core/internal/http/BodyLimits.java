package ai.corti.client.core.internal.http;

/**
 * How many bytes of an answer the SDK reads into memory, counted on the decompressed bytes as they arrive. A
 * success and an error answer have different limits: a JSON answer can be large (a long transcript), an error body
 * or a token answer never needs to be. Internal to the SDK.
 *
 * @param success the most bytes of a 2xx answer
 * @param error   the most bytes of any other answer
 */
public record BodyLimits(long success, long error) {

    /**
     * Validates the limits.
     *
     * @param success the most bytes of a 2xx answer
     * @param error   the most bytes of any other answer
     */
    public BodyLimits {
        if (success < 1 || error < 1) {
            throw new IllegalArgumentException("body limits must be positive, were " + success + " and " + error);
        }
    }

    /**
     * Returns the limit for an answer with this status.
     *
     * @param status the HTTP status
     * @return the most bytes to read
     */
    public long forStatus(int status) {
        return status >= 200 && status < 300 ? success : error;
    }
}
