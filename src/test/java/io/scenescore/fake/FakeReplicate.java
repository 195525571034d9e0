package io.scenescore.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of Replicate's HTTP API running meta/musicgen, for tests. It follows
 * {@code /work/shared/REPLICATE.md}: predictions are created with {@code POST /v1/predictions},
 * move from {@code starting} to {@code processing} to {@code succeeded} over a configurable
 * latency, and their {@code output} is a URL to a real WAV (32 kHz, 16-bit, exactly
 * {@code duration} seconds; a continuation starts with the requested slice of its input).
 *
 * <pre>{@code
 * try (FakeReplicate replicate = FakeReplicate.start("test-token")) {
 *     replicate.setLatency(Duration.ofMillis(200));
 *     replicate.throttleNextCreates(1, 2, true);
 *     // point the application at replicate.baseUrl() with token "test-token"
 * }
 * }</pre>
 *
 * <p>Routes (all {@code /v1} routes need {@code Authorization: Bearer <token>}, or the older
 * {@code Token <token>}):
 * <ul>
 *   <li>{@code POST /v1/predictions}: 401, 429 (injected), 400 (not JSON), 422 (schema, see
 *   {@link MusicGenInputSchema}), else 201 with the prediction; honours {@code Prefer: wait[=N]}
 *   and {@code Cancel-After}.</li>
 *   <li>{@code GET /v1/predictions/{id}}, {@code POST /v1/predictions/{id}/cancel},
 *   {@code GET /v1/predictions} (all, newest first, {@code next: null}), {@code GET /v1/account}.</li>
 *   <li>{@code GET /files/{id}.wav} (no auth): the output of a succeeded prediction; also files
 *   put there with {@link #hostFile}.</li>
 * </ul>
 *
 * <p>Fault injection methods arm a fault for the next n matching requests; each request that
 * fires one consumes it; arming again replaces the earlier arming. Everything is thread-safe.
 */
public final class FakeReplicate implements AutoCloseable {

    public static final String DEFAULT_VERSION = "671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PREDICTION_PATH = Pattern.compile("/v1/predictions/([^/]+)(/cancel)?");
    private static final Pattern CANCEL_AFTER = Pattern.compile("((?:\\d+(?:\\.\\d+)?(?:h|ms|m|s))+|\\d+)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s)");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration MIN_CANCEL_AFTER = Duration.ofSeconds(5);

    private final String token;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ExecutorService modelThreads;
    private final HttpClient fetcher;
    private final LongSupplier clock = System::nanoTime;
    private final String baseUrl;
    private final String filesUrl;

    private final Map<String, FakePrediction> predictions = new ConcurrentHashMap<>();
    private final List<FakePrediction> creationOrder = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> hostedFiles = new ConcurrentHashMap<>();

    private volatile Duration latency = Duration.ofMillis(300);
    private volatile FakeMusicGen.PureTone pureTone;
    private volatile Duration maxPreferWait = Duration.ofSeconds(60);
    private volatile Duration dataRetention = Duration.ofHours(1);

    private final ArmedFault<Throttle> throttleCreates = new ArmedFault<>();
    private final ArmedFault<Integer> failPolls = new ArmedFault<>();
    private final ArmedFault<Boolean> dropDownloads = new ArmedFault<>();
    private final ArmedFault<Boolean> missDownloads = new ArmedFault<>();
    private final ArmedFault<String> failPredictions = new ArmedFault<>();
    private final ArmedFault<Boolean> stallPredictions = new ArmedFault<>();
    private final ArmedFault<Boolean> dropCreates = new ArmedFault<>();

    private final List<JsonNode> createRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> createdInputs = new CopyOnWriteArrayList<>();
    private final List<String> canceledIds = new CopyOnWriteArrayList<>();
    private final List<String> authHeadersSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttledCreates = new AtomicInteger();
    private final AtomicInteger createdPredictions = new AtomicInteger();
    private final AtomicInteger droppedCreates = new AtomicInteger();
    private final AtomicInteger pollCount = new AtomicInteger();
    private final Map<String, List<Long>> pollTimes = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger failedPolls = new AtomicInteger();
    private final AtomicInteger downloadCount = new AtomicInteger();
    private final AtomicInteger droppedDownloads = new AtomicInteger();
    private final AtomicInteger unauthorizedRequests = new AtomicInteger();
    private final AtomicInteger predictionCounter = new AtomicInteger();

    private record Throttle(int retryAfterSeconds, boolean withHeader) {
    }

    private FakeReplicate(String token) throws IOException {
        this.token = Objects.requireNonNull(token, "token");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // threads are made on demand and reused: a held `Prefer: wait` request must not starve the polls
        this.httpThreads = Executors.newCachedThreadPool(daemonThreads("fake-replicate-http"));
        this.modelThreads = Executors.newFixedThreadPool(2, daemonThreads("fake-replicate-model"));
        this.fetcher = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        int port = server.getAddress().getPort();
        this.baseUrl = "http://127.0.0.1:" + port + "/v1";
        this.filesUrl = "http://127.0.0.1:" + port + "/files/";
        server.createContext("/v1/", this::handleApi);
        server.createContext("/files/", this::handleFile);
        server.createContext("/", exchange -> handle(exchange, () -> sendJson(exchange, 404, notFound())));
        server.setExecutor(httpThreads);
        server.start();
    }

    /** Starts a fake on 127.0.0.1 on a free port that accepts {@code token}. */
    static {
        // answers leave at once, as Replicate's do: without TCP_NODELAY the JDK's server sends an answer's headers
        // and body in two writes, and Nagle's algorithm holds the second until the client's delayed ACK (40 ms on
        // Linux). Read once, when the JDK's HTTP server is first used in this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static FakeReplicate start(String token) {
        try {
            return new FakeReplicate(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Replicate server", e);
        }
    }

    /** The API root to configure as {@code REPLICATE_BASE_URL}, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        httpThreads.shutdownNow();
        modelThreads.shutdownNow();
    }

    // ---------------------------------------------------------------- settings

    /** Time from create to a terminal status for predictions created from now on (processing from a third of it). */
    public void setLatency(Duration latency) {
        this.latency = requireNonNegative(latency, "latency");
    }

    /** Upper bound on how long {@code Prefer: wait[=N]} holds a create (default 60 s, Replicate's own maximum). */
    public void setMaxPreferWait(Duration maxWait) {
        this.maxPreferWait = requireNonNegative(maxWait, "max Prefer wait");
    }

    /**
     * How long after completion a prediction's data and output file are removed, for predictions
     * created from now on (default one hour, as at Replicate; zero: never).
     */
    public void setDataRetention(Duration retention) {
        this.dataRetention = requireNonNegative(retention, "data retention");
    }

    /**
     * Predictions created from now on play a pure tone of {@code hz} at {@code dbfs} (a full-scale sine is 0 dBFS)
     * instead of a chord, so that a test can measure the music's level in a mix at that one frequency; a
     * non-positive {@code hz} goes back to chords.
     */
    public void playPureTone(double hz, double dbfs) {
        this.pureTone = hz > 0 ? new FakeMusicGen.PureTone(hz, dbfs) : null;
    }

    // ---------------------------------------------------------------- faults

    /** The next n creates answer 429 with {@code retry_after} in the body, and a {@code Retry-After} header if asked. */
    public void throttleNextCreates(int n, int retryAfterSeconds, boolean withHeader) {
        throttleCreates.arm(n, new Throttle(retryAfterSeconds, withHeader));
    }

    /** The next n {@code GET /v1/predictions/{id}} answer {@code status} with a JSON error body. */
    public void failNextPolls(int n, int status) {
        failPolls.arm(n, status);
    }

    /** The next n file downloads answer 404, as a file not yet (or no longer) on the delivery host. */
    public void missNextDownloads(int n) {
        missDownloads.arm(n, true);
    }

    /** The next n file downloads send the full Content-Length, half the body, then close the connection. */
    public void dropNextDownloads(int n) {
        dropDownloads.arm(n, true);
    }

    /** The next n created predictions end {@code failed} with {@code error} after the latency. */
    public void failNextPredictions(int n, String error) {
        failPredictions.arm(n, Objects.requireNonNull(error, "error"));
    }

    /** The next n created predictions stay {@code processing} until canceled. */
    public void stallNextPredictions(int n) {
        stallPredictions.arm(n, true);
    }

    /** The next n valid creates create their prediction, then close the connection without an answer. */
    public void failNextCreatesAfterCreating(int n) {
        dropCreates.arm(n, true);
    }

    /** Makes every existing output and hosted file answer 404, and marks succeeded predictions {@code data_removed}. */
    public void expireFiles() {
        hostedFiles.clear();
        for (FakePrediction prediction : creationOrder) {
            prediction.expireFiles();
        }
    }

    /**
     * Serves {@code bytes} without auth at {@code /files/NAME} until {@link #expireFiles()}, and returns
     * its URL: a way to hand the fake an input_audio of your own (any rate or channel count).
     */
    public String hostFile(String name, byte[] bytes) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("file name must be letters, digits, '.', '_' or '-': " + name);
        }
        hostedFiles.put(name, bytes.clone());
        return filesUrl + name;
    }

    /** Clears faults, counters and recorded requests; keeps predictions, files and settings. */
    public void reset() {
        for (ArmedFault<?> fault : List.of(throttleCreates, failPolls, dropDownloads, missDownloads, failPredictions, stallPredictions, dropCreates)) {
            fault.disarm();
        }
        pureTone = null;
        createRequests.clear();
        createdInputs.clear();
        pollTimes.clear();
        canceledIds.clear();
        authHeadersSeen.clear();
        for (AtomicInteger counter : List.of(throttledCreates, createdPredictions, droppedCreates, pollCount, failedPolls,
                downloadCount, droppedDownloads, unauthorizedRequests)) {
            counter.set(0);
        }
    }

    // ---------------------------------------------------------------- observations

    /** Bodies of every create that passed auth, in order: throttled, invalid and dropped ones included (non-JSON as a text node). */
    public List<JsonNode> createRequests() {
        return List.copyOf(createRequests);
    }

    /** The {@code input} of every prediction created, in order (unaffected by data removal). */
    public List<JsonNode> createdInputs() {
        return List.copyOf(createdInputs);
    }

    public int throttledCreates() {
        return throttledCreates.get();
    }

    public int createdPredictions() {
        return createdPredictions.get();
    }

    /** Creates that made a prediction and then dropped the connection ({@link #failNextCreatesAfterCreating}). */
    public int droppedCreates() {
        return droppedCreates.get();
    }

    /** Ids of every cancel request for a known prediction, in order (also when it was already terminal). */
    public List<String> canceledIds() {
        return List.copyOf(canceledIds);
    }

    /** {@code GET /v1/predictions/{id}} calls that passed auth, injected failures included. */
    /** When each prediction was polled, in milliseconds of a monotonic clock, in order. */
    public Map<String, List<Long>> pollTimes() {
        return Map.copyOf(pollTimes);
    }

    public int pollCount() {
        return pollCount.get();
    }

    public int failedPolls() {
        return failedPolls.get();
    }

    /** {@code GET /files/...} requests, dropped and 404 ones included (the model's own input fetches are not counted). */
    public int downloadCount() {
        return downloadCount.get();
    }

    public int droppedDownloads() {
        return droppedDownloads.get();
    }

    /** The {@code Authorization} header of every {@code /v1} request, in order ("" when absent). */
    public List<String> authHeadersSeen() {
        return List.copyOf(authHeadersSeen);
    }

    public int unauthorizedRequests() {
        return unauthorizedRequests.get();
    }

    /** The prediction as {@code GET /v1/predictions/{id}} would show it now (no counting, no faults). */
    public Optional<JsonNode> prediction(String id) {
        FakePrediction prediction = predictions.get(id);
        return prediction == null ? Optional.empty() : Optional.of(prediction.toJson(JSON));
    }

    /** Every prediction as it stands now, oldest first. */
    public List<JsonNode> predictions() {
        List<JsonNode> all = new ArrayList<>();
        for (FakePrediction prediction : creationOrder) {
            all.add(prediction.toJson(JSON));
        }
        return all;
    }

    /** The URL a prediction's output has (or will have) once it succeeds. */
    public String outputUrl(String id) {
        return filesUrl + id + ".wav";
    }

    // ---------------------------------------------------------------- HTTP: API

    private void handleApi(HttpExchange exchange) {
        handle(exchange, () -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authHeadersSeen.add(auth == null ? "" : auth);
            if (!authorized(auth)) {
                unauthorizedRequests.incrementAndGet();
                sendJson(exchange, 401, problem("Unauthenticated", "You did not pass a valid authentication token", 401));
                return;
            }
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            String method = exchange.getRequestMethod();
            if (path.equals("/v1/predictions")) {
                switch (method) {
                    case "POST" -> create(exchange);
                    case "GET" -> list(exchange);
                    default -> methodNotAllowed(exchange);
                }
                return;
            }
            Matcher m = PREDICTION_PATH.matcher(path);
            if (m.matches()) {
                boolean cancel = m.group(2) != null;
                if (cancel && method.equals("POST")) {
                    cancel(exchange, m.group(1));
                } else if (!cancel && method.equals("GET")) {
                    poll(exchange, m.group(1));
                } else {
                    methodNotAllowed(exchange);
                }
                return;
            }
            if (path.equals("/v1/account") && method.equals("GET")) {
                ObjectNode account = JSON.createObjectNode()
                        .put("type", "user").put("username", "scenescore-fake").put("name", "SceneScore fake");
                account.putNull("github_url");
                sendJson(exchange, 200, account);
                return;
            }
            sendJson(exchange, 404, notFound());
        });
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.trim().split("\\s+", 2);
        return parts.length == 2
                && (parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("Token"))
                && parts[1].equals(token);
    }

    private void create(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        createRequests.add(body == null ? new TextNode(new String(raw, StandardCharsets.UTF_8)) : body);

        Optional<Throttle> throttle = throttleCreates.fire();
        if (throttle.isPresent()) {
            throttledCreates.incrementAndGet();
            int seconds = throttle.get().retryAfterSeconds();
            if (throttle.get().withHeader()) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
            }
            ObjectNode answer = JSON.createObjectNode()
                    .put("detail", "Request was throttled. Your rate limit resets in ~" + seconds + "s.")
                    .put("status", 429)
                    .put("retry_after", seconds);
            sendJson(exchange, 429, answer);
            return;
        }
        if (body == null || body.isMissingNode()) {
            sendJson(exchange, 400, problem("Bad request", "The request body is not valid JSON", 400));
            return;
        }
        List<String> problems = MusicGenInputSchema.problems(body);
        long cancelAfterNanos;
        try {
            cancelAfterNanos = cancelAfterNanos(exchange.getRequestHeaders().getFirst("Cancel-After"));
        } catch (IllegalArgumentException e) {
            problems = new ArrayList<>(problems);
            problems.add(e.getMessage());
            cancelAfterNanos = -1;
        }
        if (!problems.isEmpty()) {
            StringBuilder detail = new StringBuilder();
            problems.forEach(p -> detail.append("- ").append(p).append('\n'));
            sendJson(exchange, 422, problem("Invalid input", detail.toString(), 422));
            return;
        }

        FakePrediction prediction = newPrediction(body, cancelAfterNanos);
        if (dropCreates.fire().isPresent()) {
            droppedCreates.incrementAndGet();
            throw new ConnectionDropped();
        }
        Duration wait = preferWait(exchange.getRequestHeaders().get("Prefer"));
        if (wait != null) {
            prediction.awaitTerminal(clock.getAsLong() + wait.toNanos());
        }
        sendJson(exchange, 201, prediction.toJson(JSON));
    }

    private FakePrediction newPrediction(JsonNode body, long cancelAfterNanos) {
        JsonNode input = body.get("input").deepCopy();
        int index = predictionCounter.incrementAndGet();
        boolean stalled = stallPredictions.fire().isPresent();
        String injectedError = stalled ? null : failPredictions.fire().orElse(null);
        long toneKey = toneKey(input, index);
        FakeMusicGen.PureTone tone = pureTone;
        CompletableFuture<FakeMusicGen.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
            FakeMusicGen.Outcome planned = FakeMusicGen.run(input, toneKey, this::fetchAudio);
            return tone == null || !planned.succeeded() ? planned : new FakeMusicGen.Outcome(null, planned.plan().withPureTone(tone));
        }, modelThreads);
        String id = newId();
        FakePrediction prediction = new FakePrediction(id, body.get("version").asText(), input, baseUrl, outputUrl(id),
                clock, latency.toNanos(), dataRetention.toNanos(), cancelAfterNanos, stalled, injectedError, outcome);
        predictions.put(id, prediction);
        creationOrder.add(prediction);
        createdInputs.add(input.deepCopy());
        createdPredictions.incrementAndGet();
        return prediction;
    }

    /** With a usable seed the tone depends only on the request (repeatable runs); without, on the prediction's number. */
    private static long toneKey(JsonNode input, int index) {
        String prompt = input.path("prompt").asText("");
        long seed = input.path("seed").asLong(0);
        if (seed != 0 && seed != -1) {
            return Objects.hash(prompt, seed);
        }
        return index * 7L + prompt.hashCode();
    }

    private void poll(HttpExchange exchange, String id) throws IOException {
        pollCount.incrementAndGet();
        pollTimes.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(System.nanoTime() / 1_000_000);
        Optional<Integer> failure = failPolls.fire();
        if (failure.isPresent()) {
            failedPolls.incrementAndGet();
            int status = failure.get();
            ObjectNode body = problem(reasonPhrase(status), "Injected failure by FakeReplicate", status);
            if (status == 429 || status == 503) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                body.put("retry_after", 1);
            }
            sendJson(exchange, status, body);
            return;
        }
        FakePrediction prediction = predictions.get(id);
        if (prediction == null) {
            sendJson(exchange, 404, notFound());
        } else {
            sendJson(exchange, 200, prediction.toJson(JSON));
        }
    }

    private void cancel(HttpExchange exchange, String id) throws IOException {
        FakePrediction prediction = predictions.get(id);
        if (prediction == null) {
            sendJson(exchange, 404, notFound());
            return;
        }
        canceledIds.add(id);
        prediction.cancel();
        sendJson(exchange, 200, prediction.toJson(JSON));
    }

    private void list(HttpExchange exchange) throws IOException {
        ObjectNode page = JSON.createObjectNode();
        page.putNull("previous");
        page.putNull("next");
        ArrayNode results = page.putArray("results");
        List<FakePrediction> all = new ArrayList<>(creationOrder);
        for (int i = all.size() - 1; i >= 0; i--) {
            results.add(all.get(i).toJson(JSON));
        }
        sendJson(exchange, 200, page);
    }

    private void methodNotAllowed(HttpExchange exchange) throws IOException {
        sendJson(exchange, 405, problem("Method not allowed",
                "Method \"" + exchange.getRequestMethod() + "\" not allowed.", 405));
    }

    /** {@code Prefer: wait} (60 s) or {@code wait=N} (N clamped to 1..60), capped by {@link #setMaxPreferWait}; null without. */
    private Duration preferWait(List<String> headers) {
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String preference : header.split(",")) {
                String p = preference.trim();
                if (p.equalsIgnoreCase("wait") || p.toLowerCase().startsWith("wait=")) {
                    long seconds = 60;
                    if (p.contains("=")) {
                        try {
                            seconds = Math.max(1, Math.min(60, Long.parseLong(p.substring(p.indexOf('=') + 1).trim())));
                        } catch (NumberFormatException e) {
                            seconds = 60;
                        }
                    }
                    Duration wait = Duration.ofSeconds(seconds);
                    return wait.compareTo(maxPreferWait) > 0 ? maxPreferWait : wait;
                }
            }
        }
        return null;
    }

    /** Parses {@code Cancel-After} ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, or bare seconds), at least 5 s; -1 without. */
    static long cancelAfterNanos(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String value = header.trim();
        if (!CANCEL_AFTER.matcher(value).matches()) {
            throw new IllegalArgumentException("Cancel-After: \"" + value + "\" is not a duration such as 30s, 5m or 1h30m");
        }
        Duration total = Duration.ZERO;
        if (value.chars().allMatch(Character::isDigit)) {
            total = Duration.ofSeconds(Long.parseLong(value));
        } else {
            Matcher part = DURATION_PART.matcher(value);
            while (part.find()) {
                double amount = Double.parseDouble(part.group(1));
                long unitMillis = switch (part.group(2)) {
                    case "h" -> 3_600_000L;
                    case "m" -> 60_000L;
                    case "s" -> 1_000L;
                    default -> 1L;
                };
                total = total.plusMillis(Math.round(amount * unitMillis));
            }
        }
        return (total.compareTo(MIN_CANCEL_AFTER) < 0 ? MIN_CANCEL_AFTER : total).toNanos();
    }

    // ---------------------------------------------------------------- HTTP: files

    private void handleFile(HttpExchange exchange) {
        handle(exchange, () -> {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                methodNotAllowed(exchange);
                return;
            }
            downloadCount.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring("/files/".length());
            byte[] bytes = fileBytes(name);
            if (bytes == null || (!method.equals("HEAD") && missDownloads.fire().isPresent())) {
                sendJson(exchange, 404, notFound());
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".wav") ? "audio/wav" : "application/octet-stream");
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            boolean drop = dropDownloads.fire().isPresent();
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            if (drop) {
                droppedDownloads.incrementAndGet();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                throw new ConnectionDropped();
            }
            out.write(bytes);
        });
    }

    /** A hosted file, or the output WAV of a succeeded prediction whose data is still there; else null. */
    private byte[] fileBytes(String name) {
        byte[] hosted = hostedFiles.get(name);
        if (hosted != null) {
            return hosted;
        }
        if (!name.endsWith(".wav")) {
            return null;
        }
        FakePrediction prediction = predictions.get(name.substring(0, name.length() - ".wav".length()));
        if (prediction == null) {
            return null;
        }
        FakePrediction.State state = prediction.state();
        return state.hasOutput() ? state.plan().render().toWavBytes() : null;
    }

    /**
     * What the model does with {@code input_audio}: this fake's own file URLs are read directly (not
     * counted as downloads, never dropped), other http(s) URLs are fetched, data URLs decoded.
     */
    private byte[] fetchAudio(String url) throws IOException {
        if (url.startsWith("data:")) {
            return decodeDataUrl(url);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid URL");
        }
        if (isOwnFile(uri)) {
            byte[] bytes = fileBytes(uri.getPath().substring("/files/".length()));
            if (bytes == null) {
                throw new IOException("HTTP 404 Not Found");
            }
            return bytes;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<byte[]> response = fetcher.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    private boolean isOwnFile(URI uri) {
        String host = uri.getHost();
        return "http".equals(uri.getScheme()) && uri.getPort() == port()
                && host != null && (host.equals("127.0.0.1") || host.equals("localhost"))
                && uri.getPath() != null && uri.getPath().startsWith("/files/");
    }

    static byte[] decodeDataUrl(String url) throws IOException {
        int comma = url.indexOf(',');
        if (comma < 0) {
            throw new IOException("data URL has no ',' before its payload");
        }
        String meta = url.substring("data:".length(), comma);
        String payload = url.substring(comma + 1);
        if (meta.endsWith(";base64")) {
            try {
                return Base64.getDecoder().decode(payload.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw new IOException("data URL payload is not base64: " + e.getMessage());
            }
        }
        return URLDecoder.decode(payload, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- plumbing

    private interface ExchangeWork {
        void run() throws IOException, InterruptedException;
    }

    /** Thrown to make the JDK server close the connection without (finishing) an answer. */
    private static final class ConnectionDropped extends RuntimeException {
        ConnectionDropped() {
            super("connection dropped on purpose by FakeReplicate", null, false, false);
        }
    }

    private void handle(HttpExchange exchange, ExchangeWork work) {
        try {
            work.run();
            exchange.close();
        } catch (ConnectionDropped e) {
            throw e; // the JDK server closes the connection on an exception from a handler
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionDropped();
        } catch (IOException e) {
            exchange.close(); // the client went away
        } catch (RuntimeException e) {
            try {
                sendJson(exchange, 500, problem("Internal Server Error", "FakeReplicate bug: " + e, 500));
            } catch (IOException | RuntimeException ignored) {
                // headers may already be out; closing is all that is left
            }
            exchange.close();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode problem(String title, String detail, int status) {
        return JSON.createObjectNode().put("title", title).put("detail", detail).put("status", status);
    }

    private static ObjectNode notFound() {
        return JSON.createObjectNode().put("detail", "Not found.");
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error " + status;
        };
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static Duration requireNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A fault armed for the next n uses, with its parameter; consumed atomically. */
    private static final class ArmedFault<T> {
        private record Armed<T>(int remaining, T parameter) {
        }

        private final AtomicReference<Armed<T>> armed = new AtomicReference<>();

        void arm(int n, T parameter) {
            if (n < 0) {
                throw new IllegalArgumentException("n must be >= 0, was " + n);
            }
            armed.set(n == 0 ? null : new Armed<>(n, parameter));
        }

        void disarm() {
            armed.set(null);
        }

        Optional<T> fire() {
            while (true) {
                Armed<T> current = armed.get();
                if (current == null) {
                    return Optional.empty();
                }
                Armed<T> next = current.remaining() > 1 ? new Armed<>(current.remaining() - 1, current.parameter()) : null;
                if (armed.compareAndSet(current, next)) {
                    return Optional.of(current.parameter());
                }
            }
        }
    }
}
