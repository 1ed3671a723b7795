package org.silkrail.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void text_markupAndAmpersands_areEscaped() {
        String html = new Html().element("p", "<script>alert('x')</script> & \"so\"").toString();

        assertThat(html).isEqualTo(
                "<p>&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"so\"</p>");
    }

    @Test
    void open_attributeValueWithQuotes_isEscaped() {
        String html = new Html().open("td", "title", "a\" onmouseover=\"x()' <b>")
                .close("td").toString();

        assertThat(html).isEqualTo(
                "<td title=\"a&quot; onmouseover=&quot;x()&#39; &lt;b&gt;\"></td>");
    }

    @Test
    void open_nullAttributeValue_leavesTheAttributeOut() {
        assertThat(new Html().open("td", "class", null).close("td").toString())
                .isEqualTo("<td></td>");
    }

    @Test
    void open_eventHandlerOrOddName_failsFast() {
        assertThatThrownBy(() -> new Html().open("img", "onerror", "x()"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onerror");
        assertThatThrownBy(() -> new Html().open("p><script"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag=");
        assertThatThrownBy(() -> new Html().open("p", "class"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pairs");
    }

    @Test
    void close_otherThanTheInnermost_failsFast() {
        Html html = new Html().open("table").open("tr");

        assertThatThrownBy(() -> html.close("table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("closing the wrong element: close=table open=tr");
    }

    @Test
    void toString_elementLeftOpen_failsFast() {
        Html html = new Html().open("section");

        assertThatThrownBy(html::toString).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("section");
    }
}
