package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.scenescore.reload.RouteFileProblem;

/** A route file that does not load is reported by file name and line, in one line an operator can act on. */
class RouteFileProblemTest {

    @Test
    void aYamlErrorGivesTheLineAndColumnOfTheProblem() {
        String yaml = "- route:\n    id: a\n    from:\n      uri: timer:x\n     steps: [oops\n";
        Exception failure = new IllegalStateException("Error pre-parsing resource", parse(yaml));

        RouteFileProblem problem = RouteFileProblem.of("/srv/scenescore/routes/api.camel.yaml", failure);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.summary()).startsWith("api.camel.yaml, line 5: column ").doesNotContain("\n").doesNotContain("/srv");
        assertThat(problem.file()).isEqualTo("/srv/scenescore/routes/api.camel.yaml");
    }

    @Test
    void anyOtherFailureGivesItsDeepestMessage() {
        Exception failure = new RuntimeException("Failed to create route: api-create-job",
                new IllegalArgumentException("No bean could be found in the registry for: noSuchBean"));

        RouteFileProblem problem = RouteFileProblem.of("routes/api.camel.yaml", failure);

        assertThat(problem.line()).isNull();
        assertThat(problem.summary()).isEqualTo("api.camel.yaml: No bean could be found in the registry for: noSuchBean");
    }

    private static Exception parse(String yaml) {
        try {
            new Load(LoadSettings.builder().build()).loadFromString(yaml);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("the YAML parsed: " + yaml);
    }
}
