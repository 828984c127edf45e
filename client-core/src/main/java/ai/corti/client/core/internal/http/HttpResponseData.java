package ai.corti.client.core.internal.http;

import ai.corti.client.core.http.ResponseHeaders;

/**
 * One HTTP response, fully read (within the body limit): the body is copied out of Netty's buffers before this
 * exists, so nothing downstream can leak a buffer. Internal to the SDK.
 *
 * @param statusCode the HTTP status
 * @param headers    the response headers
 * @param content    the body, empty when there was none
 */
public record HttpResponseData(int statusCode, ResponseHeaders headers, BodyBytes content) {

    /**
     * A response whose body is one array.
     *
     * @param statusCode the HTTP status
     * @param headers    the response headers
     * @param body       the body bytes
     */
    public HttpResponseData(int statusCode, ResponseHeaders headers, byte[] body) {
        this(statusCode, headers, BodyBytes.of(body));
    }

    /**
     * Returns the body as one array: for bodies bounded small (error and token answers); large answers are read
     * through {@link #content()}.
     *
     * @return the body bytes, empty when there was none
     */
    public byte[] body() {
        return content.toArray();
    }

    /**
     * Tells whether the status is 2xx.
     *
     * @return {@code true} for 200-299
     */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** Shows the status and size only: the body may carry patient data or an echoed credential. */
    @Override
    public String toString() {
        return "HttpResponseData[" + statusCode + ", " + content.length() + " bytes]";
    }
}
