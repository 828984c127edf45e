package ai.corti.client.core.internal.error;

import ai.corti.client.core.internal.http.BodyBytes;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from any text the SDK puts into a message: a body excerpt, a server's error detail, a
 * parser's complaint. Servers and gateways echo what they were sent, in whatever encoding they like, so every form
 * in which a known secret can appear is removed (raw, URL-encoded, JSON-escaped, HTML-escaped, Base64, and Base64
 * of {@code id:secret} as in a Basic header), and then anything shaped like a credential whether known or not
 * ({@code Authorization: ...}, {@code Bearer ...}, {@code "access_token": ...}). Thread-safe. Internal to the SDK.
 */
public final class Redactor {

    /** What replaces a credential. */
    public static final String MASK = "***";

    /** How much of a large body an excerpt is taken from: plenty for a message, bounded whatever the body. */
    public static final int EXCERPT_SOURCE_BYTES = 64 * 1024;

    /** The most tokens remembered: the current one and a few before it, which a slow answer may still echo. */
    private static final int REMEMBERED_TOKENS = 8;

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("(?i)(proxy-authorization|authorization)(\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)[^\\r\\n\"',;}<]+"),
            Pattern.compile("(?i)\\b(bearer|basic|dpop|mac)(\\s+|%20|\\+)[A-Za-z0-9\\-._~+/=%]{4,}"),
            Pattern.compile("(?i)(access_token|refresh_token|id_token|client_secret|[?&]token)"
                    + "(\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)[^\"'&\\s,;}<\\\\]+"));

    private final Set<String> fixedForms = new LinkedHashSet<>();
    private final Deque<List<String>> tokenForms = new ArrayDeque<>();
    /** The token most recently added, whose forms are known: the fast path of {@link #addToken(String)}. */
    private volatile String lastToken;
    private volatile String[] forms = new String[0];
    private volatile int longestForm;
    /** Forms too short to remove wherever they occur (a one-letter token would mangle every message). */
    private volatile Pattern[] shortForms = new Pattern[0];

    /** A known secret shorter than this is removed only where it stands as a word of its own. */
    static final int SHORT = 8;

    /** Creates a redactor that knows no secret yet (it still removes credential-shaped text). */
    public Redactor() {
    }

    /**
     * Remembers a secret for the life of the client (a client secret, a static bearer token).
     *
     * @param secret the secret
     * @return this redactor
     */
    public synchronized Redactor addSecret(String secret) {
        fixedForms.addAll(formsOf(secret));
        rebuild();
        return this;
    }

    /**
     * Remembers the Basic-auth form of a client id and secret.
     *
     * @param clientId the client id
     * @param secret   the client secret
     * @return this redactor
     */
    public synchronized Redactor addBasicCredentials(String clientId, String secret) {
        fixedForms.addAll(base64Forms(clientId + ":" + secret));
        fixedForms.addAll(base64Forms(URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)));
        rebuild();
        return this;
    }

    /**
     * Remembers an access token; only the last few are kept, so memory stays bounded over a long life.
     *
     * @param token the token
     */
    public void addToken(String token) {
        // Every call hands its token here, almost always the one before: answered without the lock or the work of
        // computing its encoded forms, which the benchmarks showed on the per-call path.
        if (token.equals(lastToken)) {
            return;
        }
        synchronized (this) {
            List<String> added = formsOf(token);
            if (tokenForms.stream().noneMatch(f -> f.equals(added))) {
                tokenForms.addLast(added);
                while (tokenForms.size() > REMEMBERED_TOKENS) {
                    tokenForms.removeFirst();
                }
                rebuild();
            }
            lastToken = token;
        }
    }

    /**
     * Removes every known secret and every credential-shaped value from a text.
     *
     * @param text any text, or {@code null}
     * @return the text with credentials replaced by {@value #MASK}; {@code null} for {@code null}
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String form : forms) {
            if (out.contains(form)) {
                out = out.replace(form, MASK);
            }
        }
        for (Pattern form : shortForms) {
            out = form.matcher(out).replaceAll(MASK);
        }
        for (Pattern shape : SHAPES) {
            out = shape.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        }
        return out;
    }

    /**
     * Returns a one-line excerpt of a body for a message: redacted as a whole first (a secret straddling the cut
     * would otherwise leave its start behind), then whitespace collapsed and cut.
     *
     * @param body  the body
     * @param limit the longest excerpt
     * @return the excerpt, empty for an empty body
     */
    public String excerpt(byte[] body, int limit) {
        if (body.length == 0) {
            return "";
        }
        String text = redact(new String(body, StandardCharsets.UTF_8)).replaceAll("\\s+", " ").trim();
        return text.length() <= limit ? text : text.substring(0, limit) + "...";
    }

    /**
     * Returns a one-line excerpt of a body that may be large: read from its first {@value #EXCERPT_SOURCE_BYTES}
     * bytes only. Where the body is cut there, the cut may split a secret, whose start no form would then match;
     * so a tail longer than the longest form of any known secret is dropped before redacting.
     *
     * @param body  the body
     * @param limit the longest excerpt
     * @return the excerpt, empty for an empty body
     */
    public String excerpt(BodyBytes body, int limit) {
        if (body.length() <= EXCERPT_SOURCE_BYTES) {
            return excerpt(body.toArray(), limit);
        }
        String text = new String(body.prefix(EXCERPT_SOURCE_BYTES), StandardCharsets.UTF_8);
        text = text.substring(0, Math.max(0, text.length() - longestForm - 1));
        text = redact(text).replaceAll("\\s+", " ").trim();
        return (text.length() <= limit ? text : text.substring(0, limit)) + "...";
    }

    private void rebuild() {
        Set<String> all = new LinkedHashSet<>(fixedForms);
        tokenForms.forEach(all::addAll);
        List<String> sorted = new ArrayList<>(all);
        sorted.removeIf(String::isEmpty);
        // Longest first: a form that contains another must go before the shorter one mangles it.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        forms = sorted.stream().filter(f -> f.length() >= SHORT).toArray(String[]::new);
        longestForm = sorted.isEmpty() ? 0 : sorted.get(0).length();
        shortForms = sorted.stream().filter(f -> f.length() < SHORT)
                .map(f -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(f) + "(?![A-Za-z0-9])"))
                .toArray(Pattern[]::new);
    }

    /** Every encoding in which a server, a proxy or a parser may repeat a value. */
    static List<String> formsOf(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        forms.add(url);
        forms.add(url.replace("+", "%20"));
        forms.add(lowerHex(url));
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(secret));
        forms.add(json);
        forms.add(json.replace("/", "\\/"));
        String ascii = asciiJson(secret);
        forms.add(ascii);
        forms.add(upperHexEscapes(ascii));
        forms.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;"));
        forms.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#x27;"));
        forms.addAll(base64Forms(secret));
        return List.copyOf(forms);
    }

    private static List<String> base64Forms(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String standard = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().encodeToString(bytes);
        return List.of(standard, stripPadding(standard), url, stripPadding(url));
    }

    private static String stripPadding(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }

    private static String lowerHex(String urlEncoded) {
        StringBuilder out = new StringBuilder(urlEncoded.length());
        for (int i = 0; i < urlEncoded.length(); i++) {
            char c = urlEncoded.charAt(i);
            if (c == '%' && i + 2 < urlEncoded.length()) {
                out.append('%').append(Character.toLowerCase(urlEncoded.charAt(i + 1)))
                        .append(Character.toLowerCase(urlEncoded.charAt(i + 2)));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** JSON with everything outside printable ASCII, and {@code /}, written as {@code \}{@code uXXXX}. */
    private static String asciiJson(String secret) {
        StringBuilder out = new StringBuilder(secret.length() + 8);
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String upperHexEscapes(String json) {
        return Pattern.compile("\\\\u([0-9a-f]{4})").matcher(json)
                .replaceAll(m -> Matcher.quoteReplacement("\\u" + m.group(1).toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "Redactor[" + forms.length + " forms]";
    }
}
