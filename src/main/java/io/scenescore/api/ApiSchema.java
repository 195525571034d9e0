package io.scenescore.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The bodies of the HTTP API as the OpenAPI document (GET /api/v3/openapi.json) describes them: the REST table in
 * routes/api.camel.yaml names these records as type, outType and responseModel. The answers are written from them
 * ({@link JsonAnswers}); requests are read field by field ({@link JobRequests}), which checks more than a schema says.
 */
public final class ApiSchema {

    private ApiSchema() {
    }

    @Schema(description = "One scene of a storyboard: duration and description (or prompt) are required")
    public record Scene(
            @Schema(description = "scene title, shown in the status document") String title,
            @Schema(description = "what happens in the scene; feeds the music prompt (required unless prompt is given)") String description,
            @Schema(description = "seconds, > 0 and at most 300", requiredMode = Schema.RequiredMode.REQUIRED, example = "8.0") double duration,
            @JsonProperty("music_description") @Schema(description = "the music wanted") String musicDescription,
            @JsonProperty("music_style") @Schema(description = "for example cinematic, ambient, jazz") String musicStyle,
            @JsonProperty("music_energy") @Schema(description = "low, medium or high") String musicEnergy,
            @Schema(description = "used as is instead of a generated prompt") String prompt) {
    }

    @Schema(description = "A storyboard: at most 200 scenes")
    public record Storyboard(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Scene> scenes) {
    }

    @Schema(description = "How a run makes and delivers the soundtrack; every field is optional")
    public record AudioParams(
            @Schema(description = "a style prompt added to every scene's prompt") String prompt,
            @JsonProperty("fade_duration") @Schema(description = "seconds of fade at each join, 0 to 10", example = "1.0") Double fadeDuration,
            @Schema(description = "the join between scenes: crossfade (the default: equal-power overlap) or fade (out, then in)",
                    allowableValues = {"crossfade", "fade"}, example = "crossfade") String transition,
            @JsonProperty("sync_mode") @Schema(description = "fitting the soundtrack to the video", allowableValues = {"trim", "stretch", "compress"}) String syncMode,
            @JsonProperty("merge_with_video") @Schema(description = "lay the soundtrack under the job's video") Boolean mergeWithVideo,
            @Schema(description = "how the music is laid under the video's own sound: duck (the default when the video has sound: "
                    + "lowered by duck_db wherever the video has sound), blend (at music_gain_db throughout) or replace (the music alone; "
                    + "always for a video without sound)", allowableValues = {"duck", "blend", "replace"}) String mix,
            @JsonProperty("output_format") @Schema(allowableValues = {"mp3", "wav"}) String outputFormat,
            @JsonProperty("model_version") @Schema(description = "MusicGen model version", example = "stereo-large") String modelVersion,
            @JsonProperty("error_strategy") @Schema(allowableValues = {"continue_with_silence", "halt"}) String errorStrategy,
            @Schema(description = "passed to the music source for repeatable runs") Long seed,
            @Schema(description = "chain (the default): each scene continues the one before; independent: a draft, every scene at once, none continuing another (about one prediction's time for the whole storyboard)",
                    allowableValues = {"chain", "independent"}) String continuity,
            @Schema(description = "streaming (-14 LUFS, -1 dBTP; the default), broadcast (-23 LUFS, -1 dBTP), none, or {\"integrated\": LUFS, \"true_peak\": dBTP}",
                    example = "streaming") Object loudness,
            @JsonProperty("duck_db") @Schema(description = "mix duck: how far the music is lowered under the video's sound, 12 to 40 dB",
                    example = "15") Double duckDb,
            @JsonProperty("music_gain_db") @Schema(description = "mix blend: the music's gain under the video's sound, -40 to 0 dB",
                    example = "-12") Double musicGainDb) {
    }

    @Schema(description = "A job: its storyboard and, optionally, its video (video_url, or a video part of a multipart post). "
            + "With a video, the storyboard may be \"auto\" or left out: it is then made from the video's cuts (auto_storyboard)")
    public record JobRequest(
            @JsonProperty("video_name") @Schema(description = "the video's name, for people") String videoName,
            @Schema(description = "the storyboard, or \"auto\" (the default when the job has a video): made from the video's cuts",
                    oneOf = {Storyboard.class, String.class}) Object storyboard,
            @JsonProperty("video_url") @Schema(description = "http(s) URL the video is fetched from") String videoUrl,
            @JsonProperty("auto_storyboard") @Schema(description = "how a storyboard is made from the video (only with \"auto\")") AutoStoryboardSettings autoStoryboard) {
    }

