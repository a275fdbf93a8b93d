package io.answersite.report;

import io.answersite.content.Common;
import io.answersite.content.Page;
import io.answersite.graph.ContentGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pages by review state, for editors planning the week: overdue, due within N days, never
 * reviewed, then the rest; with owner, last review and next date. As console lines and as
 * {@code review.html} in the report folder.
 */
public final class ReviewReport {

    /** Where a page stands in its review cycle. */
    public enum State {
        OVERDUE("overdue"), DUE_SOON("due soon"), NEVER_REVIEWED("never reviewed"), SCHEDULED("scheduled");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One page's review: {@code owner}, {@code reviewed} and {@code next} may be null. */
    public record Row(State state, String path, String title, String owner, LocalDate reviewed, LocalDate next,
                      long daysLeft) {
    }

    private ReviewReport() {
    }

    public static List<Row> rows(ContentGraph graph, LocalDate today, int dueWithinDays) {
        List<Row> rows = new ArrayList<>();
        for (Page page : graph.pages().values()) {
            Common.Review review = page.common().review();
            String owner = review == null ? null : review.owner();
            LocalDate reviewed = review == null ? null : review.reviewed();
            LocalDate next = review == null ? null : review.next();
            long days = next == null ? 0 : ChronoUnit.DAYS.between(today, next);
            State state = next != null && days < 0 ? State.OVERDUE
                    : next != null && days <= dueWithinDays ? State.DUE_SOON
                    : reviewed == null ? State.NEVER_REVIEWED : State.SCHEDULED;
            rows.add(new Row(state, page.sourcePath(), page.title(), owner, reviewed, next, days));
        }
        rows.sort(Comparator.comparing(Row::state)
                .thenComparing(r -> r.next() == null ? LocalDate.MAX : r.next())
                .thenComparing(Row::path));
        return rows;
    }

    /** The console table: one line per page that needs attention, then a count per state. */
    public static List<String> lines(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-15s %-10s %-10s %-14s %s", "state", "next", "reviewed", "owner", "page"));
        int[] counts = new int[State.values().length];
        for (Row row : rows) {
            counts[row.state().ordinal()]++;
            if (row.state() == State.SCHEDULED) {
                continue;
            }
            String when = row.next() == null ? "-" : row.next().toString();
            lines.add(String.format("%-15s %-10s %-10s %-14s %s", row.state().label(), when,
                    row.reviewed() == null ? "-" : row.reviewed(), row.owner() == null ? "-" : row.owner(), row.path()));
        }
        lines.add("review: " + counts[0] + " overdue, " + counts[1] + " due soon, " + counts[2] + " never reviewed, "
                + counts[3] + " scheduled later");
        return lines;
    }

    public static void writeHtml(Path folder, String siteName, List<Row> rows, LocalDate today) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Review plan: "
                + escape(siteName) + "</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5}"
                + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}"
                + ".overdue{color:#a00;font-weight:600}.due-soon{color:#8a5a00}</style>\n</head>\n<body>\n");
        html.append("<h1>Review plan: ").append(escape(siteName)).append("</h1>\n<p>As of ").append(today)
                .append(".</p>\n<table>\n<thead><tr><th>State</th><th>Next review</th><th>Last reviewed</th><th>Owner</th>"
                        + "<th>Page</th><th>Title</th></tr></thead>\n<tbody>\n");
        for (Row row : rows) {
            html.append("<tr><td class=\"").append(row.state().label().replace(' ', '-')).append("\">")
                    .append(row.state().label()).append("</td><td>").append(row.next() == null ? "" : row.next())
                    .append("</td><td>").append(row.reviewed() == null ? "" : row.reviewed()).append("</td><td>")
                    .append(escape(row.owner() == null ? "" : row.owner())).append("</td><td>").append(escape(row.path()))
                    .append("</td><td>").append(escape(row.title())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("review.html"), html.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review plan to " + folder, e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
