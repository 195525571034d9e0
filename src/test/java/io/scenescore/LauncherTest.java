package io.scenescore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a person meets on the command line: help, an unknown command, a refused storyboard. */
class LauncherTest {

    record Run(int exit, String out) {
    }

    /** The real main() in a child JVM, as the launcher runs it. */
    private static Run main(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SceneScore.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void helpPrintsTheCommandsAndSettingsInsteadOfStartingTheService() throws Exception {
        for (String help : List.of("--help", "-h", "help")) {
            Run run = main(help);

            assertThat(run.exit()).as(help).isZero();
            assertThat(run.out()).as(help).isEqualTo(SceneScore.HELP)
                    .contains("scenescore score STORYBOARD.json", "run the service", "SCENESCORE_PORT", "SCENESCORE_FFMPEG");
        }
    }

    @Test
    void anUnknownCommandSaysSoAndFails() throws Exception {
        Run run = main("scroe", "examples/storyboard.json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith("scenescore: unknown command 'scroe'").contains("--help");
    }

    @Test
    void aRefusedStoryboardIsOnePlainLinePerField() {
        String problem = """
                {"type":"about:blank","title":"Invalid request","status":422,"detail":"the storyboard is invalid",
                 "errors":[{"field":"storyboard.scenes[0].duration","message":"must be greater than 0, got -1"},
                           {"field":"storyboard.scenes[1].title","message":"is required"}]}""";

        assertThat(OneShotScoring.refusal(422, problem).lines().toList()).containsExactly(
                "scenescore: the storyboard was refused:",
                "storyboard.scenes[0].duration: must be greater than 0, got -1",
                "storyboard.scenes[1].title: is required");
    }

    @Test
    void aRefusalWithoutFieldsIsItsDetail() {
        assertThat(OneShotScoring.refusal(400, "{\"title\":\"Malformed JSON\",\"status\":400,\"detail\":\"the body is not valid JSON\"}"))
                .isEqualTo("scenescore: the storyboard was refused: the body is not valid JSON" + System.lineSeparator());
        assertThat(OneShotScoring.refusal(502, "Bad gateway"))
                .isEqualTo("scenescore: the storyboard was refused (HTTP 502): Bad gateway" + System.lineSeparator());
    }
}
