package ai.corti.client.core.internal.validation;

/**
 * Checks a tenant name before it is used anywhere: it becomes the {@code Tenant-Name} header and a path segment
 * of the token URL ({@code /realms/<tenant>/...}), so a name such as {@code ..} or {@code a/b} would rewrite that
 * URL. Corti's tenant names are Keycloak realm names; the SDK accepts letters, digits, {@code -}, {@code _} and
 * {@code .} (not as the whole name), at most 255 characters. Internal to the SDK.
 */
public final class TenantNames {

    private static final int MAX_LENGTH = 255;

    private TenantNames() {
    }

    /**
     * Checks a tenant name.
     *
     * @param tenantName the name
     * @return the name
     * @throws IllegalArgumentException naming the rule it breaks (the name is shown only when it is printable)
     */
    public static String require(String tenantName) {
        if (tenantName == null || tenantName.isBlank()) {
            throw new IllegalArgumentException("tenantName must not be blank");
        }
        if (tenantName.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("tenantName must be at most " + MAX_LENGTH + " characters");
        }
        if (tenantName.chars().allMatch(c -> c == '.')) {
            throw new IllegalArgumentException("tenantName must not be '.' or '..' (it is a path segment of the "
                    + "token URL)");
        }
        for (int i = 0; i < tenantName.length(); i++) {
            char c = tenantName.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!allowed) {
                throw new IllegalArgumentException("tenantName may contain only letters, digits, '-', '_' and '.'"
                        + " (found " + describe(c) + " at index " + i + ")");
            }
        }
        return tenantName;
    }

    private static String describe(char c) {
        return c > 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
