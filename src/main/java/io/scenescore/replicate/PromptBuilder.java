package io.scenescore.replicate;

import java.util.ArrayList;
import java.util.List;

import io.scenescore.job.AudioParams;
import io.scenescore.job.Scene;

/**
 * The text MusicGen is asked for: a scene's own prompt as is, else one built from what the scene says
 * (its description, the music it asks for, style, energy, title), with the run's style prompt added.
 */
public final class PromptBuilder {

    private final String defaultStyle;

    public PromptBuilder(String defaultStyle) {
        this.defaultStyle = defaultStyle == null ? "" : defaultStyle.strip();
    }

    public String prompt(Scene scene, AudioParams params) {
        if (present(scene.prompt())) {
            return scene.prompt().strip();
        }
        List<String> parts = new ArrayList<>();
        if (present(scene.musicDescription())) {
            parts.add(scene.musicDescription().strip());
        }
        if (present(scene.musicStyle())) {
            parts.add(scene.musicStyle().strip() + " style");
        }
        if (present(scene.musicEnergy())) {
            parts.add(scene.musicEnergy().strip() + " energy");
        }
        if (present(scene.description())) {
            parts.add("music for a scene: " + scene.description().strip());
        }
        if (present(scene.title())) {
            parts.add("\"" + scene.title().strip() + "\"");
        }
        String style = present(params.prompt()) ? params.prompt().strip() : defaultStyle;
        if (!style.isEmpty()) {
            parts.add(style);
        }
        return String.join(", ", parts);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