    @Schema(description = "Settings of a storyboard made from the video; every field is optional")
    public record AutoStoryboardSettings(
            @Schema(description = "a frame whose scene-change score (0 to 1) is above this starts a new shot", example = "0.1") Double threshold,
            @JsonProperty("min_scene_seconds") @Schema(description = "shorter shots are merged into a neighbour; 0.5 to 60", example = "2") Double minSceneSeconds,
            @JsonProperty("max_scenes") @Schema(description = "at most this many scenes (1 to 200): the weakest cuts go first", example = "200") Integer maxScenes) {
    }

    @Schema(description = "The job's storyboard as stored: give its scenes back (edited) in a new job to run it again")
    public record StoryboardStatus(
            @Schema(description = "given, or auto: made from the video", allowableValues = {"given", "auto"}) String made,
            @Schema(description = "for a storyboard made from the video: threshold, min_scene_seconds, max_scenes, video_seconds, frame_rate, "
                    + "frames, has_sound, cuts_detected, scenes; null otherwise") Object auto,
            @Schema(description = "the scenes; one made from the video also has features: start_seconds, end_seconds, frames, cut_score, "
                    + "motion (0-1), brightness (0-1), warmth (-1 blue to 1 orange), loudness_lufs (null without sound), energy (0-1)") List<Object> scenes) {
    }

    @Schema(description = "A job posted as multipart/form-data with its video")
    public record JobForm(
            @Schema(description = "the job's JSON (JobRequest), as a form field or, above 8 KiB, as a file part",
                    requiredMode = Schema.RequiredMode.REQUIRED) String job,
            @Schema(description = "the video file (at most 1 GiB by default)", format = "binary") String video) {
    }

    @Schema(description = "A run of a stored job (job_id) or of a job given inline (storyboard, video_url); not both")
    public record RunRequest(
            @JsonProperty("job_id") @Schema(description = "a stored job's id (UUID)", format = "uuid") String jobId,
            @Schema(description = "an inline job's storyboard, instead of job_id; or \"auto\" with video_url: made from the video's cuts",
                    oneOf = {Storyboard.class, String.class}) Object storyboard,
            @JsonProperty("video_name") String videoName,
            @JsonProperty("video_url") @Schema(description = "an inline job's video URL") String videoUrl,
            @JsonProperty("audio_params") AudioParams audioParams,
            @JsonProperty("auto_storyboard") @Schema(description = "an inline job's settings for \"storyboard\": \"auto\"") AutoStoryboardSettings autoStoryboard,

            @JsonProperty("webhook_url") @Schema(description = "http(s) URL that gets this run's events, signed per Standard Webhooks "
                    + "(webhook-id, webhook-timestamp, webhook-signature); its host must resolve to public addresses",
                    example = "https://hooks.example.com/scenescore") String webhookUrl,
            @JsonProperty("webhook_events") @Schema(description = "the events sent to webhook_url (default: run.completed, run.failed, run.canceled)",
                    allowableValues = {"run.completed", "run.failed", "run.canceled", "scene.completed"}) List<String> webhookEvents) {
    }

    @Schema(description = "The job is stored; run it with POST /api/v3/audio/generate-scenes")
    public record JobCreated(
            @JsonProperty("job_id") @Schema(format = "uuid") String jobId,
            @Schema(example = "created") String status,
            @JsonProperty("status_url") String statusUrl) {
    }

    @Schema(description = "The run is queued")
    public record RunQueued(
            @JsonProperty("job_id") @Schema(format = "uuid") String jobId,
            @Schema(example = "queued") String status,
            @JsonProperty("status_url") String statusUrl,
            @JsonProperty("download_url") String downloadUrl) {
    }

