package io.answersite.config;

/** An author pages can name by id; {@code url} may be null. {@code type} is Person or Organization. */
public record Author(String id, String name, String url, String type) {
}
