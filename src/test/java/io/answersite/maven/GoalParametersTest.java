package io.answersite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor the maven-plugin-plugin generates: each goal advertises exactly the
 * parameters it reads, and every parameter a user can set has a description.
 */
class GoalParametersTest {

    /** Per goal: its parameters in descriptor order (by name), each with whether a user may set it. */
    private static Map<String, List<Parameter>> goals;

    record Parameter(String name, boolean editable, String description) {
    }

    @BeforeAll
    static void readDescriptor() throws Exception {
        goals = new TreeMap<>();
        try (InputStream in = GoalParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the plugin descriptor is generated into target/classes by the build");
            Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList mojos = descriptor.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                List<Parameter> parameters = new ArrayList<>();
                NodeList nodes = ((Element) mojo.getElementsByTagName("parameters").item(0))
                        .getElementsByTagName("parameter");
                for (int j = 0; j < nodes.getLength(); j++) {
                    Element parameter = (Element) nodes.item(j);
                    parameters.add(new Parameter(text(parameter, "name"),
                            Boolean.parseBoolean(text(parameter, "editable")), text(parameter, "description")));
                }
                goals.put(text(mojo, "goal"), parameters);
            }
        }
    }

    private static String text(Element parent, String child) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(child)) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }

    private static List<String> names(String goal) {
        return goals.get(goal).stream().map(Parameter::name).toList();
    }

    @Test
    void buildAdvertisesTheFoldersTheCacheTheLockAndTheNginxSnippet() {
        assertEquals(List.of("baseUrl", "basedir", "cache", "cacheDir", "config", "contentDir", "drafts", "lockWait",
                "nginxFile", "outputDir", "plugin", "reportDir", "session", "staticDir", "templatesDir"),
                names("build"));
    }

    @Test
    void checkAdvertisesWhatABuildReadsButNeitherCacheNorLockNorNginxSnippet() {
        assertEquals(List.of("baseUrl", "basedir", "config", "contentDir", "drafts", "outputDir", "plugin",
                "reportDir", "session", "staticDir", "templatesDir"), names("check"));
    }

    @Test
    void serveAdvertisesTheSourcesItWatchesAndWhereItListensButNoReports() {
        assertEquals(List.of("baseUrl", "basedir", "bind", "config", "contentDir", "drafts", "outputDir", "port",
                "session", "staticDir", "templatesDir"), names("serve"));
    }

    @Test
    void newAdvertisesTheSiteAndThePageToWriteOnly() {
        assertEquals(List.of("basedir", "config", "contentDir", "id", "lang", "templatesDir", "title", "topic",
                "type"), names("new"));
    }

    @Test
    void reviewAdvertisesTheContentTheReportFolderAndTheDaysAhead() {
        assertEquals(List.of("basedir", "config", "contentDir", "reportDir", "reviewDays"), names("review"));
    }

    @Test
    void everyParameterAUserCanSetIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        goals.forEach((goal, parameters) -> parameters.stream()
                .filter(p -> p.editable() && p.description().isEmpty())
                .forEach(p -> undescribed.add(goal + ":" + p.name())));
        assertEquals(List.of(), undescribed);
    }
}
