package ai.corti.spec.normalize;

/** Small helpers shared by the tree walkers. */
final class SpecTree {

    private SpecTree() {
    }

    /** Example payloads and vendor extensions are data, not schema: walkers must not rewrite them. */
    static boolean isOpaque(String key) {
        return key.equals("example") || key.equals("examples") || key.startsWith("x-");
    }

    /** Dotted location of a child, for messages. */
    static String child(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }
}
