package io.scenescore.composer;

/** What the composer reads of a scene. Any text field may be null. */
public record ComposerScene(int index, String title, String description, String musicDescription,
                            String musicStyle, String musicEnergy, String prompt) {}
