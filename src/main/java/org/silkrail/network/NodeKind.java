package org.silkrail.network;

/** What a node is for; decides which checks and which statistics apply. */
public enum NodeKind {
    TERMINAL("terminal"),
    JUNCTION("junction"),
    BORDER("border"),
    GAUGE_CHANGE("gauge-change"),
    PORT("port");

    private final String yamlName;

    NodeKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in scenario files. */
    public String yamlName() {
        return yamlName;
    }
}
