package io.scenescore.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.FieldError;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.NotReady;
import io.scenescore.job.UnknownJob;
import io.scenescore.media.PcmCommands;
import io.scenescore.store.WorkFolders;

/**
 * The timeline picture of a job's soundtrack (GET /api/v3/audio/{job_id}/timeline.png, routes/timeline.camel.yaml):
 * what it is drawn from (the stored soundtrack, scenes and merged video), the decodes it needs, and the PNG, kept in
 * the job's work folder under its ETag so that it is drawn once. The ETag is a hash of all the picture depends on: the
 * soundtrack's ETag, the scenes (lengths, titles, sources), the merged video, the size and the renderer's version.
 *
 * <p>Why files rather than memory: a picture is drawn from files already (the decoded sound), the work folder is
 * where the service keeps what it can make again from the database (exported videos), a file survives a restart, and
 * the number kept is bounded per job ({@link #KEPT}) rather than by guessing a memory budget for all jobs.
 */
public final class TimelinePictures {

    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 400;
    static final int MIN_WIDTH = 480;
    static final int MAX_WIDTH = 4000;
    static final int MIN_HEIGHT = 200;
    static final int MAX_HEIGHT = 1200;
    /** Pictures kept per job (sizes, or the latest soundtracks): older ones are deleted when a new one is drawn. */
    static final int KEPT = 4;
    /** The shortest stretch of sound one column of the envelope stands for. */
    static final double ENVELOPE_SECONDS = 0.02;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDirectory;
    private final TimelineRenderer renderer = new TimelineRenderer();
    private final PcmCommands pcm = new PcmCommands();

