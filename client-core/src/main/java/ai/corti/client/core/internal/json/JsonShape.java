package ai.corti.client.core.internal.json;

import ai.corti.client.core.internal.http.BodyBytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A cheap scan of a JSON body before it is parsed, for Jackson versions that do not bound it themselves. Jackson
 * 2.15 and newer refuse nesting deeper than 1,000 and numbers longer than 1,000 digits; 2.13 and 2.14 (which the SDK
 * supports) parse them, so a hostile answer nested a million deep would overflow the parser's stack and a
 * million-digit number would cost seconds of CPU. The scan is skipped where Jackson does the job. Internal to the SDK.
 */
public final class JsonShape {

    /** The deepest nesting accepted: far more than any Corti answer, far less than a stack can take. */
    public static final int MAX_DEPTH = 500;
    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** Whether Jackson bounds nesting and numbers itself (2.15 and newer). */
    static final boolean JACKSON_BOUNDS_INPUT = hasReadConstraints();

    private JsonShape() {
    }

    private static boolean hasReadConstraints() {
        try {
            Class.forName("com.fasterxml.jackson.core.StreamReadConstraints", false,
                    JsonShape.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Refuses a body nested too deep or with too long a number, unless Jackson bounds them itself.
     *
     * @param body the body
     * @throws TooComplex naming what is wrong (never quoting the body)
     */
    public static void check(BodyBytes body) throws IOException {
        if (!JACKSON_BOUNDS_INPUT) {
            scan(body.stream());
        }
    }

    /**
     * Refuses a text nested too deep or with too long a number, unless Jackson bounds them itself.
     *
     * @param text the JSON text
     * @throws TooComplex naming what is wrong (never quoting the text)
     */
    public static void check(String text) throws IOException {
        if (!JACKSON_BOUNDS_INPUT) {
            scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * The scan itself, whatever Jackson does (for tests).
     *
     * @param body the body, read once
     * @throws IOException from the stream, or {@link TooComplex}
     */
    static void scan(InputStream body) throws IOException {
        int depth = 0;
        int number = 0;
        boolean inString = false;
        boolean escaped = false;
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                    continue;
                }
                boolean numeric = (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
                number = numeric ? number + 1 : 0;
                if (number > MAX_NUMBER_LENGTH) {
                    throw new TooComplex("a number longer than " + MAX_NUMBER_LENGTH + " characters");
                }
                if (b == '"') {
                    inString = true;
                } else if (b == '[' || b == '{') {
                    if (++depth > MAX_DEPTH) {
                        throw new TooComplex("nesting deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (b == ']' || b == '}') {
                    depth--;
                }
            }
        }
    }

    /** A body refused by the scan; its message names the problem only. */
    public static final class TooComplex extends IOException {
        private static final long serialVersionUID = 1L;

        TooComplex(String problem) {
            super("JSON with " + problem);
        }
    }
}
