package ai.corti.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the walkthrough's listings: columns as wide as their widest cell. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row needs " + header.size() + " cells, had " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    int size() {
        return rows.size();
    }

    /** Prints the table, each line indented. */
    void print(PrintStream out, String indent) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println(indent + line(header, widths));
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(indent + rule);
        for (List<String> row : rows) {
            out.println(indent + line(row, widths));
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            text.append(c == 0 ? "" : " | ").append(String.format("%-" + widths[c] + "s", cells.get(c)));
        }
        return text.toString().stripTrailing();
    }
}
