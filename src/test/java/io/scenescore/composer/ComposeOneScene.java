package io.scenescore.composer;

import java.nio.file.Path;

/** Composes {@link SceneComposerDeterminismTest#SCENE} in a JVM of its own, for the fresh-JVM determinism test. */
public final class ComposeOneScene {

    private ComposeOneScene() {
    }

    public static void main(String[] args) throws Exception {
        new SceneComposer().compose(SceneComposerDeterminismTest.SCENE, Double.parseDouble(args[1]),
                Long.parseLong(args[2]), null, Path.of(args[0]));
    }
}
