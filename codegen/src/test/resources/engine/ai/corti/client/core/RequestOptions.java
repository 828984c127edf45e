package ai.corti.client.core;

/** Stub: per-call options; only the default is named by generated code. */
public final class RequestOptions {

    public static final RequestOptions DEFAULT = new RequestOptions();

    private RequestOptions() {
    }
}
