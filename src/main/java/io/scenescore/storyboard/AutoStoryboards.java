package io.scenescore.storyboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.AutoStoryboard;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobRequests.JobDraft;
import io.scenescore.job.Scene;
import io.scenescore.job.VideoNotUsable;
import io.scenescore.media.PictureAndSoundMeasures;
import io.scenescore.media.PictureAndSoundMeasures.Frame;
import io.scenescore.media.PictureAndSoundMeasures.Measured;
import io.scenescore.media.PictureAndSoundMeasures.Pass;
import io.scenescore.media.VideoFacts;
import io.scenescore.video.ArrivedVideo;

/**
 * Makes a job's storyboard from its video (routes/storyboard.camel.yaml): one FFmpeg pass measures every frame and
 * the sound ({@link PictureAndSoundMeasures}), {@link Shots} finds the scenes, {@link SceneFeatures} measures each,
 * {@link MoodWords} words them. The storyboard is an ordinary one (title, description, duration, music_description,
 * music_energy per scene) with each scene's measures beside it under {@code features}; how it was made goes with it.
 */
public final class AutoStoryboards {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._+-]+");

    private final PictureAndSoundMeasures measures = new PictureAndSoundMeasures();
    private final Path workDirectory;

    /** @param workDirectory where the pass writes its measures, in a folder per job (deleted when the request is done) */
    public AutoStoryboards(Path workDirectory) {
        this.workDirectory = workDirectory;
    }

    /**
     * The measuring pass over the job's video, once the job is known to want its storyboard made and to have a video
     * long enough for one scene.
     */
    public Pass pass(JobDraft job, ArrivedVideo video, Exchange exchange) throws IOException {
        if (video == null) {
            throw new InvalidFields("storyboard", "is required: give a storyboard, or a video (a video part or video_url) "
                    + "to make it from (\"storyboard\": \"auto\")");
        }
        double seconds = video.facts().durationSeconds();
        if (seconds < job.auto().minSceneSeconds()) {
            throw tooShort(job.auto(), video);
        }
        Path folder = folder(job.id());
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                delete(folder);
            }
        });
        return measures.pass(video.file(), folder);
    }

    /** The job with the storyboard made from what the pass measured. */
    public JobDraft make(JobDraft job, ArrivedVideo video, Pass pass) throws IOException {
        Measured measured = measures.read(pass);
        return make(job, video.facts(), measured, video);
    }

    /** A pass that failed on a video that probed well: it cannot be decoded to the end. */
    public void undecodable(ArrivedVideo video, Exception failure) {
        throw new VideoNotUsable(video.field(), video.what(), "cannot be decoded to measure its scenes ("
                + String.valueOf(failure.getMessage()).lines().reduce((a, b) -> b).orElse("").strip() + ")");
    }

    JobDraft make(JobDraft job, VideoFacts facts, Measured measured, ArrivedVideo video) throws JsonProcessingException {
        AutoStoryboard settings = job.auto();
        List<Frame> frames = measured.frames();
        if (frames.isEmpty()) {
            throw new VideoNotUsable(video.field(), video.what(), "has no picture that could be decoded to measure its scenes");
        }
        double[] times = frames.stream().mapToDouble(Frame::time).toArray();
        double[] scores = frames.stream().mapToDouble(Frame::sceneScore).toArray();
        double seconds = facts.durationSeconds();
        List<Shots.Span> spans = Shots.plan(times, scores, seconds, settings.threshold(), settings.minSceneSeconds(), settings.maxScenes());
        boolean hasSound = !measured.loudness().isEmpty();
        int cutsDetected = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > settings.threshold()) {
                cutsDetected++;
            }
        }

        List<Scene> scenes = new ArrayList<>();
        List<Map<String, Object>> sceneJson = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Shots.Span span = spans.get(i);
            SceneFeatures f = SceneFeatures.measure(frames, span.firstFrame(), span.endFrame(), measured.loudness(), hasSound,
                    span.start(), span.end());
            List<String> mood = MoodWords.mood(f);
            String energy = MoodWords.energy(f.energy());
            String title = "Scene " + (i + 1);
            String description = String.format(Locale.ROOT, "%s: %s to %s of the video",
                    mood.isEmpty() ? "an even shot" : String.join(", ", mood) + " shot", clock(span.start()), clock(span.end()));
            String musicDescription = mood.isEmpty() ? null : String.join(", ", mood) + " music";
            scenes.add(new Scene(i, title, description, span.seconds(), musicDescription, null, energy, null));

            Map<String, Object> scene = new LinkedHashMap<>();
            scene.put("title", title);
            scene.put("description", description);
            scene.put("duration", span.seconds());
            if (musicDescription != null) {
                scene.put("music_description", musicDescription);
            }
            scene.put("music_energy", energy);
            Map<String, Object> features = new LinkedHashMap<>();
            features.put("start_seconds", span.start());
            features.put("end_seconds", span.end());
            features.put("frames", span.endFrame() - span.firstFrame());
            features.put("cut_score", Math.round(span.cutScore() * 1000) / 1000.0);
            features.put("motion", f.motion());
            features.put("brightness", f.brightness());
            features.put("warmth", f.warmth());
            features.put("loudness_lufs", f.loudnessLufs());
            features.put("energy", f.energy());
            scene.put("features", features);
            sceneJson.add(scene);
        }
        Map<String, Object> how = new LinkedHashMap<>();
        how.put("threshold", settings.threshold());
        how.put("min_scene_seconds", settings.minSceneSeconds());
        how.put("max_scenes", settings.maxScenes());
        how.put("video_seconds", seconds);
        how.put("frame_rate", facts.frameRate());
        how.put("frames", frames.size());
        how.put("has_sound", hasSound);
        how.put("cuts_detected", cutsDetected);
        how.put("scenes", scenes.size());
        return job.withStoryboard(JSON.writeValueAsString(Map.of("scenes", sceneJson)), scenes, JSON.writeValueAsString(how));
    }

    private static VideoNotUsable tooShort(AutoStoryboard settings, ArrivedVideo video) {
        return new VideoNotUsable(video.field(), video.what(), String.format(Locale.ROOT,
                "is %.2f s long, too short for one scene: a storyboard made from a video has scenes of at least "
                        + "auto_storyboard.min_scene_seconds (%s s)", video.facts().durationSeconds(), plain(settings.minSceneSeconds())));
    }

    private Path folder(String jobId) throws IOException {
        Path folder = workDirectory.resolve(jobId).resolve("cuts").toAbsolutePath();
        if (!PLAIN_PATH.matcher(folder.toString()).matches()) {
            // a work folder whose path cannot go into a filter graph as it is
            return Files.createTempDirectory("scenescore-cuts-");
        }
        return Files.createDirectories(folder);
    }

    private static void delete(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (java.nio.file.NoSuchFileException gone) {
            // nothing left
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 75.4 as 1:15.40. */
    static String clock(double seconds) {
        long centis = Math.round(seconds * 100);
        return String.format(Locale.ROOT, "%d:%02d.%02d", centis / 6000, (centis / 100) % 60, centis % 100);
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
