package io.scenescore.timeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws a soundtrack as an editor's timeline, with Java2D (headless) into a PNG: from top to bottom a caption with
 * the legend, a band naming each scene (number, title, source and length, tinted by source), the music's waveform
 * (min/max envelope per pixel column, coloured by the source of the scene it falls in, over alternating scene
 * bands), the video's own sound as a second lane when there is one, and a time ruler in seconds. Scene boundaries are
 * white vertical lines through the band and the lanes.
 *
 * <p>Geometry, which clients may rely on: the time axis runs from x = {@link #LEFT} (0 s) to x = width - {@link #RIGHT}
 * (the axis' end), so second t is at {@code LEFT + t / axisSeconds * (width - LEFT - RIGHT)}; a boundary is drawn in
 * the pixel column that x falls in. Sound quieter than {@link #SILENT} (-80 dBFS) draws nothing.
 */
public final class TimelineRenderer {

    /** Changes whenever the picture would change for the same input (it is part of the picture's ETag). */
    public static final String VERSION = "1";
    public static final int LEFT = 96;
    public static final int RIGHT = 16;
    static final int HEADER = 30;
    static final int SCENE_BAND = 46;
    static final int RULER = 30;
    static final int LANE_GAP = 6;
    static final float SILENT = 1e-4f;

    public static final Color BACKGROUND = new Color(0x16, 0x18, 0x1d);
    public static final Color BOUNDARY = Color.WHITE;
    public static final Color REPLICATE = new Color(0x5a, 0xa9, 0xf0);
    public static final Color COMPOSER = new Color(0x4c, 0xc3, 0x8a);
    public static final Color SILENCE = new Color(0x8b, 0x90, 0x9a);
    public static final Color UNKNOWN = new Color(0xc6, 0x78, 0xdd);
    public static final Color VIDEO_SOUND = new Color(0xf2, 0xa5, 0x41);
    static final Color LANE_EVEN = new Color(0x24, 0x27, 0x30);
    static final Color LANE_ODD = new Color(0x1c, 0x1f, 0x26);
    static final Color NO_SOUND = new Color(0x12, 0x13, 0x17);
    static final Color TEXT = new Color(0xe8, 0xea, 0xed);
    static final Color MUTED = new Color(0xae, 0xb4, 0xbe);
    static final Color TICK = new Color(0x5c, 0x63, 0x70);
    static final Color CENTRE = new Color(0x3a, 0x3f, 0x4a);

    /** Steps of the ruler, in seconds: the first that puts labels far enough apart is taken. */
    private static final double[] STEPS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
    private static final int LABEL_SPACING = 100;

    /**
     * What a picture shows.
     *
     * @param axisSeconds  the length of the time axis (at least the soundtrack's)
     * @param musicSeconds the soundtrack's length
     * @param music        its envelope, one column per pixel of the axis ({@link #axisWidth})
     * @param video        the video's own sound, the same way; null: no second lane
     * @param videoSeconds the video's length (when {@code video} is given)
     * @param caption      the line at the top left
     */
    public record Picture(int width, int height, double axisSeconds, double musicSeconds, List<SceneSpan> scenes,
                          Waveform music, Waveform video, double videoSeconds, String caption) {
    }

    /** How many pixel columns the time axis of a picture {@code width} wide has: one envelope column each. */
    public static int axisWidth(int width) {
        return width - LEFT - RIGHT;
    }

    /** The pixel column second {@code seconds} falls in (held within the axis). */
    public static int x(double seconds, double axisSeconds, int width) {
        int x = LEFT + (int) Math.floor(seconds / axisSeconds * axisWidth(width));
        return Math.max(LEFT, Math.min(width - RIGHT, x));
    }

    /** The colour a source is drawn in. */
    public static Color colour(String source) {
        if (source == null) {
            return UNKNOWN;
        }
        return switch (source) {
            case "replicate" -> REPLICATE;
            case "composer" -> COMPOSER;
            case "silence" -> SILENCE;
            default -> UNKNOWN;
        };
    }

    /** The picture as PNG bytes. */
    public byte[] png(Picture picture) throws IOException {
        BufferedImage image = draw(picture);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        return out.toByteArray();
    }

    /** The picture, drawn. */
    public BufferedImage draw(Picture p) {
        BufferedImage image = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, p.width(), p.height());
            Lanes lanes = Lanes.of(p);
            drawHeader(g, p);
            drawSceneBand(g, p);
            drawLane(g, p, lanes.musicTop(), lanes.musicHeight(), p.music(), p.musicSeconds(), true, "music", "soundtrack");
            if (p.video() != null) {
                drawLane(g, p, lanes.videoTop(), lanes.videoHeight(), p.video(), p.videoSeconds(), false, "video", "own sound");
            }
            drawBoundaries(g, p, HEADER, lanes.bottom());
            drawRuler(g, p, lanes.bottom());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where the lanes are: the music's, and the video's below it (a third of the room) when there is one. */
    record Lanes(int musicTop, int musicHeight, int videoTop, int videoHeight, int bottom) {

        static Lanes of(Picture p) {
            int top = HEADER + SCENE_BAND;
            int bottom = p.height() - RULER;
            int room = bottom - top;
            if (p.video() == null) {
                return new Lanes(top, room, bottom, 0, bottom);
            }
            int video = (room - LANE_GAP) / 3;
            int music = room - LANE_GAP - video;
            return new Lanes(top, music, top + music + LANE_GAP, video, bottom);
        }
    }

    private void drawHeader(Graphics2D g, Picture p) {
        g.setFont(font(Font.BOLD, 14));
        g.setColor(TEXT);
        FontMetrics fm = g.getFontMetrics();
        int baseline = (HEADER + fm.getAscent() - fm.getDescent()) / 2;
        // the legend from the right edge leftwards, then the caption in what is left
        int x = p.width() - RIGHT;
        g.setFont(font(Font.PLAIN, 12));
        FontMetrics small = g.getFontMetrics();
        List<Object[]> legend = new java.util.ArrayList<>(List.of(
                new Object[] {"replicate", REPLICATE}, new Object[] {"composer", COMPOSER}, new Object[] {"silence", SILENCE}));
        if (p.video() != null) {
            legend.add(new Object[] {"video sound", VIDEO_SOUND});
        }
        for (int i = legend.size() - 1; i >= 0; i--) {
            String name = (String) legend.get(i)[0];
            x -= small.stringWidth(name);
            g.setColor(MUTED);
            g.drawString(name, x, baseline);
            x -= 16;
            g.setColor((Color) legend.get(i)[1]);
            g.fillRect(x, baseline - 10, 11, 11);
            x -= 14;
        }
        g.setFont(font(Font.BOLD, 14));
        g.setColor(TEXT);
        g.drawString(fit(p.caption(), fm, x - 12 - 8), 12, baseline);
    }

    private void drawSceneBand(Graphics2D g, Picture p) {
        int top = HEADER;
        Font titleFont = font(Font.BOLD, 13);
        Font detailFont = font(Font.PLAIN, 11);
        for (SceneSpan scene : p.scenes()) {
            int from = x(scene.start(), p.axisSeconds(), p.width());
            int to = x(scene.end(), p.axisSeconds(), p.width());
            Color colour = colour(scene.source());
            g.setColor(blend(colour, BACKGROUND, 0.30f));
            g.fillRect(from, top, Math.max(1, to - from), SCENE_BAND - 4);
            g.setColor(colour);
            g.fillRect(from, top, Math.max(1, to - from), 3);
            int room = to - from - 10;
            if (room < 8) {
                continue;
            }
            Shape clip = g.getClip();
            g.clipRect(from + 1, top, to - from - 2, SCENE_BAND);
            g.setFont(titleFont);
            g.setColor(TEXT);
            String number = String.valueOf(scene.index() + 1);
            String title = scene.title() == null || scene.title().isBlank() ? number : number + "  " + scene.title().strip();
            g.drawString(fit(title, g.getFontMetrics(), room), from + 6, top + 19);
            g.setFont(detailFont);
            g.setColor(MUTED);
            String detail = (scene.source() == null ? "?" : scene.source()) + " · " + seconds(scene.seconds());
            if (g.getFontMetrics().stringWidth(detail) > room) {
                // a narrow scene: its colour says the source, the words its length
                detail = seconds(scene.seconds());
            }
            g.drawString(fit(detail, g.getFontMetrics(), room), from + 6, top + 35);
            g.setClip(clip);
        }
    }

    private void drawLane(Graphics2D g, Picture p, int top, int height, Waveform wave, double soundSeconds, boolean music,
                          String name, String detail) {
        int width = p.width();
        g.setColor(LANE_ODD);
        g.fillRect(LEFT, top, axisWidth(width), height);
        // alternating bands per scene behind the waveform
        for (SceneSpan scene : p.scenes()) {
            int from = x(scene.start(), p.axisSeconds(), width);
            int to = x(scene.end(), p.axisSeconds(), width);
            g.setColor(scene.index() % 2 == 0 ? LANE_EVEN : LANE_ODD);
            g.fillRect(from, top, Math.max(1, to - from), height);
        }
        int soundEnd = Math.min(width - RIGHT, x(soundSeconds, p.axisSeconds(), width));
        if (soundEnd < width - RIGHT) {
            // past the end of this sound (the video longer than the music, or the other way round)
            g.setColor(NO_SOUND);
            g.fillRect(soundEnd, top, width - RIGHT - soundEnd, height);
            g.setFont(font(Font.ITALIC, 11));
            g.setColor(MUTED);
            String end = music ? "music ends" : "video ends";
            if (width - RIGHT - soundEnd > g.getFontMetrics().stringWidth(end) + 12) {
                g.drawString(end, soundEnd + 6, top + 16);
            }
        }
        int mid = top + height / 2;
        double half = (height - 4) / 2.0;
        g.setColor(CENTRE);
        g.drawLine(LEFT, mid, soundEnd - 1, mid);
        int sceneIndex = 0;
        List<SceneSpan> scenes = p.scenes();
        for (int column = 0; column < wave.columns() && LEFT + column < soundEnd; column++) {
            if (wave.peak(column) < SILENT) {
                continue;
            }
            int x = LEFT + column;
            Color colour = VIDEO_SOUND;
            if (music && !scenes.isEmpty()) {
                while (sceneIndex < scenes.size() - 1 && x >= x(scenes.get(sceneIndex).end(), p.axisSeconds(), width)) {
                    sceneIndex++;
                }
                colour = colour(scenes.get(sceneIndex).source());
            }
            int y1 = (int) Math.round(mid - wave.max()[column] * half);
            int y2 = (int) Math.round(mid - wave.min()[column] * half);
            g.setColor(colour);
            g.drawLine(x, Math.min(y1, mid), x, Math.max(y2, mid));
        }
        g.setFont(font(Font.BOLD, 13));
        g.setColor(TEXT);
        g.drawString(fit(name, g.getFontMetrics(), LEFT - 16), 10, mid - 2);
        g.setFont(font(Font.PLAIN, 11));
        g.setColor(MUTED);
        g.drawString(fit(detail, g.getFontMetrics(), LEFT - 16), 10, mid + 13);
    }

    private void drawBoundaries(Graphics2D g, Picture p, int top, int bottom) {
        g.setColor(BOUNDARY);
        g.setStroke(new BasicStroke(1));
        List<SceneSpan> scenes = p.scenes();
        for (int i = 1; i < scenes.size(); i++) {
            int x = x(scenes.get(i).start(), p.axisSeconds(), p.width());
            g.drawLine(x, top, x, bottom - 1);
        }
    }

    private void drawRuler(Graphics2D g, Picture p, int top) {
        int width = p.width();
        int axis = axisWidth(width);
        double step = STEPS[STEPS.length - 1];
        for (double s : STEPS) {
            if (s / p.axisSeconds() * axis >= LABEL_SPACING) {
                step = s;
                break;
            }
        }
        g.setColor(TICK);
        g.drawLine(LEFT, top, width - RIGHT - 1, top);
        double minor = step / 5;
        boolean minorTicks = minor / p.axisSeconds() * axis >= 8;
        g.setFont(font(Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        long ticks = Math.round(Math.floor(p.axisSeconds() / (minorTicks ? minor : step) + 1e-9));
        for (long i = 0; i <= ticks; i++) {
            double t = i * (minorTicks ? minor : step);
            boolean major = !minorTicks || i % 5 == 0;
            int x = Math.min(width - RIGHT - 1, x(t, p.axisSeconds(), width));
            g.setColor(TICK);
            g.drawLine(x, top, x, top + (major ? 8 : 4));
            if (major) {
                String label = time(t, p.axisSeconds() >= 60, step);
                int w = fm.stringWidth(label);
                int lx = Math.max(2, Math.min(width - w - 2, x - w / 2));
                g.setColor(MUTED);
                g.drawString(label, lx, top + 9 + fm.getAscent());
            }
        }
    }

    /** A ruler label: seconds ("12 s", "2.5 s"), or minutes and seconds on axes of a minute or more. */
    static String time(double t, boolean minutes, double step) {
        if (minutes) {
            long whole = Math.round(t);
            return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
        }
        return step < 1 ? String.format(Locale.ROOT, "%.1f s", t) : String.format(Locale.ROOT, "%d s", Math.round(t));
    }

    /** A length as a scene's detail says it: "6 s", "2.5 s". */
    static String seconds(double s) {
        double rounded = Math.round(s * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%d s", (long) rounded)
                : String.format(Locale.ROOT, "%.1f s", rounded);
    }

    /** {@code text}, cut with an ellipsis to fit {@code room} pixels. */
    static String fit(String text, FontMetrics fm, int room) {
        if (fm.stringWidth(text) <= room) {
            return text;
        }
        String ellipsis = "…";
        int end = text.length();
        while (end > 0 && fm.stringWidth(text.substring(0, end) + ellipsis) > room) {
            end--;
        }
        return end == 0 ? "" : text.substring(0, end).stripTrailing() + ellipsis;
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    private static Color blend(Color colour, Color under, float alpha) {
        return new Color(Math.round(colour.getRed() * alpha + under.getRed() * (1 - alpha)),
                Math.round(colour.getGreen() * alpha + under.getGreen() * (1 - alpha)),
                Math.round(colour.getBlue() * alpha + under.getBlue() * (1 - alpha)));
    }
}
