package ai.corti.examples;

import ai.corti.client.core.error.CortiApiException;
import java.io.PrintStream;

/**
 * What the walkthrough prints: numbered step headings, indented lines under them, aligned "call -> outcome" lines
 * and tables. One instance per run, shared by every group of steps, so the numbering runs on.
 */
final class Report {

    private static final String INDENT = "   ";
    private static final int LABEL_WIDTH = 26;

    private final PrintStream out;
    private int step;

    /**
     * Creates the report.
     *
     * @param out where it goes
     */
    Report(PrintStream out) {
        this.out = out;
    }

    /**
     * Starts the next step.
     *
     * @param text what the step does, and with which facade
     */
    void heading(String text) {
        out.println();
        out.println(++step + ". " + text);
    }

    /**
     * Prints one line under the current step.
     *
     * @param text the line
     */
    void say(String text) {
        out.println(INDENT + text);
    }

    /**
     * Prints a call and what came of it, the arrows of consecutive results aligned.
     *
     * @param call    the call, short
     * @param outcome what it returned or threw
     */
    void result(String call, String outcome) {
        say(String.format("%-" + LABEL_WIDTH + "s -> %s", call, outcome));
    }

    /**
     * Prints a line under a {@link #result}, lined up with its outcome.
     *
     * @param text the line
     */
    void detail(String text) {
        say(" ".repeat(LABEL_WIDTH + 4) + text);
    }

    /**
     * Prints a table under the current step.
     *
     * @param table the table
     */
    void table(Table table) {
        table.print(out, INDENT);
    }

    /**
     * Prints the line a step prints instead of running, read-only against the real API.
     *
     * @param why what the step would have done
     */
    void skipped(String why) {
        say("skipped: " + why + " (add --write)");
    }

    /**
     * Returns how many steps have started.
     *
     * @return the count
     */
    int steps() {
        return step;
    }

    /**
     * Puts an API error in one line: its type, status, the server's detail and the request id to quote to support.
     *
     * @param e the error
     * @return the line
     */
    static String summary(CortiApiException e) {
        return e.getClass().getSimpleName() + " " + e.statusCode() + ": "
                + e.problem().map(problem -> problem.detail()).orElse(e.rawBody())
                + e.requestId().map(id -> " (requestId " + id + ")").orElse("");
    }
}
