package ai.corti.client.core.error;

import ai.corti.client.core.internal.error.Problems;
import ai.corti.client.core.json.CortiJson;
import ai.corti.client.model.ErrorResponse;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads a {@link Problem} from the spec's {@code ErrorResponse} model, whatever fields that model has. */
final class ProblemReading {

    private ProblemReading() {
    }

    static Problem of(ErrorResponse model) {
        if (model == null) {
            return null;
        }
        try {
            JsonNode tree = CortiJson.mapper().valueToTree(model);
            return Problems.of(tree);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
