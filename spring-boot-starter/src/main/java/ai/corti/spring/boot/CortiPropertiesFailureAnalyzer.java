package ai.corti.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidCortiPropertiesException} into Spring Boot's startup report: what is wrong, property by
 * property, and what to set. Registered in {@code META-INF/spring.factories}.
 */
class CortiPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCortiPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCortiPropertiesException cause) {
        StringBuilder description = new StringBuilder("The Corti client could not be configured from corti.*:\n");
        for (String problem : cause.problems()) {
            description.append("\n    ").append(problem);
        }
        return new FailureAnalysis(description.toString(),
                "Correct the corti.* properties named above (see the README's \"Spring Boot\" section), or define "
                        + "your own CortiClient / CortiReactiveClient bean.",
                cause);
    }
}
