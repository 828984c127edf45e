package ai.corti.client.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Checks that no form of a secret appears anywhere in an exception: messages, toString, causes, suppressed. */
public final class Secrets {

    private Secrets() {
    }

    /** The encodings a server may echo a secret in. */
    public static List<String> formsOf(String secret) {
        List<String> forms = new ArrayList<>();
        forms.add(secret);
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        forms.add(secret.replace("\\", "\\\\").replace("\"", "\\\""));
        forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    /** Every text an exception exposes: message, toString, and the same of every cause and suppressed one. */
    public static List<String> texts(Throwable error) {
        List<String> texts = new ArrayList<>();
        collect(error, texts, new IdentityHashMap<>());
        return texts;
    }

    private static void collect(Throwable error, List<String> texts, Map<Throwable, Boolean> seen) {
        if (error == null || seen.put(error, true) != null) {
            return;
        }
        texts.add(String.valueOf(error.getMessage()));
        texts.add(error.toString());
        if (error instanceof ai.corti.client.core.error.CortiApiException api) {
            texts.add(api.rawBody());
            api.errorResponse().ifPresent(problem -> texts.add(problem.toString()));
        }
        if (error instanceof ai.corti.client.core.error.CortiDecodingException decoding) {
            texts.add(decoding.bodyExcerpt());
        }
        collect(error.getCause(), texts, seen);
        for (Throwable suppressed : error.getSuppressed()) {
            collect(suppressed, texts, seen);
        }
    }

    /** Asserts no form of any of the secrets appears in anything the exception exposes. */
    public static void assertNoneIn(Throwable error, String... secrets) {
        List<String> texts = texts(error);
        for (String secret : secrets) {
            for (String form : formsOf(secret)) {
                for (String text : texts) {
                    assertThat(text).as("exception text must not contain a form of a secret").doesNotContain(form);
                }
            }
        }
    }
}
