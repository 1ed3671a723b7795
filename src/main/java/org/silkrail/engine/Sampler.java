package org.silkrail.engine;

/** Draws one value per call from a distribution bound to one random stream; never allocates. */
@FunctionalInterface
public interface Sampler {
    double sample();
}
