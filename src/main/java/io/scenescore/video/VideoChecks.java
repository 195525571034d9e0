package io.scenescore.video;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.AudioParams;
import io.scenescore.job.FieldError;
import io.scenescore.job.InvalidFields;
import io.scenescore.job.JobRequests.RunRequest;
import io.scenescore.job.Scene;
import io.scenescore.job.StoryboardReader;
import io.scenescore.media.AtempoChain;
import io.scenescore.media.SyncFilter;

/**
 * The checks on a run that need its video, made when the run is asked for rather than found out at the end of
 * it: merging needs a video, and a tempo change has its limits.
 */
public final class VideoChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** For an inline job: the video it arrived with, or null. */
    public void checkArrived(RunRequest request, ArrivedVideo video) {
        check(request.params(), total(request.job().scenes()), video == null ? null : video.facts().durationSeconds());
    }

    /** For a stored job: its storyboard and its source_videos row, or null. */
    public void checkStored(RunRequest request, String storyboardJson, Map<String, Object> sourceRow) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        List<Scene> scenes = StoryboardReader.read(JSON.readTree(storyboardJson), "storyboard", errors);
        Object seconds = sourceRow == null ? null : sourceRow.get("duration_seconds");
        check(request.params(), total(scenes), seconds == null ? null : ((Number) seconds).doubleValue());
    }

    /**
     * Whether a run that merges is asked for a stored source video written without its facts (by an upstream
     * system): it is probed then, once; a run that does not merge does not need it.
     */
    public boolean needsProbe(RunRequest request, Map<String, Object> sourceRow) {
        return request.params().mergeWithVideo() && sourceRow != null && sourceRow.get("duration_seconds") == null;
    }

    /** For a run that merges: its source_videos row, which must be there. */
    public Map<String, Object> requireSource(Map<String, Object> sourceRow, String jobId) {
        if (sourceRow == null || sourceRow.get("duration_seconds") == null) {
            throw new IllegalStateException("job " + jobId + " has no probed source video to merge with");
        }
        return sourceRow;
    }

    static void check(AudioParams params, double soundtrackSeconds, Double videoSeconds) {
        if (!params.mergeWithVideo()) {
            return;
        }
        if (videoSeconds == null) {
            throw new InvalidFields("audio_params.merge_with_video", "the job has no video to merge with: upload one with the job "
                    + "(multipart/form-data with a video part) or give its video_url");
        }
        double ratio = SyncFilter.ratio(params.syncMode(), soundtrackSeconds, videoSeconds);
        if (!AtempoChain.inRange(ratio)) {
            throw new InvalidFields("audio_params.sync_mode", String.format(Locale.ROOT,
                    "%s would play the %.2f s soundtrack %.3gx as fast to fit the %.2f s video; the tempo can change from %.2gx to %.2gx: "
                            + "use trim, or scene lengths closer to the video's", params.syncMode(), soundtrackSeconds, ratio, videoSeconds,
                    AtempoChain.MIN_RATIO, AtempoChain.MAX_RATIO));
        }
    }

    private static double total(List<Scene> scenes) {
        return scenes.stream().mapToDouble(Scene::duration).sum();
    }
}
