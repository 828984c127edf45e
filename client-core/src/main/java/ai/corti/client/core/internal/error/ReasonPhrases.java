package ai.corti.client.core.internal.error;

import io.netty.handler.codec.http.HttpResponseStatus;

/** The standard reason phrase of a status, for messages; the server's own phrase is not trusted (nor echoed). */
final class ReasonPhrases {

    private ReasonPhrases() {
    }

    static String of(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }
}
