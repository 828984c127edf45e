package ai.corti.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's prose goes into comments verbatim: nothing in it may end the comment, add a tag, or break doclint. */
class JavadocTest {

    @Test
    void htmlAndTagCharactersBecomeEntities() {
        assertThat(Javadoc.inline("a < b & c > d")).isEqualTo("a &lt; b &amp; c &gt; d");
        assertThat(Javadoc.inline("see @deprecated or {@link Foo}"))
                .isEqualTo("see &#64;deprecated or {&#64;link Foo}");
    }

    @Test
    void theCommentCannotBeEnded() {
        assertThat(Javadoc.inline("a */ b")).isEqualTo("a *&#47; b").doesNotContain("*/");
        assertThat(Javadoc.inline("`*/`")).isEqualTo("{@code *&#47;}");
    }

    @Test
    void aUnicodeEscapeIsNotReadByTheCompiler() {
        // javac reads a backslash-u escape anywhere in a source, comments included: a line break would end it.
        assertThat(Javadoc.inline("ends \\u000A here")).isEqualTo("ends \\\\u000A here");
    }

    @Test
    void backticksBecomeCodeWithBracesEscaped() {
        assertThat(Javadoc.inline("pass `X-Corti-Retention-Policy: none` or `{id}`"))
                .isEqualTo("pass {@code X-Corti-Retention-Policy: none} or {@code &#123;id&#125;}");
        assertThat(Javadoc.inline("a `<b>` c")).isEqualTo("a {@code &lt;b&gt;} c");
        // An unpaired backtick is text.
        assertThat(Javadoc.inline("a ` b")).isEqualTo("a ` b");
    }

    @Test
    void whitespaceCollapsesToOneLine() {
        assertThat(Javadoc.inline("  one\n two\t\tthree \r\n")).isEqualTo("one two three");
    }

    @Test
    void noTextIsNoLine() {
        assertThat(Javadoc.inline(null)).isEmpty();
        assertThat(Javadoc.inline("  \n ")).isEmpty();
        assertThat(Javadoc.lines(null)).isEmpty();
        assertThat(Javadoc.lines(" ")).isEmpty();
        assertThat(Javadoc.paragraphs(null)).isEmpty();
        assertThat(Javadoc.paragraphs("<br/><Note></Note>")).isEmpty();
    }

    @Test
    void longTextIsSplitAtSpacesIntoLinesOf108AtMost() {
        String text = ("word ".repeat(60) + "end").trim();
        List<String> lines = Javadoc.lines(text);
        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(108));
        assertThat(String.join(" ", lines)).isEqualTo(text);
        // A word longer than a line stays whole, on its own line.
        String url = "https://example.test/" + "x".repeat(120);
        assertThat(Javadoc.lines("see " + url + " there")).containsExactly("see", url, "there");
    }

    @Test
    void aSummaryBecomesOneSentence() {
        assertThat(Javadoc.sentence("List Recordings")).isEqualTo("List Recordings.");
        assertThat(Javadoc.sentence(" Get Document. ")).isEqualTo("Get Document.");
        assertThat(Javadoc.sentence("Ready?")).isEqualTo("Ready?");
        assertThat(Javadoc.sentence("")).isEmpty();
    }

    @Test
    void aDescriptionBecomesParagraphs() {
        assertThat(Javadoc.paragraphs("Creates a new interaction.")).containsExactly("<p>Creates a new interaction.");
        assertThat(Javadoc.paragraphs("""
                Returns a list of sections.
                Use query parameters to filter.

                Second paragraph.
                """)).containsExactly("<p>Returns a list of sections. Use query parameters to filter.", "",
                "<p>Second paragraph.");
    }

    @Test
    void theDocumentationSitesMarkupIsReadNotPrinted() {
        // As published for transcripts_create: <br/> breaks, a <Note> component, a Markdown link.
        List<String> lines = Javadoc.paragraphs("Create a transcript via `/recordings` endpoint.<br/><Note>Each "
                + "interaction may have more than one.<br/><br/>Set `async` to true. Read more "
                + "[here](https://docs.corti.ai/stt/transcripts).</Note>");
        assertThat(lines).containsExactly(
                "<p>Create a transcript via {@code /recordings} endpoint.",
                "",
                "<p>Each interaction may have more than one.",
                "",
                "<p>Set {@code async} to true. Read more <a href=\"https://docs.corti.ai/stt/transcripts\">here</a>.");
        // Lower-case HTML is not the site's: it is text, escaped.
        assertThat(Javadoc.paragraphs("shown <b>verbatim</b>")).containsExactly("<p>shown &lt;b&gt;verbatim&lt;/b&gt;");
        // A link that is not to a web page stays text.
        assertThat(Javadoc.paragraphs("[x](javascript:alert(1))")).containsExactly("<p>[x](javascript:alert(1))");
    }

    @Test
    void paragraphsStartingWithADashAreAList() {
        // As published for codes_predict.
        assertThat(Javadoc.paragraphs("Two values for context:<br/>- `text`: from the text.<br/>- `documentId`: from "
                + "the document.<br/><br/>The response has two sets.")).containsExactly(
                "<p>Two values for context:",
                "",
                "<ul>",
                "<li>{@code text}: from the text.</li>",
                "<li>{@code documentId}: from the document.</li>",
                "</ul>",
                "",
                "<p>The response has two sets.");
        assertThat(Javadoc.paragraphs("- only<br/>- items")).containsExactly("<ul>", "<li>only</li>", "<li>items</li>",
                "</ul>");
    }

    @Test
    void aDescriptionThatOnlyRepeatsTheSummaryAddsNothing() {
        assertThat(Javadoc.repeats(" Get Document.", "Get Document")).isTrue();
        assertThat(Javadoc.repeats("List Documents", "List Documents")).isTrue();
        assertThat(Javadoc.repeats(null, "List Documents")).isTrue();
        assertThat(Javadoc.repeats("Lists all existing interactions.", "List All Interactions")).isFalse();
        assertThat(Javadoc.repeats("Anything", null)).isFalse();
    }

    @Test
    void stringLiteralsEscapeQuotesBackslashesAndControlCharacters() {
        assertThat(Javadoc.literal("a\"b\\c")).isEqualTo("a\\\"b\\\\c");
        assertThat(Javadoc.literal("line\nnext\r\ttab")).isEqualTo("line\\nnext\\r\\ttab");
        assertThat(Javadoc.literal("\u0001 é")).isEqualTo("\\u0001 \\u00e9");
        assertThat(Javadoc.literal("^[A-Z]{3}$")).isEqualTo("^[A-Z]{3}$");
    }
}
