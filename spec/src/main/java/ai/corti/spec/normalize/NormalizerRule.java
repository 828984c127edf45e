package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One rewrite the normaliser applies; each rule is listed, with its reason, in the module's README. */
interface NormalizerRule {

    /**
     * Applies the rule to the document in place.
     *
     * @param root    the whole document (rules that resolve {@code $ref}s need it)
     * @param changes where to add one line per change, each starting with its location
     */
    void apply(ObjectNode root, List<String> changes);
}
