package io.answersite.emit;

import io.answersite.sink.SiteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Publishes the JSON Schemas shipped in the plugin at {@code /schemas/}: one per content kind (for
 * editors' tools: the same keys, types and required keys the build checks) and llms.json's.
 */
public final class Schemas {

    public static final List<String> FILES = List.of("answer", "guide", "checklist", "glossary", "topic", "hub", "llms");

    public int emit(SiteOutput output) {
        for (String name : FILES) {
            String resource = "schemas/" + name + ".schema.json";
            try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the plugin");
                }
                output.write(resource, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return FILES.size();
    }
}
