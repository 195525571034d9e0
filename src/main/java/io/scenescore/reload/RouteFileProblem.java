package io.scenescore.reload;

import java.nio.file.Path;
import java.util.Optional;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** A route file that could not be loaded: which file, at which line (1-based, when the parser knows), and why. */
public record RouteFileProblem(String file, Integer line, String reason) {

    /**
     * The problem a failed load reports. The file is the one the YAML parser points at when it does (a reload
     * also retries files that failed before), else {@code changed}, the file whose change was being loaded.
     */
    public static RouteFileProblem of(String changed, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked) {
                Optional<Mark> at = marked.getProblemMark().or(marked::getContextMark);
                if (at.isPresent()) {
                    String file = at.get().getName() != null && at.get().getName().startsWith("file:")
                            ? at.get().getName().substring("file:".length()) : changed;
                    return new RouteFileProblem(file, at.get().getLine() + 1, yamlReason(marked, at.get()));
                }
            }
        }
        return new RouteFileProblem(changed, null, deepestMessage(failure));
    }

    /**
     * One line for the operator: "api.camel.yaml, line 12: ...". The file's name only: the route files share one
     * folder, and Camel's health answer would escape every slash of a path.
     */
    public String summary() {
        return Path.of(file).getFileName() + (line == null ? "" : ", line " + line) + ": " + reason;
    }

    private static String yamlReason(MarkedYamlEngineException marked, Mark at) {
        String problem = marked.getProblem() == null ? "invalid YAML" : oneLine(marked.getProblem());
        Optional<Mark> contextMark = marked.getContextMark();
        String context = marked.getContext() == null || contextMark.isEmpty() || contextMark.get() == at ? ""
                : " (" + oneLine(marked.getContext()) + " at line " + (contextMark.get().getLine() + 1) + ")";
        return "column " + (at.getColumn() + 1) + ": " + problem + context;
    }

    private static String deepestMessage(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return oneLine(deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage());
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
