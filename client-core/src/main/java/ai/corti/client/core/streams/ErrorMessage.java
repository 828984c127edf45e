package ai.corti.client.core.streams;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code error} message. Its details are kept whatever the server filled in; before the configuration is
 * accepted an error fails the connect ({@link StreamServerErrorException}), afterwards it is delivered and the
 * session goes on until the server closes it.
 *
 * @param id        the error's identifier
 * @param title     a short title
 * @param status    an HTTP-like status code
 * @param details   what went wrong
 * @param doc       a link to documentation
 * @param requestId the request id, for Corti support
 */
public record ErrorMessage(Optional<String> id, Optional<String> title, OptionalInt status, Optional<String> details,
                           Optional<String> doc, Optional<String> requestId)
        implements StreamMessage, TranscribeMessage {

    @Override
    public String type() {
        return "error";
    }

    /**
     * Summarises the error in one line: status, title and details.
     *
     * @return e.g. {@code 400 Bad audio: the audio does not match audio/wav}
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        status.ifPresent(code -> text.append(code).append(' '));
        title.ifPresent(t -> text.append(t));
        details.ifPresent(d -> text.append(text.length() == 0 ? "" : ": ").append(d));
        return text.length() == 0 ? "error without details" : text.toString().trim();
    }
}
