package io.scenescore;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

import io.scenescore.media.FfmpegExecutables;
import io.scenescore.media.FfmpegLine;
import io.scenescore.media.FfmpegOutcome;
import io.scenescore.media.PcmSceneFit;
import io.scenescore.media.SceneAudioCommands;
import io.scenescore.media.VideoProbe;

/** FFmpeg and ffprobe (found at start-up, or start-up stops) and the commands the routes give them. */
public class MediaConfiguration implements CamelConfiguration {

    @PropertyInject(value = "scenescore.ffmpeg", defaultValue = "")
    private String ffmpeg;
    @PropertyInject(value = "scenescore.ffprobe", defaultValue = "")
    private String ffprobe;

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Registry registry = camelContext.getRegistry();
        FfmpegExecutables executables = FfmpegExecutables.locate(ffmpeg, ffprobe);
        registry.bind("ffmpegExecutables", executables);
        registry.bind("sceneAudioCommands", new SceneAudioCommands());
        registry.bind("pcmSceneFit", new PcmSceneFit());
        registry.bind("ffmpegOutcome", new FfmpegOutcome());
        registry.bind("ffmpegLine", new FfmpegLine());
        registry.bind("videoProbe", new VideoProbe(executables));
    }
}
