package ai.corti.client.core.http;

/** Stub: response headers. */
public interface ResponseHeaders {
}
