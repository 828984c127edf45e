package ai.corti.client.core.http;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP response, fully read: the body is copied out of Netty's buffers before this exists, so
 * nothing downstream can leak a buffer. Internal to the SDK.
 *
 * @param statusCode the HTTP status
 * @param headers    the response headers
 * @param body       the body bytes, empty when there was none
 */
public record HttpResponseData(int statusCode, ResponseHeaders headers, byte[] body) {

    /** The longest body excerpt put in an exception message. */
    public static final int EXCERPT_LIMIT = 300;

    /**
     * Tells whether the status is 2xx.
     *
     * @return {@code true} for 200-299
     */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /**
     * Returns the body as UTF-8 text, cut at {@code limit} characters.
     *
     * @param limit the longest text returned
     * @return the text, with a marker when it was cut
     */
    public String bodyText(int limit) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= limit ? text : text.substring(0, limit) + "...[" + (text.length() - limit) + " more chars]";
    }

    /**
     * Returns a one-line excerpt of the body for messages: whitespace collapsed, bounded.
     *
     * @return the excerpt, empty when there is no body
     */
    public String excerpt() {
        String text = bodyText(EXCERPT_LIMIT * 4).replaceAll("\\s+", " ").trim();
        return text.length() <= EXCERPT_LIMIT ? text : text.substring(0, EXCERPT_LIMIT) + "...";
    }
}
