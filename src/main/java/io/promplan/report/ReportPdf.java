package io.promplan.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.promplan.charts.DecisionCharts;
import io.promplan.charts.FontLocator;
import io.promplan.core.baseline.BaselineComparison;
import io.promplan.core.baseline.BaselineRow;
import io.promplan.core.analysis.Decision;
import io.promplan.render.DecisionTables;
import io.promplan.render.Labels;
import io.promplan.render.Table;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The one-page A4 report for a manager: the recommendation, each alternative's monthly, yearly and
 * TCO cost, the plan's budget and why it differs, ROI with its range and break-even, the main risks,
 * the assumptions, and four charts. The font (Hangul for Korean) is embedded as a subset.
 */
public final class ReportPdf {
    static final float MARGIN = 28f;
    static final float CHART_W = 266f;
    static final float CHART_H = 136f;
    static final int CHART_PIXEL_SCALE = 3;
    static final Color HEAD_BG = new Color(0xeef2f7);
    static final Color REC_BG = new Color(0xe8f5e9);

    private final Labels l;
    private final FontLocator.Found found;
    private final BaseFont base;
    private final BaseFont bold;
    private float squeeze = 1f;

    private ReportPdf(Labels l, FontLocator.Found found) throws IOException {
        this.l = l;
        this.found = found;
        try {
            this.base = BaseFont.createFont(found.pdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Path boldFile = boldSibling(found.file());
            this.bold = boldFile == null ? base : BaseFont.createFont(boldFile.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException e) {
            throw new IOException("font " + found.file() + " cannot be embedded: " + e.getMessage(), e);
        }
    }

    static Path boldSibling(Path f) {
        String n = f.getFileName().toString();
        for (String[] r : new String[][] {{"Gothic.ttf", "GothicBold.ttf"}, {"Sans.ttf", "Sans-Bold.ttf"}, {"-Regular.", "-Bold."}}) {
            if (n.contains(r[0])) {
                Path b = f.resolveSibling(n.replace(r[0], r[1]));
                if (Files.isRegularFile(b)) {
                    return b;
                }
            }
        }
        return null;
    }

    /**
     * Writes the report to {@code out} atomically (a temporary file, then a move).
     *
     * @throws IllegalArgumentException when no font fits the language (the message says what to install)
     */
    public static void write(Decision d, Labels.Lang lang, Path fontFile, Path out) throws IOException {
        io.promplan.io.AtomicFiles.writeBytes(out, render(d, lang, fontFile));
    }

    public static byte[] render(Decision d, Labels.Lang lang, Path fontFile) throws IOException {
        boolean hangul = lang == Labels.Lang.KO;
        FontLocator.Found f = FontLocator.find(fontFile, hangul).orElseThrow(() -> new IllegalArgumentException(fontFile != null
                ? "--font " + fontFile + " is not a TrueType font" + (hangul ? " with Hangul glyphs" : "")
                : (hangul ? "no font with Hangul glyphs found for the Korean report; install fonts-nanum or fonts-noto-cjk, or pass --font FILE.ttf"
                : "no TrueType font found; install fonts-dejavu or fonts-nanum, or pass --font FILE.ttf")));
        ReportPdf r = new ReportPdf(Labels.of(lang), f);
        byte[] pdf = null;
        // one page: long lists (many missing prices, long names) shrink the charts and the small print until it fits
        for (float squeeze : new float[] {1f, 0.9f, 0.8f, 0.7f, 0.6f}) {
            r.squeeze = squeeze;
            pdf = r.build(d);
            if (pages(pdf) == 1) {
                return pdf;
            }
        }
        return pdf;
    }

    static int pages(byte[] pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        try {
            return reader.getNumberOfPages();
        } finally {
            reader.close();
        }
    }

    private Font font(float size) {
        return new Font(base, size, Font.NORMAL, Color.BLACK);
    }

    private Font boldFont(float size) {
        return new Font(bold, size, bold == base ? Font.BOLD : Font.NORMAL, Color.BLACK);
    }

    private byte[] build(Decision d) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN - 6, MARGIN - 6);
        try {
            PdfWriter w = PdfWriter.getInstance(doc, bytes);
            w.setCompressionLevel(9);
            doc.addTitle(l.t("title", l.text(d.scenario().name())));
            doc.addCreator("Promplan");
            doc.open();
            var p = d.plan();
            Paragraph title = new Paragraph(l.t("title", l.text(d.scenario().name())), boldFont(14f));
            doc.add(title);
            Paragraph sub = new Paragraph(l.t("subtitle", p.region(), p.priceSnapshot(), p.pricesAsOf(), p.hoursPerMonth()), font(7f));
            sub.setSpacingAfter(4f);
            doc.add(sub);

            PdfPTable rec = new PdfPTable(1);
            rec.setWidthPercentage(100);
            Phrase rp = new Phrase();
            rp.add(new com.lowagie.text.Chunk(l.t("recommendation") + ": ", boldFont(9.5f)));
            rp.add(chunk(DecisionTables.recommendation(d, l), font(9f)));
            PdfPCell rc = new PdfPCell(rp);
            rc.setBackgroundColor(REC_BG);
            rc.setBorderColor(new Color(0x81c784));
            rc.setPadding(5f);
            rec.addCell(rc);
            rec.setSpacingAfter(5f);
            doc.add(rec);

            Table alternatives = DecisionTables.alternatives(d, l);
            doc.add(table(alternatives, new float[] {3.4f, 1.1f, 1.2f, 1.3f, 1.3f, 1.8f, 0.9f}, 7.2f));
            // what the P10-P90 column is (the simulation's; the point figures at the likely values), or that there is none
            for (String n : alternatives.notes()) {
                doc.add(note(n, 5.8f));
            }

            Table roi = DecisionTables.roi(d, l);
            boolean budget = d.plan().baseline() != null && !d.plan().baseline().rows().isEmpty();
            PdfPTable two = budget ? new PdfPTable(new float[] {1.15f, 1f}) : new PdfPTable(1);
            two.setWidthPercentage(100);
            two.setSpacingBefore(5f);
            if (budget) {
                // no plan budget in the scenario: no empty box
                two.addCell(plain(baselineBlock(d)));
            }
            PdfPCell roiCell = plain(table(roi, budget ? new float[] {3.2f, 1.6f} : new float[] {4.2f, 1.6f}, 6.8f));
            for (String n : roi.notes()) {
                roiCell.addElement(note(n, 5.6f));
            }
            two.addCell(roiCell);
            doc.add(two);

            PdfPTable charts = new PdfPTable(2);
            charts.setWidthPercentage(100);
            charts.setSpacingBefore(4f);
            java.awt.Font awt = found.font();
            charts.addCell(chartCell(DecisionCharts.tco(d.tco(), l), awt));
            charts.addCell(chartCell(DecisionCharts.sweep(d.sweep(), l), awt));
            if (d.costRangesGiven()) {
                charts.addCell(chartCell(DecisionCharts.distribution(d.simulation(), l), awt));
                charts.addCell(chartCell(DecisionCharts.tornado(d.sensitivity(), l, 6), awt));
            } else {
                // no range of a cost input: a histogram of one value and a tornado without bars would say nothing
                PdfPCell none = new PdfPCell(new Phrase(chunk(l.t("charts.pointOnly"), font(7f))));
                none.setColspan(2);
                none.setBorder(Rectangle.NO_BORDER);
                none.setPadding(4f);
                charts.addCell(none);
            }
            doc.add(charts);

            doc.add(heading(l.t("risks")));
            for (String r : DecisionTables.risks(d, l)) {
                doc.add(bullet(r, 6.8f * Math.max(0.85f, squeeze)));
            }
            // the crossings of the two Prometheus alternatives, each with its basis: the decision's first, then the bill alone
            for (String c : DecisionTables.promCrossingNotes(d, l)) {
                doc.add(bullet(c, 6.8f * Math.max(0.85f, squeeze)));
            }
            doc.add(heading(l.t("assumptions")));
            for (String a : DecisionTables.assumptions(d, l)) {
                doc.add(bullet(a, 6.2f * Math.max(0.85f, squeeze)));
            }
            Paragraph foot = new Paragraph(l.t("footer", d.plan().priceSnapshot()), font(5.8f));
            foot.setSpacingBefore(3f);
            doc.add(foot);
        } catch (DocumentException e) {
            throw new IOException("the report could not be laid out: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        return bytes.toByteArray();
    }

    private Paragraph heading(String s) {
        Paragraph p = new Paragraph(s, boldFont(8.5f));
        p.setSpacingBefore(3f);
        return p;
    }

    /** Korean text breaks at spaces only: OpenPDF would otherwise break a Hangul word anywhere ("추가 비/용"). */
    static final class HangulWords extends com.lowagie.text.pdf.DefaultSplitCharacter {
        static final HangulWords INSTANCE = new HangulWords();

        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, com.lowagie.text.pdf.PdfChunk[] ck) {
            char c = getCurrentCharacter(current, cc, ck);
            if (isHangul(c)) {
                return false;
            }
            return super.isSplitCharacter(start, current, end, cc, ck);
        }

        static boolean isHangul(char c) {
            return c >= 0xAC00 && c <= 0xD7A3 || c >= 0x1100 && c <= 0x11FF || c >= 0x3130 && c <= 0x318F;
        }
    }

    /** A run of text in a font; in Korean it breaks between words only. */
    private com.lowagie.text.Chunk chunk(String s, Font f) {
        com.lowagie.text.Chunk c = new com.lowagie.text.Chunk(s, f);
        if (l.lang() == Labels.Lang.KO) {
            c.setSplitCharacter(HangulWords.INSTANCE);
        }
        return c;
    }

    private Paragraph note(String s, float size) {
        Paragraph p = new Paragraph(chunk(s, font(size)));
        p.setLeading(size * 1.25f);
        return p;
    }

    private Paragraph bullet(String s, float size) {
        Paragraph p = new Paragraph(chunk("• " + s, font(size)));
        p.setIndentationLeft(6f);
        p.setFirstLineIndent(-6f);
        p.setLeading(size * 1.25f);
        return p;
    }

    private PdfPCell plain(Element e) {
        PdfPCell c = new PdfPCell();
        c.addElement(e);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(1.5f);
        return c;
    }

    private PdfPTable baselineBlock(Decision d) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {2.2f, 1.3f, 1f, 1f});
        t.setWidthPercentage(100);
        BaselineComparison b = d.plan().baseline();
        PdfPCell head = new PdfPCell(new Phrase(chunk(l.t("baseline"), boldFont(7.2f))));
        head.setColspan(4);
        head.setBackgroundColor(HEAD_BG);
        head.setPadding(2.5f);
        t.addCell(head);
        if (b == null || b.rows().isEmpty()) {
            return t;
        }
        var computed = b.computed();
        io.promplan.render.Words words = io.promplan.render.Words.of(l.lang());
        // the gap against the plan's range, and the labelled difference against its middle that the lines below add up to
        PdfPCell sum = new PdfPCell(new Phrase(chunk(l.t("baseline.summary", DecisionTables.money(b.planLow(), l), DecisionTables.money(b.planHigh(), l),
                DecisionTables.money(computed, l), DecisionTables.budgetGapSentence(b, l)), font(6.8f))));
        sum.setColspan(4);
        sum.setPadding(2.5f);
        t.addCell(sum);
        for (String h : List.of(l.t("col.planLine"), l.t("col.plan"), l.t("col.computed"), l.t("col.delta"))) {
            PdfPCell c = new PdfPCell(new Phrase(chunk(h, boldFont(6.4f))));
            c.setPadding(2f);
            t.addCell(c);
        }
        List<BaselineRow> rows = new ArrayList<>(b.rows());
        rows.sort(Comparator.comparing((BaselineRow r) -> r.delta().amount().abs()).reversed());
        for (BaselineRow r : rows.subList(0, Math.min(4, rows.size()))) {
            String plan = r.planLow().equals(r.planHigh()) ? DecisionTables.money(r.planLow(), l)
                    : DecisionTables.money(r.planLow(), l) + "-" + DecisionTables.money(r.planHigh(), l);
            t.addCell(cell(words.rowName(r), 6.4f, false));
            t.addCell(cell(plan, 6.4f, true));
            t.addCell(cell(DecisionTables.money(r.computed(), l), 6.4f, true));
            t.addCell(cell(words.signedMoney(r.delta()), 6.4f, true));
            String why = words.reasons(r);
            if (!why.isEmpty()) {
                PdfPCell c = new PdfPCell(new Phrase(chunk(l.t("col.why") + ": " + shorten(why, Math.max(160, (int) (330 * squeeze))), font(5.8f))));
                c.setColspan(4);
                c.setPadding(1.5f);
                c.setPaddingLeft(6f);
                t.addCell(c);
            }
        }
        return t;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).trim() + "…";
    }

    private PdfPCell cell(String s, float size, boolean right) {
        PdfPCell c = new PdfPCell(new Phrase(chunk(s, font(size))));
        c.setPadding(2f);
        c.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return c;
    }

    private PdfPTable table(Table tb, float[] widths, float size) throws DocumentException {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        PdfPCell head = new PdfPCell(new Phrase(chunk(tb.title(), boldFont(size))));
        head.setColspan(widths.length);
        head.setBackgroundColor(HEAD_BG);
        head.setPadding(2.5f);
        t.addCell(head);
        for (int i = 0; i < tb.headers().size(); i++) {
            PdfPCell c = new PdfPCell(new Phrase(chunk(tb.headers().get(i), boldFont(size - 0.4f))));
            c.setPadding(2f);
            c.setHorizontalAlignment(tb.rightAligned()[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            t.addCell(c);
        }
        for (List<String> r : tb.rows()) {
            for (int i = 0; i < widths.length; i++) {
                t.addCell(cell(i < r.size() ? r.get(i) : "", size, tb.rightAligned()[i]));
            }
        }
        return t;
    }

    private PdfPCell chartCell(JFreeChart chart, java.awt.Font awt) throws IOException {
        DecisionCharts.style(chart, awt, CHART_PIXEL_SCALE * 0.62f);
        float h = CHART_H * squeeze;
        BufferedImage img = chart.createBufferedImage((int) CHART_W * CHART_PIXEL_SCALE, (int) (h * CHART_PIXEL_SCALE));
        Image i = Image.getInstance(img, null);
        i.scaleAbsolute(CHART_W - 4, h);
        PdfPCell c = new PdfPCell(i, false);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(1f);
        return c;
    }
}
