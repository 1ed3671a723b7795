package org.silkrail.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class PageTest {
    @Test
    void scriptSafeJson_valuesWithMarkup_cannotEndTheScriptAndParseBackUnchanged() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        String hostile = "</script><script>alert(1)</script><!-- & \u2028 \u2029";
        data.put("title", hostile);
        data.putObject("nodes").put("</SCRIPT>", 1.5);

        String json = Page.scriptSafeJson(data);

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        JsonNode back = JsonMapper.builder().build().readTree(json);
        assertThat(back.get("title").asString()).isEqualTo(hostile);
        assertThat(back.get("nodes").get("</SCRIPT>").asDouble()).isEqualTo(1.5);
    }
}
