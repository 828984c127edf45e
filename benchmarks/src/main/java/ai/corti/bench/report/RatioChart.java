package ai.corti.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the ratios as two horizontal bar panels (lower-is-better, higher-is-better) with a line at 1.0,
 * with {@code java.awt} in headless mode, so the chart needs nothing beyond the JDK.
 */
final class RatioChart {

    private static final int WIDTH = 1100;
    private static final int ROW = 22;
    private static final int LABEL_WIDTH = 430;
    private static final Color GOOD = new Color(0x2e7d32);
    private static final Color BAD = new Color(0xe65100);

    private RatioChart() {
    }

    static void write(List<Ratio> ratios, String title, File png) throws IOException {
        List<Ratio> lower = ratios.stream().filter(r -> !r.higherIsBetter()).toList();
        List<Ratio> higher = ratios.stream().filter(Ratio::higherIsBetter).toList();
        int height = 70 + panelHeight(lower) + panelHeight(higher) + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 16, 28);
        int y = 50;
        y = panel(g, y, "Lower is better: latency, listing time and allocation (x baseline)", lower, false);
        panel(g, y + 10, "Higher is better: throughput (x baseline)", higher, true);
        g.dispose();
        ImageIO.write(image, "png", png);
    }

    private static int panelHeight(List<Ratio> rows) {
        return rows.isEmpty() ? 0 : 40 + rows.size() * ROW + 20;
    }

    private static int panel(Graphics2D g, int top, String heading, List<Ratio> rows, boolean higherIsBetter) {
        if (rows.isEmpty()) {
            return top;
        }
        double max = Math.max(1.5, rows.stream().mapToDouble(Ratio::value).max().orElse(1.5) * 1.1);
        int plotLeft = LABEL_WIDTH + 20;
        int plotWidth = WIDTH - plotLeft - 80;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(heading, 16, top + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int y = top + 32;
        for (Ratio r : rows) {
            int barWidth = (int) Math.round(Math.min(r.value(), max) / max * plotWidth);
            boolean good = higherIsBetter ? r.value() >= 1.0 : r.value() <= 1.0;
            g.setColor(good ? GOOD : BAD);
            g.fillRect(plotLeft, y + 3, barWidth, ROW - 6);
            g.setColor(Color.DARK_GRAY);
            g.drawString(r.label(), 16, y + ROW - 7);
            g.drawString(String.format(Locale.ROOT, "%.2fx", r.value()), plotLeft + barWidth + 6, y + ROW - 7);
            y += ROW;
        }
        int one = plotLeft + (int) Math.round(1.0 / max * plotWidth);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.drawLine(one, top + 28, one, y + 2);
        g.drawString("1.0 = baseline", one - 40, y + 16);
        g.setStroke(new BasicStroke(1));
        return y + 20;
    }
}
