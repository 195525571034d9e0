import io.scenescore.job.AutoStoryboard;
import io.scenescore.media.PictureAndSoundMeasures;
import io.scenescore.media.PictureAndSoundMeasures.Frame;
import io.scenescore.media.PictureAndSoundMeasures.Measured;
import io.scenescore.media.PictureAndSoundMeasures.Pass;
import io.scenescore.storyboard.Shots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy of the cut detection of "storyboard": "auto" (io.scenescore.storyboard.Shots on the measures of
 * io.scenescore.media.PictureAndSoundMeasures, exactly as the service runs them). Makes test videos whose cuts are
 * known, from FFmpeg's lavfi sources (still colours with grain, test patterns, a zooming fractal, heavy temporal
 * noise, a slow pan over a still picture, a cross-fade and a fade through black, which are not cuts), encodes them
 * with x264, and counts, per threshold, the cuts found within one frame, missed and invented.
 *
 * <p>Run: {@code bench/cut-detection.sh [min_scene_seconds]}.
 */
public class CutDetectionBench {

    /** A piece of a test video: a lavfi source (no size, rate or length: added here) and its length. */
    record Piece(String source, double seconds) {
    }

    /** A test video: pieces joined by cuts, except where a fade joins two (index of the piece after it). */
    record Video(String name, int fps, List<Piece> pieces, double fadeAfter, int fadeInto) {
    }

    static final String SIZE = "640x360";

    public static void main(String[] args) throws Exception {
        String ffmpeg = args[0];
        double minScene = args.length > 1 ? Double.parseDouble(args[1]) : AutoStoryboard.DEFAULT_MIN_SCENE_SECONDS;
        double[] thresholds = {0.03, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4};
        Path dir = Files.createTempDirectory("cut-bench");
        List<Video> videos = List.of(
                new Video("sources-25fps", 25, List.of(
                        new Piece("color=c=0x202428,noise=alls=12:allf=t", 3),            // dark, still, grain
                        new Piece("testsrc2", 3),                                          // busy pattern
                        new Piece("mandelbrot", 4),                                        // slow zoom
                        new Piece("smptebars", 2.6),                                       // still bars
                        new Piece("testsrc2,hue=h=120", 3),                                // the same pattern, other colours
                        new Piece("testsrc2,noise=alls=60:allf=t", 3),                     // heavy motion (noise), no cut in it
                        new Piece("color=c=0x2a2e32,noise=alls=12:allf=t", 3)),            // a cut between two near-black shots
                        -1, -1),
                new Video("pan-and-fades-30fps", 30, List.of(
                        new Piece("PAN", 6),                                               // slow pan over a still picture
                        new Piece("color=c=0xd08040,noise=alls=8:allf=t", 3),              // warm
                        new Piece("color=c=0x3050c0,noise=alls=8:allf=t", 3),              // cold: cross-faded into, not cut
                        new Piece("FADE", 5),                                              // fade out to black and in again
                        new Piece("mandelbrot=start_scale=2", 3),
                        new Piece("smptebars,hue=s=0", 3),
                        new Piece("SHAKE", 4),                                             // a shaking hand-held camera
                        new Piece("QUICKPAN", 4)),                                         // a quick pan, 300 px/s
                        -1, 2));
        System.out.printf(Locale.ROOT, "cut detection: %d videos, min_scene_seconds %.1f, ffmpeg %s%n", videos.size(), minScene, ffmpeg);
        int[] found = new int[thresholds.length], missed = new int[thresholds.length], invented = new int[thresholds.length];
        int cutsTotal = 0;
        double weakestCut = 1, strongestOther = 0;
        for (Video video : videos) {
            Path file = make(ffmpeg, video, dir);
            List<Double> cuts = knownCuts(video);
            cutsTotal += cuts.size();
            PictureAndSoundMeasures measures = new PictureAndSoundMeasures();
            Path folder = Files.createDirectories(dir.resolve(video.name()));
            Pass pass = measures.pass(file, folder);
            List<String> command = new ArrayList<>(List.of(ffmpeg));
            command.addAll(pass.args());
            run(command);
            Measured measured = measures.read(pass);
            List<Frame> frames = measured.frames();
            double[] times = frames.stream().mapToDouble(Frame::time).toArray();
            double[] scores = frames.stream().mapToDouble(Frame::sceneScore).toArray();
            double seconds = video.pieces().stream().mapToDouble(Piece::seconds).sum() - (video.fadeInto() > 0 ? 1 : 0);
            double frame = 1.0 / video.fps();
            for (double cut : cuts) {
                double best = 0;
                for (int i = 1; i < times.length; i++) {
                    if (Math.abs(times[i] - cut) <= frame + 1e-6) {
                        best = Math.max(best, scores[i]);
                    }
                }
                weakestCut = Math.min(weakestCut, best);
            }
            for (int i = 1; i < times.length; i++) {
                final double t = times[i];
                if (cuts.stream().noneMatch(c -> Math.abs(c - t) <= frame + 1e-6)) {
                    strongestOther = Math.max(strongestOther, scores[i]);
                }
            }
            System.out.printf(Locale.ROOT, "%n%s: %.2f s, %d frames, %d cuts at %s%n", video.name(), seconds, frames.size(), cuts.size(), cuts);
            for (int k = 0; k < thresholds.length; k++) {
                List<Shots.Span> spans = Shots.plan(times, scores, seconds, thresholds[k], minScene, 200);
                List<Double> detected = spans.stream().skip(1).map(Shots.Span::start).toList();
                int f = 0;
                for (double cut : cuts) {
                    if (detected.stream().anyMatch(d -> Math.abs(d - cut) <= frame + 1e-6)) {
                        f++;
                    }
                }
                int inv = (int) detected.stream().filter(d -> cuts.stream().noneMatch(c -> Math.abs(d - c) <= frame + 1e-6)).count();
                found[k] += f;
                missed[k] += cuts.size() - f;
                invented[k] += inv;
                System.out.printf(Locale.ROOT, "  threshold %.2f: found %d, missed %d, invented %d  %s%n", thresholds[k], f, cuts.size() - f, inv, detected);
            }
        }
        System.out.printf(Locale.ROOT, "%nall videos, %d cuts (scores: weakest true cut %.3f, strongest frame that is no cut %.3f)%n",
                cutsTotal, weakestCut, strongestOther);
        System.out.println("| threshold | found within 1 frame | missed | invented |");
        System.out.println("|---|---|---|---|");
        for (int k = 0; k < thresholds.length; k++) {
            System.out.printf(Locale.ROOT, "| %.2f | %d of %d | %d | %d |%n", thresholds[k], found[k], cutsTotal, missed[k], invented[k]);
        }
    }

