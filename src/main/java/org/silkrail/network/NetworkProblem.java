package org.silkrail.network;

/**
 * One thing wrong with a network as declared, at the place a planner must fix it.
 *
 * @param path dotted path into the scenario's {@code network} section, e.g. {@code links.ALA-DOS},
 *     {@code links.ALA-DOS.to}, {@code nodes.DOS.gauge} or {@code routes.northern}; for checks on
 *     demand ({@link Network#checkReachable}) the path the caller passed in
 * @param message what is wrong and what is allowed, e.g.
 *     {@code unknown node 'XIAN'; did you mean XIA?}
 */
public record NetworkProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
