package ai.corti.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Where the normalised Corti OpenAPI document lives on the classpath.
 *
 * <p>The document packaged in this module is assembled at build time from every published Corti text
 * and normalised (see the module's README): it is what the model generator read and what tests, mock
 * servers and tools should load.
 *
 * <pre>{@code
 * URL spec = CortiSpec.url();   // e.g. MockServer's openAPI(spec.toString())
 * }</pre>
 */
public final class CortiSpec {

    /** Classpath location of the normalised OpenAPI document. */
    public static final String RESOURCE = "openapi/corti.yaml";

    private CortiSpec() {
    }

    /**
     * Returns the URL of the normalised document.
     *
     * @return the document's URL, never {@code null}
     * @throws IllegalStateException if the resource is missing, which means the spec jar was not built by Maven
     */
    public static URL url() {
        URL url = CortiSpec.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("Classpath resource " + RESOURCE
                    + " is missing: build the corti-spec module with Maven so the normaliser writes it");
        }
        return url;
    }

    /**
     * Opens the normalised document for reading; the caller closes the stream.
     *
     * @return a new stream over the YAML document
     */
    public static InputStream open() {
        try {
            return url().openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
