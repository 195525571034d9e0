package io.scenescore.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.job.NotAVideo;

/**
 * The FFmpeg shipped in the jar: a static executable that needs nothing from the host, that makes what the service
 * makes, and that probes videos when there is no ffprobe.
 */
class EmbeddedFfmpegTest {

    private static final int PT_INTERP = 3;
    private static final int PT_DYNAMIC = 2;

    private static String ffmpeg;

    @BeforeAll
    static void extract() {
        ffmpeg = FfmpegExecutables.embeddedFfmpeg();
    }

    @Test
    void itIsAStaticExecutableThatNeedsNoSharedLibraries() throws IOException {
        List<Integer> segments = programHeaderTypes(Path.of(ffmpeg));

        assertThat(segments).as("ELF program headers of " + ffmpeg).isNotEmpty()
                // no program interpreter (ld-linux.so) and no dynamic section: no shared library is loaded, libc included
                .doesNotContain(PT_INTERP, PT_DYNAMIC);
    }

    @Test
    void itIsExtractedOnceAndRuns() throws Exception {
        assertThat(FfmpegExecutables.embeddedFfmpeg()).isEqualTo(ffmpeg);
        Run version = run(List.of(ffmpeg, "-hide_banner", "-version"));

        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("ffmpeg version 4.4.1");
    }

    @Test
    void itEncodesMp3AndAac(@TempDir Path tmp) throws Exception {
        for (String name : List.of("a.mp3", "a.m4a")) {
            Path out = tmp.resolve(name);
            Run made = run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=d=0.5", out.toString()));
            assertThat(made.exit()).as(made.out()).isZero();
            assertThat(Files.size(out)).isPositive();
        }
    }

    @Test
    void withoutFfprobeFfmpegProbesAVideoAndRefusesWhatIsNotOne(@TempDir Path tmp) throws Exception {
        VideoProbe probe = new VideoProbe(new FfmpegExecutables(ffmpeg, ffmpeg));
        Path mp4 = make(tmp.resolve("v.mp4"), "testsrc=size=320x240:rate=30000/1001", "libx264", 2);
        Path webm = make(tmp.resolve("v.webm"), "testsrc=size=160x120:rate=25", "libvpx-vp9", 1);
        Path playlist = Files.writeString(tmp.resolve("p.m3u8"),
                "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/hostname\n#EXT-X-ENDLIST\n");
        Path text = Files.writeString(tmp.resolve("t.mp4"), "not a video at all");

        VideoFacts facts = probe.facts(exec(probe.command(mp4)), "video", "v.mp4");
        VideoFacts vp9 = probe.facts(exec(probe.command(webm)), "video", "v.webm");
        NotAVideo hls = catchThrowableOfType(NotAVideo.class, () -> probe.facts(exec(probe.command(playlist)), "video", "p.m3u8"));
        NotAVideo garbage = catchThrowableOfType(NotAVideo.class, () -> probe.facts(exec(probe.command(text)), "video", "t.mp4"));

        assertThat(facts.durationSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(facts.frameRate()).isCloseTo(30000.0 / 1001, within(1e-9));
        assertThat(facts.width()).isEqualTo(320);
        assertThat(facts.codec()).isEqualTo("h264");
        assertThat(facts.contentType()).isEqualTo("video/mp4");
        assertThat(vp9.durationSeconds()).isCloseTo(1.0, within(0.05));
        assertThat(vp9.frameRate()).isEqualTo(25);
        assertThat(vp9.contentType()).isEqualTo("video/webm");
        assertThat(hls).isNotNull();
        assertThat(hls.getMessage()).contains("p.m3u8");
        assertThat(garbage).isNotNull();
        assertThat(garbage.getMessage()).contains("it cannot be read as a video (Invalid data found when processing input)");
    }

    private static Path make(Path file, String video, String codec, double seconds) throws Exception {
        Run made = run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", video, "-f", "lavfi", "-i",
                "anullsrc=r=48000:cl=stereo", "-t", String.valueOf(seconds), "-c:v", codec, "-pix_fmt", "yuv420p", file.toString()));
        assertThat(made.exit()).as(made.out()).isZero();
        return file;
    }

    private static ExecResult exec(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ffmpeg));
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int exit = p.waitFor();
        return new ExecResult(new ExecCommand(ffmpeg, args, null, 60_000L, Set.of(0), null, null, false, null),
                new ByteArrayInputStream(out), new ByteArrayInputStream(err), exit);
    }

    record Run(int exit, String out) {
    }

    private static Run run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    /** The p_type of every program header of a 64-bit little-endian ELF file. */
    static List<Integer> programHeaderTypes(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(header, 0);
            assertThat(header.getInt(0)).as("ELF magic").isEqualTo(0x464c457f);
            assertThat(header.get(4)).as("64-bit").isEqualTo((byte) 2);
            long phoff = header.getLong(0x20);
            int phentsize = Short.toUnsignedInt(header.getShort(0x36));
            int phnum = Short.toUnsignedInt(header.getShort(0x38));
            List<Integer> types = new ArrayList<>();
            ByteBuffer ph = ByteBuffer.allocate(phentsize).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < phnum; i++) {
                ph.clear();
                ch.read(ph, phoff + (long) i * phentsize);
                types.add(ph.getInt(0));
            }
            return types;
        }
    }
}
