package io.promplan.charts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a TrueType font file that has Hangul (for Korean reports and charts) or Latin glyphs: the
 * file given by the user or {@code PROMPLAN_FONT}, then the usual places of Nanum, Noto CJK, Un,
 * Malgun Gothic and Apple SD Gothic Neo. A .ttc collection is used at index 0 ({@code file.ttc,0}
 * in PDF terms).
 */
public final class FontLocator {
    public static final List<String> HANGUL_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
            "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/noto/NotoSansKR-Regular.ttf",
            "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
            "C:/Windows/Fonts/malgun.ttf",
            "/System/Library/Fonts/AppleSDGothicNeo.ttc",
            "/Library/Fonts/NanumGothic.ttf");
    public static final List<String> LATIN_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "C:/Windows/Fonts/arial.ttf",
            "/System/Library/Fonts/Supplemental/Arial.ttf",
            "/Library/Fonts/Arial.ttf");

    /** A font file and the AWT font made from it. */
    public record Found(Path file, Font font, boolean hangul) {
        /** The name OpenPDF's BaseFont.createFont takes: "file.ttc,0" for a collection. */
        public String pdfName() {
            String f = file.toString();
            return f.toLowerCase(java.util.Locale.ROOT).endsWith(".ttc") ? f + ",0" : f;
        }
    }

    private FontLocator() {
    }

    /**
     * The font for a report: the given file, else PROMPLAN_FONT, else a Hangul font on the machine,
     * else (for English only) a Latin one. Empty when nothing fits.
     */
    public static Optional<Found> find(Path given, boolean needHangul) {
        List<String> order = new ArrayList<>();
        if (given != null) {
            order.add(given.toString());
        } else {
            String env = System.getenv("PROMPLAN_FONT");
            if (env != null && !env.isBlank()) {
                order.add(env);
            }
            order.addAll(HANGUL_CANDIDATES);
            if (!needHangul) {
                order.addAll(LATIN_CANDIDATES);
            }
        }
        for (String p : order) {
            Optional<Found> f = load(Path.of(p));
            if (f.isPresent() && (!needHangul || f.get().hangul())) {
                return f;
            }
        }
        return Optional.empty();
    }

    public static Optional<Found> load(Path p) {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            Font[] fonts = Font.createFonts(p.toFile());
            if (fonts.length == 0) {
                return Optional.empty();
            }
            Font f = fonts[0];
            return Optional.of(new Found(p, f, f.canDisplayUpTo("한글 보고서") == -1));
        } catch (FontFormatException | IOException e) {
            return Optional.empty();
        }
    }
}
