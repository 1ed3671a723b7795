package org.silkrail.engine;

/**
 * Receives the events of one {@link Simulation}. Implementations dispatch on {@code kind} with an
 * int {@code switch} and keep their state in primitive arrays indexed by {@code payload}, so that
 * dispatch allocates nothing.
 */
@FunctionalInterface
public interface EventHandler {
    /**
     * Handles one event; {@link Simulation#now()} is the event's time.
     *
     * @param kind the event kind the handler chose when scheduling it
     * @param payload the int the handler attached, typically an entity index
     */
    void onEvent(int kind, int payload);
}