    @Schema(description = "The cancel is recorded: a queued run is canceled at once, a running one stops at its next step")
    public record CancelAccepted(
            @JsonProperty("job_id") @Schema(format = "uuid") String jobId,
            @Schema(description = "the job's status now", allowableValues = {"canceled", "running"}) String status,
            @JsonProperty("cancel_requested") boolean cancelRequested,
            @JsonProperty("status_url") String statusUrl) {
    }

    @Schema(description = "One scene's progress")
    public record SceneProgress(int index, String title,
            @Schema(allowableValues = {"pending", "running", "completed", "silence", "failed"}) String status,
            @Schema(allowableValues = {"replicate", "composer", "silence"}) String source,
            @JsonProperty("prediction_id") String predictionId,
            @JsonProperty("duration_seconds") double durationSeconds, String error) {
    }

    @Schema(description = "How far the run is")
    public record Progress(int percentage,
            @Schema(allowableValues = {"generating", "merging", "muxing", "done"}) String stage,
            @JsonProperty("scenes_total") int scenesTotal, @JsonProperty("scenes_completed") int scenesCompleted,
            List<SceneProgress> scenes) {
    }

    @Schema(description = "The soundtrack")
    public record Audio(boolean available, @JsonProperty("duration_seconds") Double durationSeconds,
            @JsonProperty("size_bytes") Long sizeBytes, String format, @JsonProperty("download_url") String downloadUrl,
            @Schema(description = "the delivered soundtrack's loudness (EBU R128): the join's measure moved by the mastering "
                    + "gain, or, when a limiter acted, measured on what was encoded; null until there is one") Loudness loudness,
            @Schema(description = "the version described (the latest); absent until there is one") Integer version,

            @JsonProperty("timeline_url") @Schema(description = "a PNG of the soundtrack's timeline (waveform, scenes, the video's own sound); null until there is a soundtrack") String timelineUrl) {
    }

    @Schema(description = "Loudness measured on a delivered file")
    public record Loudness(@JsonProperty("integrated_lufs") Double integratedLufs, @JsonProperty("true_peak_dbtp") Double truePeakDbtp,
            @JsonProperty("range_lu") Double rangeLu) {
    }

    @Schema(description = "The merged video, or why there is none; and the job's source video")
    public record Video(boolean available, @JsonProperty("download_url") String downloadUrl, String format,
            @JsonProperty("size_bytes") Long sizeBytes, @JsonProperty("duration_seconds") Double durationSeconds, String error,
            @Schema(description = "the source video: file_name, content_type, size_bytes, duration_seconds, frame_rate, sha256") Object source,
            @Schema(description = "the mix applied under the video's own sound; null until merged", allowableValues = {"duck", "blend", "replace"}) String mix,
            @JsonProperty("mix_note") @Schema(description = "why the mix applied is not the one asked for (a video without sound gets replace)") String mixNote,
            @Schema(description = "the merged video's audio loudness (EBU R128): the mix's measure moved by the mastering gain, "
                    + "or, when a limiter acted or nothing was mastered, measured on what went into the AAC encoder; null until "
                    + "merged") Loudness loudness) {
    }

    @Schema(description = "A job's status document")
    public record StatusDocument(
            @JsonProperty("job_id") @Schema(format = "uuid") String jobId,
            @Schema(allowableValues = {"created", "queued", "running", "completed", "failed", "canceled"}) String status,
            Progress progress, Audio audio, Video video,
            @JsonProperty("audio_params") AudioParams audioParams, String error,
            @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
            @JsonProperty("updated_at") @Schema(format = "date-time") String updatedAt,
            StoryboardStatus storyboard,
            @Schema(description = "the webhook deliveries of the current run, oldest first") List<WebhookDelivery> webhooks,
            @Schema(description = "every completed run of the job, oldest first; the audio block describes the last") List<Version> versions) {
    }