    /** Cut times: every join but the fade's (the pieces' start times, the fade shortening what follows by 1 s). */
    static List<Double> knownCuts(Video video) {
        List<Double> cuts = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < video.pieces().size(); i++) {
            if (i > 0 && i != video.fadeInto()) {
                cuts.add(Math.round(t * 1000) / 1000.0);
            }
            t += video.pieces().get(i).seconds();
            if (i + 1 == video.fadeInto()) {
                t -= 1; // the cross-fade overlaps the two pieces by 1 s
            }
        }
        return cuts;
    }

    static Path make(String ffmpeg, Video video, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        int n = video.pieces().size();
        for (int i = 0; i < n; i++) {
            Piece piece = video.pieces().get(i);
            String rate = ":r=" + video.fps();
            String source;
            if (piece.source().equals("PAN")) {
                // a still 1920x1080 picture, 640x360 of it panned across at 40 px/s
                source = "testsrc2=s=1920x1080" + rate + ",trim=end_frame=1,loop=loop=-1:size=1,setpts=N/" + video.fps()
                        + "/TB,crop=640:360:x='40*t':y=300";
            } else if (piece.source().equals("SHAKE")) {
                source = "testsrc2=s=1920x1080" + rate + ",crop=640:360:x='600+30*sin(t*23)+20*sin(t*37)':y='300+25*sin(t*29)'";
            } else if (piece.source().equals("QUICKPAN")) {
                source = "mandelbrot=s=1920x1080:end_pts=1000" + rate + ",trim=end_frame=1,loop=loop=-1:size=1,setpts=N/" + video.fps()
                        + "/TB,crop=640:360:x='300*t':y=400";
            } else if (piece.source().equals("FADE")) {
                // a busy shot fading out to black over 1 s, black for 1 s, fading in again over 1 s
                source = "testsrc2=s=" + SIZE + rate + ",fade=t=out:st=1:d=1,fade=t=in:st=3:d=1";
            } else {
                String name = piece.source().contains(",") ? piece.source().substring(0, piece.source().indexOf(',')) : piece.source();
                String rest = piece.source().substring(name.length());
                source = name + (name.contains("=") ? ":" : "=") + "s=" + SIZE + rate + rest;
            }
            graph.append(String.format(Locale.ROOT, "%s,trim=duration=%.3f,setpts=PTS-STARTPTS,scale=%s,setsar=1,format=yuv420p[p%d];",
                    source, piece.seconds(), SIZE, i));
        }
        StringBuilder concat = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < n; i++) {
            if (i + 1 == video.fadeInto()) {
                double offset = video.pieces().get(i).seconds() - 1;
                graph.append(String.format(Locale.ROOT, "[p%d][p%d]xfade=transition=fade:duration=1:offset=%.3f[x%d];", i, i + 1, offset, i));
                concat.append("[x").append(i).append("]");
                i++;
            } else {
                concat.append("[p").append(i).append("]");
            }
            parts++;
        }
        graph.append(concat).append("concat=n=").append(parts).append(":v=1:a=0[v]");
        command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast",
                "-pix_fmt", "yuv420p", "-r", String.valueOf(video.fps())));
        Path file = dir.resolve(video.name() + ".mp4");
        command.add(file.toString());
        run(command);
        return file;
    }

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + output);
        }
    }
}
