package org.silkrail.model;

/**
 * Re-forming at a node: a train that enters the {@code side} area there (westbound at
 * Małaszewicze, into the EU) is re-formed into trains of at most {@code teuPerTrain} TEU, and a
 * train leaving the side there is formed back into one (eastbound). Details in
 * {@code Reforming}.
 *
 * @param node the node where trains are re-formed (an id of the network)
 * @param teuPerTrain TEU (loaded and empty) one re-formed train carries at most, above 0:
 *     84 for the 42-FEU EU trains of §8.1
 * @param side where the re-formed trains run: links with both ends in it
 */
public record ReformSpec(String node, double teuPerTrain, Area side) {
    public ReformSpec {
        if (!(teuPerTrain > 0) || Double.isInfinite(teuPerTrain)) {
            throw new IllegalArgumentException("re-formed trains need TEU: node=" + node
                    + " teuPerTrain=" + teuPerTrain);
        }
    }
}
