package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void blankLinesAreSingleNeverInsideBracesButAfterATypesOpening() {
        String rendered = "package a;   \n\n\n\npublic final class A {\n    private int a;\n\n\n    void f() {\n\n"
                + "        g();\n\n    }\n\n    static final class B {\n        int b;\n    }\n\n}\n";
        assertThat(Layout.tidy(rendered)).isEqualTo("""
                package a;

                public final class A {

                    private int a;

                    void f() {
                        g();
                    }

                    static final class B {

                        int b;
                    }
                }
                """);
    }

    @Test
    void aTypeOpeningAlreadyFollowedByABlankLineKeepsOne() {
        assertThat(Layout.tidy("public abstract class A {\n\n    int a;\n}\n"))
                .isEqualTo("public abstract class A {\n\n    int a;\n}\n");
        // An empty type stays two lines.
        assertThat(Layout.tidy("final class A {\n}\n")).isEqualTo("final class A {\n}\n");
    }

    @Test
    void longJavadocLinesAreWrappedAt120AlignedAfterTheBlockTag() {
        String words = "word ".repeat(40).trim();
        String source = "    /**\n     * " + words + "\n     *\n     * @param retentionPolicy " + words
                + "\n     * @return " + words + "\n     */\n";
        String wrapped = Layout.wrapJavadoc(source);
        assertThat(wrapped.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(wrapped).contains("     * word word", "\n     * @param retentionPolicy word",
                "\n     *                        word", "\n     * @return word", "\n     *         word");
        // Nothing is lost or added but line breaks (and the stars that open the new lines).
        assertThat(words(wrapped)).isEqualTo(words(source));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.equals("*")).toList();
    }

    @Test
    void codeAndPreformattedJavadocAreNotWrapped() {
        String code = "        return pipeline.execute(" + "argument, ".repeat(20) + "last);";
        String pre = " * <pre>{@code\n * " + "x ".repeat(70) + "\n * }</pre>";
        assertThat(Layout.wrapJavadoc(code)).isEqualTo(code);
        assertThat(Layout.wrapJavadoc(pre)).isEqualTo(pre);
    }
}
