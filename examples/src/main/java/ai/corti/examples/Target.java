package ai.corti.examples;

import ai.corti.client.core.CortiEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the walkthrough runs: the real Corti API when all four {@code CORTI_*} variables are set, else the
 * in-process emulator. Half a configuration is an error, not a silent fallback to the emulator.
 *
 * @param tenant       {@code CORTI_TENANT}
 * @param environment  {@code CORTI_ENVIRONMENT}: {@code eu} or {@code us}
 * @param clientId     {@code CORTI_CLIENT_ID}
 * @param clientSecret {@code CORTI_CLIENT_SECRET}; never printed
 */
record Target(String tenant, CortiEnvironment environment, String clientId, String clientSecret) {

    static final List<String> VARIABLES = List.of("CORTI_TENANT", "CORTI_ENVIRONMENT", "CORTI_CLIENT_ID",
            "CORTI_CLIENT_SECRET");

    /**
     * Reads the real API's settings from the environment.
     *
     * @param env the environment variables
     * @return the settings, or empty when none of the variables is set
     * @throws IllegalArgumentException when only some are set, or the environment is neither eu nor us
     */
    static Optional<Target> realApi(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : VARIABLES) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (missing.size() == VARIABLES.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("To run against the real API set all of " + VARIABLES + "; missing: "
                    + missing + ". Unset them all to run against the emulator.");
        }
        CortiEnvironment environment = switch (env.get("CORTI_ENVIRONMENT").trim().toLowerCase(Locale.ROOT)) {
            case "eu" -> CortiEnvironment.EU;
            case "us" -> CortiEnvironment.US;
            default -> throw new IllegalArgumentException("CORTI_ENVIRONMENT must be eu or us, was '"
                    + env.get("CORTI_ENVIRONMENT") + "'");
        };
        return Optional.of(new Target(env.get("CORTI_TENANT").trim(), environment, env.get("CORTI_CLIENT_ID").trim(),
                env.get("CORTI_CLIENT_SECRET")));
    }

    @Override
    public String toString() {
        return "Target[tenant=" + tenant + ", environment=" + environment + ", clientId=" + clientId + "]";
    }
}
