package org.silkrail.network;

/** How a link carries trains. */
public enum LinkMode {
    RAIL("rail"),
    FERRY("ferry");

    private final String yamlName;

    LinkMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }
}
