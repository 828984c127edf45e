package ai.corti.spec.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the quirks of Corti's published OpenAPI texts into plain OpenAPI 3.0 that code generators and
 * validators read as intended. The published text is never edited by hand: a newer published document with
 * the same quirks goes through the same rules.
 *
 * <p>The rules, in the order they run (each is described, with its reason, in the module's README and on
 * its class):
 * <ol>
 *   <li>{@link QueryEnumRule}: inline enums of query parameters become named components;</li>
 *   <li>{@link RefSiblingsRule}: siblings of {@code $ref} are dropped; {@code nullable} becomes
 *       {@code anyOf [$ref, null]};</li>
 *   <li>{@link ItemsOnNonArrayRule}: {@code items} is removed from schemas that are not arrays;</li>
 *   <li>{@link DiscriminatorMappingRule}: mapping values written as objects become reference strings;</li>
 *   <li>{@link MultilineDefaultRule}: multi-line string defaults move to {@code x-corti-default};</li>
 *   <li>{@link BinaryResponseRule}: binary bodies under a non-JSON media type become
 *       {@code application/octet-stream};</li>
 *   <li>{@link PathParameterRule}: a path parameter declared as a plain string takes the precise schema other
 *       operations give the same parameter at the same place ({@code {id}} of {@code /interactions/{id}});</li>
 *   <li>{@link ProseConstraintRule}: "Must be greater than 0" and "Default is N" in an integer query parameter's
 *       description become {@code minimum: 1} and {@code default: N};</li>
 *   <li>{@link AsyncAnswerRule}: an operation with an {@code async} flag in its request also answers 202;</li>
 *   <li>{@link TagRule}: one PascalCase tag per operation, the published one kept aside.</li>
 * </ol>
 * Example payloads ({@code example}, {@code examples}) and vendor extensions ({@code x-*}) are never
 * rewritten.
 */
public final class SpecNormalizer {

    private static final List<NormalizerRule> RULES = List.of(
            new QueryEnumRule(),
            new RefSiblingsRule(),
            new ItemsOnNonArrayRule(),
            new DiscriminatorMappingRule(),
            new MultilineDefaultRule(),
            new BinaryResponseRule(),
            new PathParameterRule(),
            new ProseConstraintRule(),
            new AsyncAnswerRule(),
            new TagRule());

    /** Creates a normaliser; one instance normalises one document at a time. */
    public SpecNormalizer() {
    }

    /**
     * Normalises the document in place.
     *
     * @param root the parsed document (must have passed {@link SpecValidator#validate})
     * @return one line per change made, each naming its location
     * @throws InvalidSpecException when a rule cannot be applied (e.g. a name it needs is taken)
     */
    public List<String> normalize(ObjectNode root) {
        List<String> changes = new ArrayList<>();
        for (NormalizerRule rule : RULES) {
            rule.apply(root, changes);
        }
        return List.copyOf(changes);
    }
}
