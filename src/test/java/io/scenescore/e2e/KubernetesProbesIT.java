package io.scenescore.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.scenescore.support.RunningService;
import io.scenescore.support.ServiceExtension;

/**
 * The probes of deploy/kubernetes/deployment.yaml, asked of the running service: each path answers 200 UP, the
 * liveness group leaves out what depends on the world outside the pod (Replicate's check, the consumers whose polls
 * fail while the database is away: no reason to restart a pod) and the readiness group has them.
 */
class KubernetesProbesIT {

    @RegisterExtension
    static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of());
    static RunningService service;

    static JsonNode container() throws Exception {
        JsonNode deployment = new YAMLMapper().readTree(Path.of("deploy/kubernetes/deployment.yaml").toFile());
        return deployment.at("/spec/template/spec/containers/0");
    }

    static List<String> checks(String path) throws Exception {
        HttpResponse<String> answer = service.get(path + "?exposureLevel=full");
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        JsonNode health = RunningService.json(answer.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        List<String> names = new ArrayList<>();
        health.path("checks").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void everyProbePathOfTheDeploymentAnswersUp() throws Exception {
        JsonNode c = container();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = c.at("/" + probe + "/httpGet/path").asText();
            HttpResponse<String> answer = service.get(path);
            assertThat(answer.statusCode()).as(probe + " " + path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
    }

    @Test
    void livenessLeavesReplicatesCheckOutAndReadinessHasIt() throws Exception {
        String live = container().at("/livenessProbe/httpGet/path").asText();
        String ready = container().at("/readinessProbe/httpGet/path").asText();

        // nothing outside the pod: neither Replicate nor a consumer whose polls fail while the database is away
        assertThat(checks(live)).contains("context").doesNotContain("replicate").noneMatch(c -> c.startsWith("consumer:"));
        assertThat(checks(ready)).contains("context", "replicate", "consumer:filedrop-inbox", "route:execute-run");
    }
}
