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

    /**
     * A request to make one scene again (POST /audio/{job_id}/scenes/{index}/regenerate, or NAME.regenerate.json):
     * the scene's new words (only those given, as a JSON object), a seed for this run, and whether the scenes after
     * it are made again too. {@code scene} is the index a dropped file names (null over HTTP: the path names it);
     * {@code webhook} the run's webhook, as any request that starts a run may give one (null: none).
     */
    public record RegenerateRequest(String overridesJson, Long seed, boolean following, Integer scene, WebhookSubscription webhook) {

        /** The webhook's URL, null without one (queue-regenerate.sql stores it with the run). */
        public String webhookUrl() {
            return webhook == null ? null : webhook.url();
        }

        /** The webhook's events, comma-separated; null without a webhook. */
        public String webhookEvents() {
            return webhook == null ? null : webhook.eventList();
        }
    }

    /** The fields a regenerate body may hold, beside {@code scene} in a dropped file. */
    static final List<String> REGENERATE_FIELDS = List.of("prompt", "description", "music_description", "music_style",
            "music_energy", "title", "seed", "following", "webhook_url", "webhook_events");
    private static final List<String> SCENE_WORDS = List.of("prompt", "description", "music_description", "music_style",
            "music_energy", "title");

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

    /** The body of a regenerate call (optional: none or {} makes the scene again as it is). */
    public RegenerateRequest readRegenerate(String body) throws JsonProcessingException {
        return readRegenerate(body == null || body.isBlank() ? "{}" : body, false);
    }

    /** A dropped NAME.regenerate.json: a regenerate body with the scene's index in {@code scene}. */
    public RegenerateRequest readDroppedRegenerate(String body) throws JsonProcessingException {
        return readRegenerate(body, true);
    }

    private RegenerateRequest readRegenerate(String body, boolean dropped) throws JsonProcessingException {
        JsonNode root = object(body);
        List<FieldError> errors = new ArrayList<>();
        List<String> known = new ArrayList<>(REGENERATE_FIELDS);
        if (dropped) {
            known.add(0, "scene");
        }
        for (java.util.Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "is not a known field; known: " + String.join(", ", known)));
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode overrides = JSON.createObjectNode();
        for (String field : SCENE_WORDS) {
            JsonNode value = root.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                errors.add(new FieldError(field, "must be a string"));
            } else if (value.textValue().length() > StoryboardReader.MAX_TEXT) {
                errors.add(new FieldError(field, "is " + value.textValue().length() + " characters long; the limit is "
                        + StoryboardReader.MAX_TEXT));
            } else {
                overrides.put(field, value.textValue());
            }
        }
        Long seed = null;
        JsonNode s = root.get("seed");
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                errors.add(new FieldError("seed", "must be an integer"));
            } else {
                seed = s.longValue();
            }
        }
        boolean following = false;
        JsonNode f = root.get("following");
        if (f != null && !f.isNull()) {
            if (!f.isBoolean()) {
                errors.add(new FieldError("following", "must be true or false"));
            } else {
                following = f.booleanValue();
            }
        }
        WebhookSubscription webhook = webhook(root, errors);
        Integer scene = null;
        if (dropped) {
            JsonNode n = root.get("scene");
            if (n == null || n.isNull()) {
                errors.add(new FieldError("scene", "is required: the index of the scene to make again (0 is the first)"));
            } else if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
                errors.add(new FieldError("scene", "must be a scene index (a whole number from 0), got " + n));
            } else {
                scene = n.intValue();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new RegenerateRequest(JSON.writeValueAsString(overrides), seed, following, scene, webhook);
    }

    /** A scene index from a path: a whole number (an index the job does not have is a 404 later). */
    public int sceneIndex(String raw) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFields("index", "must be a scene index (a whole number from 0), got \"" + abbreviate(raw) + "\"");
        }
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

    /** A version number from a query (?version=N): null when none is asked for, else a whole number from 1. */
    public Integer version(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int version = Integer.parseInt(raw.strip());
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidFields("version", "must be a version number (a whole number from 1), got \"" + abbreviate(raw) + "\"");
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
