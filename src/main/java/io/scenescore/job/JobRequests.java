package io.scenescore.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.scenescore.job.AudioParams;
import io.scenescore.job.Scene;

/** Reads the bodies of the job API into validated values; anything wrong becomes an {@link InvalidFields}. */
public final class JobRequests {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A job to store: a fresh id, its storyboard as JSON, and where its video comes from. {@code auto} (else null):
     * the storyboard is to be made from the video with these settings; until it is, storyboardJson is null and
     * scenes empty, and {@code autoJson} says how it was made once it is.
     */
    public record JobDraft(String id, String videoName, String videoUrl, String storyboardJson, List<Scene> scenes,
                           AutoStoryboard auto, String autoJson) {

        public JobDraft(String id, String videoName, String videoUrl, String storyboardJson, List<Scene> scenes) {
            this(id, videoName, videoUrl, storyboardJson, scenes, null, null);
        }

        /** Whether the storyboard is still to be made from the video. */
        public boolean storyboardToMake() {
            return auto != null && storyboardJson == null;
        }

        /** The same job with the storyboard made from its video, and how it was made (JSON). */
        public JobDraft withStoryboard(String json, List<Scene> made, String how) {
            return new JobDraft(id, videoName, videoUrl, json, List.copyOf(made), auto, how);
        }
    }

    /**
     * A request to run a job: stored (jobId) or inline (job), with its validated parameters and its webhook (null:
     * none). Every request that starts a run carries the webhook: read it with {@link JobRequests#webhook}.
     */
    public record RunRequest(String jobId, JobDraft job, AudioParams params, String paramsJson, WebhookSubscription webhook) {

        /** A run without a webhook. */
        public RunRequest(String jobId, JobDraft job, AudioParams params, String paramsJson) {
            this(jobId, job, params, paramsJson, null);
        }

        /** The webhook's URL, null without one (queue-run.sql stores it with the run). */
        public String webhookUrl() {
            return webhook == null ? null : webhook.url();
        }

        /** The webhook's events, comma-separated; null without a webhook. */
        public String webhookEvents() {
            return webhook == null ? null : webhook.eventList();
        }

        public boolean inline() {
            return job != null;
        }

        public String targetJobId() {
            return inline() ? job.id() : jobId;
        }

        /** The same request with its inline job replaced (its storyboard made from the video). */
        public RunRequest withJob(JobDraft made) {
            return new RunRequest(jobId, made, params, paramsJson);
        }
    }

    private final AudioParams defaults;
    private final WebhookRequestReader webhooks;

    public JobRequests() {
        this(AudioParams.defaults());
    }

    /** @param defaults what a run gets for the audio_params its request leaves out */
    public JobRequests(AudioParams defaults) {
        this(defaults, host -> null);
    }

    /**
     * @param defaults           what a run gets for the audio_params its request leaves out
     * @param webhookHostRefusal why a webhook_url's host is refused (the public-address guard), null when it is not
     */
    public JobRequests(AudioParams defaults, java.util.function.Function<String, String> webhookHostRefusal) {
        this.defaults = defaults;
        this.webhooks = new WebhookRequestReader(webhookHostRefusal);
    }

    /** The webhook_url and webhook_events of any request that starts a run (null: none); errors added per field. */
    public WebhookSubscription webhook(JsonNode root, List<FieldError> errors) {
        return webhooks.read(root, errors);
    }