    @Schema(description = "One webhook delivery: an event of the run, sent to its webhook_url until a 2xx answer (or given up after 24 h)")
    public record WebhookDelivery(
            @Schema(description = "the webhook-id header of every attempt", example = "msg_3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c") String id,
            @Schema(allowableValues = {"run.completed", "run.failed", "run.canceled", "scene.completed"}) String event,
            @JsonProperty("scene_index") @Schema(description = "the scene, for scene.completed") Integer sceneIndex,
            @Schema(allowableValues = {"pending", "delivered", "given_up"}) String state,
            @Schema(description = "attempts made so far") int attempts,
            @JsonProperty("last_status") @Schema(description = "the receiver's HTTP status at the last attempt; null when it gave none (timeout, no connection)") Integer lastStatus,
            @JsonProperty("last_error") @Schema(description = "why the last attempt failed, in words") String lastError,
            @JsonProperty("last_attempt_at") @Schema(format = "date-time") String lastAttemptAt,
            @JsonProperty("delivered_at") @Schema(format = "date-time") String deliveredAt,
            @JsonProperty("next_attempt_at") @Schema(format = "date-time", description = "while pending") String nextAttemptAt,
            @JsonProperty("given_up_at") @Schema(format = "date-time") String givenUpAt) {
    }

    @Schema(description = "A version: one completed run's soundtrack (and merged video), never overwritten")
    public record Version(int version, @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
            @JsonProperty("audio_params") AudioParams audioParams,
            @JsonProperty("regenerated_scenes") @Schema(description = "the scenes this run made again; null: all (a full run)") List<Integer> regeneratedScenes,
            @JsonProperty("download_url") String downloadUrl,
            @JsonProperty("video_url") @Schema(description = "its merged video; null when the run merged none") String videoUrl) {
    }

    @Schema(description = "Makes a scene again: its new words (optional; they stay in the job's storyboard), a seed for this run, and whether the scenes after it are made again too. Unknown fields are refused")
    public record RegenerateRequest(String prompt, String description,
            @JsonProperty("music_description") String musicDescription,
            @JsonProperty("music_style") String musicStyle, @JsonProperty("music_energy") String musicEnergy, String title,
            Long seed,
            @Schema(description = "make the scenes after it again too (default false: they keep their music)") Boolean following,
            @JsonProperty("webhook_url") @Schema(description = "as in generate-scenes: this run's events go there, signed") String webhookUrl,
            @JsonProperty("webhook_events") @Schema(description = "as in generate-scenes", allowableValues = {"run.completed", "run.failed", "run.canceled", "scene.completed"}) List<String> webhookEvents) {
    }

    @Schema(description = "A version's cue sheet: each scene's span, source, prompt, seed, model, predictions and licence")
    public record CueSheet(@JsonProperty("job_id") @Schema(format = "uuid") String jobId, int version,
            @JsonProperty("created_at") @Schema(format = "date-time") String createdAt,
            @JsonProperty("frame_rate") @Schema(description = "the job's video's, else 25") double frameRate,
            @JsonProperty("frame_rate_from") String frameRateFrom, String transition,
            @JsonProperty("fade_duration") Double fadeDuration, List<Cue> scenes,
            @JsonProperty("duration_seconds") double durationSeconds, @JsonProperty("duration_timecode") String durationTimecode,
            @JsonProperty("licence_note") String licenceNote) {
    }

    @Schema(description = "One scene of a cue sheet")
    public record Cue(int index, String title, @JsonProperty("start_seconds") double startSeconds,
            @JsonProperty("end_seconds") double endSeconds,
            @JsonProperty("start_timecode") @Schema(example = "00:00:08:00", description = "SMPTE HH:MM:SS:FF (HH:MM:SS;FF drop-frame at 29.97 and 59.94)") String startTimecode,
            @JsonProperty("end_timecode") String endTimecode, @JsonProperty("duration_seconds") double durationSeconds,
            @Schema(allowableValues = {"replicate", "composer", "silence"}) String source,
            @Schema(description = "the exact prompt sent (for the composer, the words it was given)") String prompt, Long seed,
            String model, @JsonProperty("model_version") String modelVersion, @JsonProperty("version_id") String versionId,
            @JsonProperty("prediction_ids") List<String> predictionIds, String licence) {
    }

    @Schema(description = "One invalid field")
    public record FieldProblem(@Schema(example = "storyboard.scenes[0].duration") String field, String message) {
    }

    @Schema(description = "An error (RFC 9457), served as application/problem+json")
    public record Problem(@Schema(example = "about:blank") String type, String title, int status, String detail,
            @Schema(description = "for validation: each invalid field") List<FieldProblem> errors) {
    }
}
