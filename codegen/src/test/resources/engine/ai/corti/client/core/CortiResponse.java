package ai.corti.client.core;

import ai.corti.client.core.http.ResponseHeaders;

/** Stub: the real record's shape. */
public record CortiResponse<T>(int statusCode, ResponseHeaders headers, T value) {
}