    public JobDraft readJob(String body) throws JsonProcessingException {
        JsonNode root = object(body);
        List<FieldError> errors = new ArrayList<>();
        JobDraft draft = draft(root, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return draft;
    }

    public RunRequest readRun(String body) throws JsonProcessingException {
        JsonNode root = object(body);
        List<FieldError> errors = new ArrayList<>();
        JsonNode jobId = root.get("job_id");
        boolean hasStoryboard = root.hasNonNull("storyboard");
        String id = null;
        JobDraft draft = null;
        if (jobId != null && !jobId.isNull()) {
            if (hasStoryboard) {
                errors.add(new FieldError("storyboard", "give either job_id or an inline storyboard, not both"));
            }
            id = jobIdOrError(jobId.isTextual() ? jobId.textValue() : jobId.toString(), "job_id", errors);
        } else if (hasStoryboard) {
            draft = draft(root, errors);
        } else {
            errors.add(new FieldError("job_id", "a job_id or an inline storyboard is required"));
        }
        AudioParams params = AudioParamsReader.read(root.get("audio_params"), errors, defaults);
        if (draft != null && !draft.storyboardToMake()) {
            AudioParamsReader.checkAgainst(params, draft.scenes(), errors);
        }
        WebhookSubscription webhook = webhook(root, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new RunRequest(id, draft, params, JSON.writeValueAsString(params), webhook);
    }

    /**
     * An inline job whose storyboard has just been made from its video: the request with it, once the parameters
     * that depend on the scenes have been checked against them.
     */
    public RunRequest withMadeStoryboard(RunRequest request, JobDraft made) {
        List<FieldError> errors = new ArrayList<>();
        AudioParamsReader.checkAgainst(request.params(), made.scenes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return request.withJob(made);
    }

    /** For a stored job: the parameter checks that need its storyboard. */
    public void checkAgainstStoryboard(RunRequest request, String storyboardJson) throws JsonProcessingException {
        List<FieldError> errors = new ArrayList<>();
        List<Scene> scenes = StoryboardReader.read(JSON.readTree(storyboardJson), "storyboard", errors);
        AudioParamsReader.checkAgainst(request.params(), scenes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }

    /** A job id from a path or body, checked to be a UUID. */
    public String jobId(String raw) {
        List<FieldError> errors = new ArrayList<>();
        String id = jobIdOrError(raw, "job_id", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return id;
    }

    private static String jobIdOrError(String raw, String field, List<FieldError> errors) {
        try {
            UUID uuid = UUID.fromString(raw == null ? "" : raw.trim());
            if (!uuid.toString().equalsIgnoreCase(raw.trim())) {
                throw new IllegalArgumentException();
            }
            return uuid.toString();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a job id (a UUID such as 3f2b6c1e-8a4d-4c1e-9b7a-2d5e8f0a1b2c), got \""
                    + abbreviate(raw) + "\""));
            return null;
        }
    }

    private static JobDraft draft(JsonNode root, List<FieldError> errors) {
        JsonNode storyboard = root.get("storyboard");
        String videoName = optionalText(root, "video_name", errors);
        String videoUrl = optionalText(root, "video_url", errors);
        boolean auto = storyboard == null || storyboard.isNull() || storyboard.isTextual() && "auto".equals(storyboard.textValue());
        if (auto) {
            // made from the job's video once it has arrived (routes/storyboard.camel.yaml); no video: refused there
            return new JobDraft(UUID.randomUUID().toString(), videoName, videoUrl, null, List.of(),
                    AutoStoryboard.read(root.get("auto_storyboard"), errors), null);
        }
        if (storyboard.isTextual()) {
            errors.add(new FieldError("storyboard", "must be an object with a scenes list, or \"auto\" to make it from the video; got \""
                    + abbreviate(storyboard.textValue()) + "\""));
        }
        if (root.hasNonNull("auto_storyboard")) {
            errors.add(new FieldError("auto_storyboard", "applies only when the storyboard is made from the video (\"storyboard\": \"auto\", or none)"));
        }
        List<Scene> scenes = storyboard.isTextual() ? List.of() : StoryboardReader.read(storyboard, "storyboard", errors);
        return new JobDraft(UUID.randomUUID().toString(), videoName, videoUrl, storyboard.toString(), scenes);
    }

    private static String optionalText(JsonNode root, String field, List<FieldError> errors) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        if (value.textValue().length() > StoryboardReader.MAX_TEXT) {
            errors.add(new FieldError(field, "is longer than " + StoryboardReader.MAX_TEXT + " characters"));
            return null;
        }
        return value.textValue();
    }

    private static JsonNode object(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw new InvalidFields("body", "a JSON object is required");
        }
        JsonNode root = JSON.readTree(body);
        if (!root.isObject()) {
            throw new InvalidFields("body", "must be a JSON object");
        }
        return root;
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > 60 ? raw.substring(0, 60) + "..." : raw;
    }
}
