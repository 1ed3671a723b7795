package org.silkrail.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema, the binder's key table and the binder's code describe the same format: a key
 * in one but not the others fails here.
 */
class SchemaAgreementTest {

    static JsonNode object(String name) {
        JsonNode schema = SchemaCheck.schemaNode();
        return name.equals(Keys.SCENARIO) ? schema : schema.get("$defs").get(name);
    }

    static Set<String> properties(JsonNode object) {
        return new TreeSet<>(object.get("properties").propertyNames());
    }

    @Test
    void keyTable_equalsSchemaPropertiesOfEveryObject() {
        for (Map.Entry<String, Set<String>> e : Keys.OBJECTS.entrySet()) {
            assertThat(object(e.getKey())).as("schema object %s", e.getKey()).isNotNull();
            assertThat(properties(object(e.getKey()))).as("keys of %s", e.getKey())
                    .isEqualTo(new TreeSet<>(e.getValue()));
        }
    }

    @Test
    void everySchemaObjectWithProperties_isInTheKeyTable() {
        List<String> withProperties = new ArrayList<>();
        SchemaCheck.schemaNode().get("$defs").properties().forEach(e -> {
            if (e.getValue().has("properties")) {
                withProperties.add(e.getKey());
            }
        });
        withProperties.add(Keys.SCENARIO);

        assertThat(Keys.OBJECTS.keySet()).containsExactlyInAnyOrderElementsOf(withProperties);
    }

    @Test
    void everySchemaObject_forbidsUnknownKeys() {
        for (String name : Keys.OBJECTS.keySet()) {
            assertThat(object(name).get("additionalProperties").asBoolean(true))
                    .as("additionalProperties of %s", name).isFalse();
        }
    }

    @Test
    void binder_readsEveryKeyOfTheTable_andNoOther() {
        List<Diagnostic> problems = new ArrayList<>();
        TreeLoader loader = new TreeLoader(problems);
        YamlNode.Mapping tree = loader.loadScenario(
                Path.of("src/test/resources/scenario/good/every-key.yaml"));
        Binder binder = new Binder(problems);

        Binder.Bound bound = binder.bind(tree);

        assertThat(problems).isEmpty();
        assertThat(bound.model()).isNotNull();
        Set<String> expected = new TreeSet<>();
        Keys.OBJECTS.forEach((object, keys) -> keys.stream()
                .filter(k -> !Keys.LOADER_KEYS.contains(k))
                .forEach(k -> expected.add(object + "." + k)));
        // reading a key outside the table throws inside the binder, so equality covers both ways
        assertThat(binder.keysRead()).isEqualTo(expected);
    }

    @Test
    void everyKeyScenario_usesEveryKey() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/scenario/good/every-key.yaml"));
        Set<String> missing = new HashSet<>();
        Keys.OBJECTS.values().forEach(keys -> keys.stream()
                .filter(k -> !text.contains(k + ":")).forEach(missing::add));

        assertThat(missing).isEmpty();
    }

    @Test
    void docsSchema_isTheShippedSchema() throws IOException {
        String docs = Files.readString(Path.of("docs/scenario-schema.json"));
        String shipped = Files.readString(
                Path.of("src/main/resources" + SchemaCheck.RESOURCE));

        assertThat(docs).isEqualTo(shipped);
    }
}
