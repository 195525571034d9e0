package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/kubernetes/ read as Kubernetes would: every manifest parses, and what makes the deployment work agrees with
 * the service itself: replicas, probes on Camel's health groups, a grace period that covers the graceful stop, the
 * routes' ConfigMap generated from every file in routes/ and mounted where the service reads them, placeholders
 * only in the Secrets, the database URL on CloudNativePG's primary. kubectl (kustomize) and the schema check run when
 * they are installed.
 */
class KubernetesManifestsTest {

    static final Path DIR = Path.of("deploy/kubernetes");
    static final YAMLMapper YAML = new YAMLMapper();

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        }
    }

    static JsonNode only(String kind) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (Path file : manifests()) {
            documents(file).stream().filter(d -> d.path("kind").asText().equals(kind)).forEach(found::add);
        }
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    static JsonNode deployment() throws IOException {
        return only("Deployment");
    }

    static JsonNode container() throws IOException {
        return deployment().at("/spec/template/spec/containers/0");
    }

    static String env(String name) throws IOException {
        for (JsonNode e : container().path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("application.properties"))) {
            p.load(in);
        }
        return p;
    }

    static JsonNode kustomization() throws IOException {
        return documents(DIR.resolve("kustomization.yaml")).get(0);
    }

    @Test
    void everyManifestIsAKubernetesObjectWithAKindAndAName() throws IOException {
        List<Path> files = manifests();
        assertThat(files).extracting(f -> f.getFileName().toString()).contains("deployment.yaml", "service.yaml", "pdb.yaml",
                "secrets.example.yaml", "postgres-cnpg.yaml", "postgres-external.yaml");
        for (Path file : files) {
            List<JsonNode> docs = documents(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            for (JsonNode doc : docs) {
                assertThat(doc.path("apiVersion").asText()).as(file + ": apiVersion").isNotBlank();
                assertThat(doc.path("kind").asText()).as(file + ": kind").isNotBlank();
                assertThat(doc.at("/metadata/name").asText()).as(file + ": metadata.name").matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            }
        }
        assertThat(kustomization().path("kind").asText()).isEqualTo("Kustomization");
    }

    @Test
    void theDeploymentRunsTwoOrMoreReplicasProbedOnCamelsLivenessAndReadinessGroups() throws IOException {
        JsonNode d = deployment();
        assertThat(d.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode c = container();
        // the paths camel-platform-http-main's management server serves (KubernetesProbesIT asks the running service)
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/observe/health/live");
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/observe/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/observe/health/ready");
        assertThat(c.at("/ports/0/name").asText()).isEqualTo("http");
        assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(Integer.parseInt(env("SCENESCORE_PORT")));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(c.at("/" + probe + "/httpGet/port").asText()).isEqualTo("http");
        }
        // the roll-out keeps every ready pod until the new one is ready
        assertThat(d.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    @Test
    void aStoppingPodHasTimeToHandItsRunsOver() throws IOException {
        JsonNode preStop = container().at("/lifecycle/preStop/exec/command");
        assertThat(preStop.get(0).asText()).isEqualTo("sleep");
        int pause = preStop.get(1).asInt();
        int shutdownTimeout = Integer.parseInt(applicationProperties().getProperty("camel.main.shutdown-timeout").trim());
        int grace = deployment().at("/spec/template/spec/terminationGracePeriodSeconds").asInt();
        // the pause, Camel's graceful stop (in-flight runs interrupted, then LeaseRelease gives their leases up),
        // and 10 s for the lease release and the JVM's exit
        assertThat(pause).isBetween(1, 30);
        assertThat(pause + shutdownTimeout + 10).as("preStop %d s + shutdown-timeout %d s + 10 s", pause, shutdownTimeout)
                .isLessThanOrEqualTo(grace);
    }

    @Test
    void memoryRequestsLimitsAndTheHeapAgree() throws IOException {
        JsonNode resources = container().path("resources");
        long request = bytes(resources.at("/requests/memory").asText());
        long limit = bytes(resources.at("/limits/memory").asText());
        assertThat(request).isPositive().isLessThanOrEqualTo(limit);
        Matcher heap = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(env("JAVA_TOOL_OPTIONS"));
        assertThat(heap.find()).isTrue();
        int percent = Integer.parseInt(heap.group(1));
        // the JVM's own memory and FFmpeg's processes need the rest (README "Kubernetes": measured)
        assertThat(percent).isBetween(25, 60);
        assertThat(limit * percent / 100).as("heap").isGreaterThanOrEqualTo(bytes("384Mi"));
    }

    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as(quantity).isTrue();
        return Long.parseLong(m.group(1)) << (m.group(2).equals("Gi") ? 30 : 20);
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() throws IOException {
        JsonNode labels = deployment().at("/spec/template/metadata/labels");
        JsonNode service = deploymentService();
        assertThat(selects(only("PodDisruptionBudget").at("/spec/selector/matchLabels"), labels)).isTrue();
        assertThat(selects(deployment().at("/spec/selector/matchLabels"), labels)).isTrue();
        assertThat(only("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isBetween(1, deployment().at("/spec/replicas").asInt() - 1);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(selects(service.at("/spec/selector"), labels)).isTrue();
    }

    /** The Service in service.yaml (postgres-external.yaml holds another, for the database). */
    static JsonNode deploymentService() throws IOException {
        return documents(DIR.resolve("service.yaml")).get(0);
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        assertThat(selector.isEmpty()).isFalse();
        List<String> missing = new ArrayList<>();
        selector.fields().forEachRemaining(e -> {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                missing.add(e.getKey());
            }
        });
        return missing.isEmpty();
    }

    @Test
    void theRoutesConfigMapIsGeneratedFromEveryRouteFileAndMountedWhereTheServiceReadsThem() throws IOException {
        Set<String> routeFiles;
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            routeFiles = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).collect(Collectors.toCollection(TreeSet::new));
        }
        JsonNode generators = kustomization().path("configMapGenerator");
        Set<String> listed = new TreeSet<>();
        String routesMap = null;
        String configMap = null;
        for (JsonNode g : generators) {
            for (JsonNode f : g.path("files")) {
                Path file = DIR.resolve(f.asText()).normalize();
                assertThat(file).as(f.asText()).isRegularFile();
                if (file.startsWith("routes")) {
                    listed.add(file.getFileName().toString());
                    routesMap = g.path("name").asText();
                } else if (file.equals(Path.of("application.properties"))) {
                    configMap = g.path("name").asText();
                }
            }
        }
        assertThat(listed).as("routes/*.camel.yaml in kustomization.yaml's configMapGenerator").isEqualTo(routeFiles);
        assertThat(configMap).as("application.properties in a generated ConfigMap").isNotNull();

        // the service reads file:routes/*.camel.yaml and ./application.properties in its working directory
        String workdir = dockerfileWorkdir();
        assertThat(applicationProperties().getProperty("camel.main.routes-include-pattern").trim()).isEqualTo("file:routes/*.camel.yaml");
        String routesVolume = volumeOfConfigMap(routesMap);
        String configVolume = volumeOfConfigMap(configMap);
        assertThat(mountPath(routesVolume)).isEqualTo(workdir + "/routes");
        assertThat(mountPath(configVolume)).isEqualTo(workdir + "/application.properties");
        assertThat(mountOf(configVolume).path("subPath").asText()).isEqualTo("application.properties");
    }

    static String dockerfileWorkdir() throws IOException {
        Matcher m = Pattern.compile("(?m)^WORKDIR (\\S+)$").matcher(Files.readString(Path.of("Dockerfile")));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).isNotNull();
        return last;
    }

    static String volumeOfConfigMap(String name) throws IOException {
        for (JsonNode v : deployment().at("/spec/template/spec/volumes")) {
            if (v.at("/configMap/name").asText().equals(name)) {
                return v.path("name").asText();
            }
        }
        throw new AssertionError("no volume of ConfigMap " + name);
    }

    static JsonNode mountOf(String volume) throws IOException {
        for (JsonNode m : container().path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m;
            }
        }
        throw new AssertionError("volume " + volume + " is not mounted");
    }

    static String mountPath(String volume) throws IOException {
        return mountOf(volume).path("mountPath").asText();
    }

    @Test
    void theImageIsTheOneKustomizeSetsAndTheDockerfileBuilds() throws IOException {
        String image = container().path("image").asText();
        assertThat(kustomization().at("/images/0/name").asText()).isEqualTo(image.substring(0, image.indexOf(':')));
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("ENV SCENESCORE_DATA_DIR=/data SCENESCORE_CACHE_DIR=/app/cache");
        assertThat(env("SCENESCORE_DATA_DIR")).isEqualTo("/data");
        assertThat(mountPath("data")).isEqualTo("/data");
        assertThat(mountPath("cache")).isEqualTo("/app/cache");
    }

    static final Pattern REAL_LOOKING = Pattern.compile("r8_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9+/=]{16,}|(?i)password\\s*[:=]\\s*[^\"<\\s]{6,}");

    @Test
    void secretsHoldPlaceholdersOnlyAndTheDeploymentReadsEveryKeyFromThem() throws IOException {
        List<JsonNode> secrets = documents(DIR.resolve("secrets.example.yaml"));
        Set<String> keys = new TreeSet<>();
        for (JsonNode s : secrets) {
            assertThat(s.path("kind").asText()).isEqualTo("Secret");
            assertThat(s.has("data")).as("base64 data would hide what is in it").isFalse();
            s.path("stringData").fields().forEachRemaining(e -> {
                keys.add(s.at("/metadata/name").asText() + "/" + e.getKey());
                if (!e.getKey().equals("username")) {
                    assertThat(e.getValue().asText()).as(e.getKey()).matches(".*<[a-z0-9-]+>.*");
                }
            });
        }
        for (JsonNode e : container().path("env")) {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(keys).contains(ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        assertThat(keys).contains("scenescore-secrets/REPLICATE_API_TOKEN", "scenescore-secrets/SCENESCORE_API_KEY",
                "scenescore-secrets/SCENESCORE_WEBHOOK_SECRET", "scenescore-db-app/password");
        // no manifest carries anything that looks like a real token or password
        for (Path file : manifests()) {
            assertThat(REAL_LOOKING.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
        }
    }

    @Test
    void theDatabaseUrlNamesTheCloudNativePgPrimaryOrItsExternalStandIn() throws IOException {
        JsonNode cluster = only("Cluster");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        String primary = cluster.at("/metadata/name").asText() + "-rw";
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();
        assertThat(env("SCENESCORE_DB_URL")).isEqualTo("jdbc:postgresql://" + primary + ":5432/" + database);
        JsonNode external = documents(DIR.resolve("postgres-external.yaml")).get(0);
        assertThat(external.at("/metadata/name").asText()).isEqualTo(primary);
        assertThat(external.at("/spec/type").asText()).isEqualTo("ExternalName");
        // CloudNativePG makes the user with the password the Deployment reads
        String secret = cluster.at("/spec/bootstrap/initdb/secret/name").asText();
        assertThat(container().path("env").findValues("secretKeyRef")).anySatisfy(ref -> {
            assertThat(ref.path("name").asText()).isEqualTo(secret);
            assertThat(ref.path("key").asText()).isEqualTo("password");
        });
    }

    @Test
    void kustomizeBuildsItAndTheBuiltObjectsPassTheKubernetesSchemas() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        String built = run(List.of("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", DIR.toString()), null);
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(built)) {
            it.forEachRemaining(objects::add);
        }
        JsonNode routes = objects.stream().filter(o -> o.path("kind").asText().equals("ConfigMap")
                && o.at("/metadata/name").asText().startsWith("scenescore-routes-")).findFirst().orElseThrow();
        assertThat(routes.path("data").has("run.camel.yaml")).isTrue();
        assertThat(routes.at("/data/run.camel.yaml").asText()).isEqualTo(Files.readString(Path.of("routes/run.camel.yaml")));
        // the Deployment names the ConfigMap by its hashed name: a changed route file rolls the pods
        assertThat(built).contains("name: " + routes.at("/metadata/name").asText());

        Path validator = DIR.resolve("validate");
        assumeTrue(onPath("node") && Files.isDirectory(validator.resolve("node_modules")),
                "the schema check needs node and npm ci --prefix deploy/kubernetes/validate");
        String report = run(List.of("node", validator.resolve("validate.js").toString()), built);
        assertThat(report).contains("valid Deployment scenescore", "valid Service scenescore", "valid PodDisruptionBudget scenescore")
                .doesNotContain("INVALID");
        for (String file : List.of("secrets.example.yaml", "postgres-external.yaml")) {
            assertThat(run(List.of("node", validator.resolve("validate.js").toString()), Files.readString(DIR.resolve(file))))
                    .doesNotContain("INVALID").contains("valid ");
        }
    }

    static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    static String run(List<String> command, String stdin) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            p.getOutputStream().close();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
