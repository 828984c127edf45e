package ai.corti.client.core;

import ai.corti.client.core.internal.validation.TenantNames;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Corti's regions. Each has its API base URL and a per-tenant OAuth token URL. */
public enum CortiEnvironment {
    /** The EU region: {@code https://api.eu.corti.app/v2}. */
    EU("eu"),
    /** The US region: {@code https://api.us.corti.app/v2}. */
    US("us");

    private final String region;

    CortiEnvironment(String region) {
        this.region = region;
    }

    /**
     * Returns the API base URL, without a trailing slash.
     *
     * @return for example {@code https://api.eu.corti.app/v2}
     */
    public URI baseUrl() {
        return URI.create("https://api." + region + ".corti.app/v2");
    }

    /**
     * Returns the OAuth2 token URL of a tenant.
     *
     * @param tenantName the tenant, as sent in {@code Tenant-Name}
     * @return for example {@code https://auth.eu.corti.app/realms/base/protocol/openid-connect/token}
     * @throws IllegalArgumentException when the tenant name is not a valid realm name
     */
    public URI tokenUrl(String tenantName) {
        // Built from a checked, encoded segment: a tenant such as ".." must never rewrite the path.
        String realm = URLEncoder.encode(TenantNames.require(tenantName), StandardCharsets.UTF_8);
        return URI.create("https://auth." + region + ".corti.app/realms/" + realm + "/protocol/openid-connect/token");
    }
}
