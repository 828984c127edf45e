package ai.corti.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The settings every module generates with, read from the parent pom's {@code generate-sdk} execution, so that the
 * tests generate as the build does and follow it when it changes (a setting the tests do not know fails them).
 */
final class GenerateSdk {

    /** The root of the build: the parent pom's folder ({@code maven.multiModuleProjectDirectory} in the build). */
    private static final Path ROOT = Path.of(System.getProperty("corti.codegen.basedir", ".")).resolve("..")
            .toAbsolutePath().normalize();
    private static final Path PARENT_POM = ROOT.resolve("pom.xml");

    private GenerateSdk() {
    }

    /**
     * Sets what the execution sets: generator, library, model package, model templates, normaliser rules, schema
     * mappings and configuration options (the input, the output and the layer are the caller's).
     *
     * @param config the configurator to fill
     */
    static void applyTo(CodegenConfigurator config) {
        Element execution = execution();
        for (Node setting : children(execution)) {
            String name = setting.getNodeName();
            switch (name) {
                case "generatorName" -> config.setGeneratorName(setting.getTextContent().trim());
                case "library" -> config.setLibrary(setting.getTextContent().trim());
                case "modelPackage" -> config.setModelPackage(setting.getTextContent().trim());
                case "templateDirectory" -> config.setTemplateDir(templates(setting.getTextContent().trim()));
                case "openapiNormalizer" -> children(setting).forEach(rule -> {
                    String[] pair = pair(rule);
                    config.addOpenapiNormalizer(pair[0], pair[1]);
                });
                case "schemaMappings" -> children(setting).forEach(mapping -> {
                    String[] pair = pair(mapping);
                    config.addSchemaMapping(pair[0], pair[1]);
                });
                case "configOptions" -> children(setting).forEach(option ->
                        config.addAdditionalProperty(option.getNodeName(), option.getTextContent().trim()));
                // The build's input and output are the tests' own; the switches only confirm what corti-java
                // does anyway (it drops openapi-generator's API classes, tests, docs and supporting files).
                case "inputSpec", "output", "generateApis", "generateApiTests",
                        "generateApiDocumentation", "generateModels", "generateModelTests",
                        "generateModelDocumentation", "generateSupportingFiles" -> { }
                default -> throw new IllegalStateException("generate-sdk in " + PARENT_POM + " sets " + name
                        + ", which the codegen tests do not apply yet (GenerateSdk)");
            }
        }
    }

    private static String templates(String configured) {
        Path folder = Path.of(configured.replace("${maven.multiModuleProjectDirectory}", ROOT.toString()));
        if (configured.replace("${maven.multiModuleProjectDirectory}", "").contains("${") || !Files.isDirectory(folder)) {
            throw new IllegalStateException("generate-sdk's templateDirectory " + configured + " is not a folder here ("
                    + folder + ")");
        }
        return folder.toString();
    }

    private static Element execution() {
        if (!Files.isRegularFile(PARENT_POM)) {
            throw new IllegalStateException("the parent pom is not at " + PARENT_POM
                    + ": run the tests from the codegen module (corti.codegen.basedir)");
        }
        try {
            XPath xpath = XPathFactory.newInstance().newXPath();
            Node configuration = (Node) xpath.evaluate("/project/build/pluginManagement/plugins/plugin"
                    + "[artifactId='openapi-generator-maven-plugin']/executions/execution[id='generate-sdk']"
                    + "/configuration", DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(PARENT_POM.toFile()), XPathConstants.NODE);
            if (configuration == null) {
                throw new IllegalStateException(PARENT_POM + " has no generate-sdk execution to generate as");
            }
            return (Element) configuration;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + PARENT_POM, e);
        }
    }

    private static List<Node> children(Node parent) {
        List<Node> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add(nodes.item(i));
            }
        }
        return elements;
    }

    /** {@code NAME=value} as two strings. */
    private static String[] pair(Node node) {
        String text = node.getTextContent().trim();
        int equals = text.indexOf('=');
        if (equals < 1) {
            throw new IllegalStateException("'" + text + "' in " + PARENT_POM + " is not NAME=value");
        }
        return new String[] {text.substring(0, equals).trim(), text.substring(equals + 1).trim()};
    }
}
