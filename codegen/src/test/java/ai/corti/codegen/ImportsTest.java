package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportsTest {

    @Test
    void importsAreSortedOnceEachAndOnlyWhatIsUsed() {
        String source = """
                package a;

                import reactor.core.publisher.Mono;
                import java.nio.ByteBuffer;
                import java.util.List;
                import ai.corti.client.model.Note;
                import java.nio.ByteBuffer;
                import java.io.InputStream;

                /** Lists {@code InputStream}s, which does not use it. */
                class A {
                    List<Note> notes;
                    Mono<ByteBuffer> bytes;
                }
                """;
        assertThat(Imports.tidy(source)).isEqualTo("""
                package a;

                import ai.corti.client.model.Note;
                import java.nio.ByteBuffer;
                import java.util.List;
                import reactor.core.publisher.Mono;

                /** Lists {@code InputStream}s, which does not use it. */
                class A {
                    List<Note> notes;
                    Mono<ByteBuffer> bytes;
                }
                """);
    }

    @Test
    void aJavadocLinkIsAUseAndAWildcardIsKept() {
        String source = """
                package a;

                import java.util.List;
                import b.*;

                /** See {@link List}. */
                class A {
                }
                """;
        assertThat(Imports.tidy(source)).contains("import b.*;\nimport java.util.List;\n");
    }

    @Test
    void aNameInsideAnotherNameOrQualifiedIsNotAUse() {
        String source = """
                package a;

                import java.util.Map;
                import java.util.function.Function;

                class A {
                    Object identity = java.util.function.Function.identity();
                    MapLike other;
                }
                """;
        assertThat(Imports.tidy(source)).doesNotContain("import");
    }

    @Test
    void aCommentMarkerInAStringDoesNotHideTheCodeAfterIt() {
        String source = """
                package a;

                import java.util.regex.Pattern;

                class A {
                    Object p = check("a/*b", "//"); Object q = Pattern.compile("x");
                }
                """;
        assertThat(Imports.tidy(source)).contains("import java.util.regex.Pattern;");
    }

    @Test
    void aSourceWithoutImportsIsLeftAlone() {
        String source = "package a;\n\nclass A {\n}\n";
        assertThat(Imports.tidy(source)).isSameAs(source);
    }
}
