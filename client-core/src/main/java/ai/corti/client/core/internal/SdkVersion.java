package ai.corti.client.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, read from a resource Maven fills in at build time. */
public final class SdkVersion {

    /** The version, e.g. {@code 0.1.0}, or {@code unknown} outside a Maven build. */
    public static final String VERSION = load();

    /** The default {@code User-Agent}: names the SDK, its version and the Java runtime. */
    public static final String USER_AGENT = "corti-java-sdk/" + VERSION + " (Java " + Runtime.version().feature()
            + "; " + System.getProperty("os.name", "unknown") + ")";

    private SdkVersion() {
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
