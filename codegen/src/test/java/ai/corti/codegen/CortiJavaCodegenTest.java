package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.CodegenConfig;

/** The generator's options: which layer a run writes, which facade classes are left for a subclass, the output. */
class CortiJavaCodegenTest {

    @Test
    void openapiGeneratorFindsItByName() {
        assertThat(ServiceLoader.load(CodegenConfig.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c.getName().equals("corti-java"))).singleElement().isInstanceOf(CortiJavaCodegen.class);
    }

    @Test
    void aLayerMustBeNamed(@TempDir Path output) {
        assertThatThrownBy(() -> GeneratedCode.generate(Fixtures.path("small.yaml"), output, "facade", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("additional property cortiLayer must be core, reactive, blocking or all, not 'facade'");
        assertThatThrownBy(() -> GeneratedCode.generate(Fixtures.path("small.yaml"), output, null, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("additional property cortiLayer is required (core, reactive, blocking or all)");
    }

    @Test
    void eachModuleGeneratesOnlyItsLayerAndTheCoreAloneTheModels(@TempDir Path output) {
        GeneratedCode core = GeneratedCode.generate(Fixtures.path("small.yaml"), output.resolve("core"), "core", "");
        assertThat(core.files.keySet()).allMatch(f -> f.startsWith("ai/corti/client/core/")
                || f.startsWith("ai/corti/client/model/")).contains("ai/corti/client/model/NotesCreateRequest.java");

        GeneratedCode reactive = GeneratedCode.generate(Fixtures.path("small.yaml"), output.resolve("reactive"),
                " Reactive ", "Notes,Summaries");
        assertThat(reactive.files.keySet()).containsExactly(
                "ai/corti/client/reactive/AbstractCortiReactiveClient.java",
                "ai/corti/client/reactive/AbstractReactiveNotesClient.java",
                "ai/corti/client/reactive/AbstractReactiveSummariesClient.java",
                "ai/corti/client/reactive/ReactiveNoteAttachmentsClient.java");
        // An extended resource's class is abstract, built by its hand-written subclass, which reaches the core.
        assertThat(reactive.source("ai.corti.client.reactive.AbstractReactiveNotesClient")).contains(
                "public abstract class AbstractReactiveNotesClient {",
                "    protected AbstractReactiveNotesClient(NotesOperations operations) {",
                "    protected final NotesOperations operations() {",
                "public static final class RawReactiveNotesClient {");
        // The accessors construct the hand-written subclass, named as the plain class.
        assertThat(reactive.source("ai.corti.client.reactive.AbstractCortiReactiveClient")).contains(
                "this.notes = new ReactiveNotesClient(new NotesOperations(pipeline));");
        assertThat(reactive.source("ai.corti.client.reactive.ReactiveNoteAttachmentsClient")).contains(
                "public final class ReactiveNoteAttachmentsClient {",
                "    ReactiveNoteAttachmentsClient(NoteAttachmentsOperations operations) {");
    }

    @Test
    void aSecondRunLeavesOnlyWhatTheSpecStillHas(@TempDir Path output) throws IOException {
        Path stale = output.resolve(GeneratedCode.SOURCES).resolve("ai/corti/client/blocking/RemovedClient.java");
        GeneratedCode.generate(Fixtures.path("small.yaml"), output, "blocking", "");
        Files.writeString(stale, "class RemovedClient {}");
        GeneratedCode again = GeneratedCode.generate(Fixtures.path("small.yaml"), output, "blocking", "");
        assertThat(stale).doesNotExist();
        assertThat(again.files).containsKey("ai/corti/client/blocking/NotesClient.java");
        assertThat(output.resolve(OutputFolder.MARKER)).isRegularFile();
    }

    @Test
    void aFolderTheGeneratorDidNotMarkIsNeverEmptied(@TempDir Path folder) throws IOException {
        Path mine = Files.writeString(folder.resolve("Mine.java"), "class Mine {}");
        OutputFolder.clean(folder);
        assertThat(mine).exists();

        OutputFolder.mark(folder);
        Files.createDirectories(folder.resolve("a/b"));
        Files.writeString(folder.resolve("a/b/Old.java"), "class Old {}");
        OutputFolder.clean(folder);
        assertThat(folder).isEmptyDirectory();
    }
}