    public TimelinePictures(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /** The size asked for (query parameters width and height; absent: 1600x400). */
    public record Size(int width, int height) {
    }

    /**
     * A picture to answer with: its ETag, where it is kept, and, to draw it, the scenes, lengths and what to decode.
     * Scratch files carry a token of their own, so that two requests drawing at once do not meet.
     */
    public record Sketch(String jobId, Size size, String etag, Path png, double musicSeconds, List<SceneSpan> scenes,
                         String soundtrackFormat, boolean videoMixed, double videoSeconds, String caption, String token,
                         Path folder) {

        /** Whether the picture is kept already (then nothing is decoded or drawn); one kept is marked as used now. */
        public boolean drawn() {
            return WorkFolders.used(png);
        }

        /** The time axis: the soundtrack's length, or the merged video's when that is longer. */
        public double axisSeconds() {
            return Math.max(musicSeconds, videoMixed ? videoSeconds : 0);
        }

        /** The rate both sounds are decoded at: 8 kHz, lower for sounds over 70 minutes. */
        public int rate() {
            return PcmCommands.rate(axisSeconds());
        }

        /**
         * The drawing's own folder: its copies of the soundtrack and the source video, the decoded sound, the picture
         * until it is whole. A folder, so that no trim of the job's copies ({@code WorkFolders.trimCopies}) takes
         * them while the decodes wait their turn for FFmpeg.
         */
        public Path scratch() {
            return folder.resolve("timeline-" + token);
        }

        public Path soundtrackCopy() {
            return scratch().resolve("soundtrack." + soundtrackFormat);
        }

        public Path videoCopy() {
            return scratch().resolve("source.video");
        }

        public Path musicPcm() {
            return scratch().resolve("music.pcm");
        }

        public Path videoPcm() {
            return scratch().resolve("video.pcm");
        }
    }

    /** The size from the query parameters: 400 naming the parameter when it is not a whole number in range. */
    public Size size(String width, String height) {
        List<FieldError> errors = new ArrayList<>();
        int w = dimension("width", width, DEFAULT_WIDTH, MIN_WIDTH, MAX_WIDTH, errors);
        int h = dimension("height", height, DEFAULT_HEIGHT, MIN_HEIGHT, MAX_HEIGHT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new Size(w, h);
    }

    private static int dimension(String name, String value, int otherwise, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(new FieldError(name, "must be a whole number of pixels from " + min + " to " + max));
        return otherwise;
    }

    /**
     * The picture of the job from sql/select-timeline.sql's row: 404 no such job, 409 no soundtrack yet. Scene spans
     * follow one another at the scenes' lengths: a fade join and a crossfade join (whose pieces are made longer by the
     * fade, media/FadeFilterGraph) both keep each scene's start at the sum of the lengths before it.
     */
    public Sketch plan(Map<String, Object> row, String jobId, Size size) throws IOException, NoSuchAlgorithmException {
        if (row == null) {
            throw new UnknownJob(jobId);
        }
        if (row.get("soundtrack_etag") == null) {
            throw new NotReady("the soundtrack of job " + jobId + " is not ready (status " + row.get("status")
                    + "), so there is no timeline to draw yet");
        }
        List<SceneSpan> scenes = scenes(String.valueOf(row.get("storyboard")), (String) row.get("scene_rows"));
        double musicSeconds = ((Number) row.get("soundtrack_seconds")).doubleValue();
        // the video's own sound is in the merged video (duck, blend) or not (replace: the music alone, as for a video
        // without sound, and as every video merged before audio_params.mix was)
        Object mix = row.get("merged_mix");
        boolean videoMixed = row.get("merged_etag") != null && row.get("source_seconds") != null
                && ("duck".equals(mix) || "blend".equals(mix));
        double videoSeconds = videoMixed ? ((Number) row.get("source_seconds")).doubleValue() : 0;
        String name = row.get("video_name") == null ? "job " + jobId.substring(0, 8) : String.valueOf(row.get("video_name"));
        String caption = name + "  ·  " + scenes.size() + (scenes.size() == 1 ? " scene" : " scenes") + "  ·  "
                + TimelineRenderer.seconds(musicSeconds) + " of music"
                + (videoMixed ? "  ·  video " + TimelineRenderer.seconds(videoSeconds) + ", " + mix : "");

        StringBuilder key = new StringBuilder().append(TimelineRenderer.VERSION).append('|').append(size.width()).append('x')
                .append(size.height()).append('|').append(row.get("soundtrack_etag")).append('|').append(musicSeconds)
                .append('|').append(videoMixed ? row.get("merged_etag") + "/" + mix + "/" + row.get("source_content") + "/" + videoSeconds : "-")
                .append('|').append(caption);
        for (SceneSpan scene : scenes) {
            key.append('|').append(scene);
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
        String etag = HexFormat.of().formatHex(digest, 0, 16);
        Path folder = workDirectory.resolve(jobId);
        return new Sketch(jobId, size, etag, folder.resolve("timeline-" + etag + ".png"), musicSeconds, scenes,
                String.valueOf(row.get("soundtrack_format")), videoMixed, videoSeconds, caption,
                UUID.randomUUID().toString().substring(0, 8), folder);
    }

    /** Each scene's span, title and source, from the storyboard and the stored segments (their lengths win). */
    static List<SceneSpan> scenes(String storyboard, String sceneRows) throws IOException {
        Map<Integer, Map<String, Object>> rows = new HashMap<>();
        if (sceneRows != null) {
            for (Map<String, Object> r : JSON.readValue(sceneRows, new TypeReference<List<Map<String, Object>>>() { })) {
                rows.put(((Number) r.get("scene_index")).intValue(), r);
            }
        }
        JsonNode stored = JSON.readTree(storyboard).path("scenes");
        List<SceneSpan> scenes = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < stored.size(); i++) {
            Map<String, Object> r = rows.getOrDefault(i, Map.of());
            double seconds = r.get("duration_seconds") instanceof Number n ? n.doubleValue() : stored.get(i).path("duration").asDouble();
            String title = stored.get(i).path("title").isTextual() ? stored.get(i).get("title").textValue() : null;
            String source = "silence".equals(r.get("status")) ? "silence" : (String) r.get("source");
            scenes.add(new SceneSpan(i, title, source, start, start + seconds));
            start += seconds;
        }
        return scenes;
    }

    /** FFmpeg's arguments decoding the soundtrack to low-rate mono PCM. */
    public List<String> decodeSoundtrack(Sketch sketch) {
        return pcm.soundtrack(sketch.soundtrackCopy(), sketch.rate(), sketch.musicPcm());
    }

    /** FFmpeg's arguments decoding the video's own sound (exported to {@link Sketch#videoCopy}) the same way. */
    public List<String> decodeVideoSound(Sketch sketch) {
        return pcm.videoSound(sketch.videoCopy(), sketch.rate(), sketch.videoPcm());
    }

    /**
     * Draws the picture from the decoded sound (and the video's, when it was mixed) and keeps it under its ETag,
     * deleting the oldest kept pictures of the job beyond {@link #KEPT}.
     */
    public Path draw(Sketch sketch) throws IOException {
        int width = sketch.size().width();
        int columns = TimelineRenderer.axisWidth(width);
        double axis = sketch.axisSeconds();
        Waveform music = read(sketch.musicPcm(), sketch.rate(), axis, columns);
        Waveform video = sketch.videoMixed() ? read(sketch.videoPcm(), sketch.rate(), axis, columns) : null;
        byte[] png = renderer.png(new TimelineRenderer.Picture(width, sketch.size().height(), axis, sketch.musicSeconds(),
                sketch.scenes(), music, video, sketch.videoSeconds(), sketch.caption()));
        Path part = sketch.scratch().resolve("timeline.png.part");
        Files.write(part, png);
        Files.move(part, sketch.png(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune(sketch.folder(), sketch.png());
        return sketch.png();
    }

    /**
     * The envelope of a decoded sound, each column widened to span at least {@link #ENVELOPE_SECONDS} (a low note's
     * period), so that short timelines do not comb.
     */
    private static Waveform read(Path pcm, int rate, double axis, int columns) throws IOException {
        try (InputStream in = Files.newInputStream(pcm)) {
            int radius = (int) Math.ceil(ENVELOPE_SECONDS / 2 / (axis / columns)) - 1;
            return Waveform.read(in, rate, axis, columns).widened(radius);
        }
    }

    /** The drawing's own folder (decoded sound, its copies), whether it succeeded or not. */
    public void cleanUp(Sketch sketch) throws IOException {
        WorkFolders.deleteTree(sketch.scratch());
    }

    /** The kept picture's bytes (a PNG of some tens of kilobytes). */
    public byte[] content(Sketch sketch) throws IOException {
        return Files.readAllBytes(sketch.png());
    }

    private static void prune(Path folder, Path keep) throws IOException {
        List<Path> kept = new ArrayList<>();
        try (DirectoryStream<Path> pictures = Files.newDirectoryStream(folder, "timeline-*.png")) {
            pictures.forEach(kept::add);
        }
        kept.remove(keep);
        kept.sort(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed());
        for (Path old : kept.subList(Math.min(kept.size(), KEPT - 1), kept.size())) {
            Files.deleteIfExists(old);
        }
    }
}
