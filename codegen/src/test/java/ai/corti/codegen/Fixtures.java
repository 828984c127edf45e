package ai.corti.codegen;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The OpenAPI fixtures under {@code src/test/resources/fixtures/}. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * A fixture's file.
     *
     * @param name the file name, e.g. {@code small.yaml}
     * @return its path
     */
    static Path path(String name) {
        URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture fixtures/" + name + " on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
