package org.silkrail.model;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The priority classes of a scenario's flows ({@link FlowSpec#priority()}) as dense levels for
 * the queues, and which flows are background traffic.
 *
 * <p>Level 0 is the highest priority present; a flow's level is the rank of its priority among
 * the distinct priorities of the scenario, so priorities {@code {5, 0, -1}} give levels
 * {@code {0, 1, 2}}. A scenario whose flows all share one priority has one level: its queues
 * then stay plain first-come-first-served queues ({@link #prioritized} false), exactly as
 * without priorities. Immutable; shared by all replications.
 */
final class Priorities {
    /** Distinct priorities among the flows, at least 1. */
    final int levels;
    /** Per flow: its level, 0 the highest priority. */
    final int[] flowLevel;
    /** Per flow: whether it is background traffic (left out of the corridor's totals). */
    final boolean[] flowBackground;
    final boolean anyBackground;
    /** The flow indices by level, highest priority first, in declaration order within one. */
    final int[] flowsByLevel;

    Priorities(Collection<FlowSpec> flows) {
        TreeSet<Integer> distinct = new TreeSet<>();
        for (FlowSpec f : flows) {
            distinct.add(f.priority());
        }
        levels = Math.max(1, distinct.size());
        flowLevel = new int[flows.size()];
        flowBackground = new boolean[flows.size()];
        boolean background = false;
        int f = 0;
        for (FlowSpec flow : flows) {
            // the number of distinct priorities above this one
            flowLevel[f] = distinct.tailSet(flow.priority(), false).size();
            flowBackground[f] = flow.background();
            background |= flow.background();
            f++;
        }
        anyBackground = background;
        flowsByLevel = new int[flows.size()];
        int next = 0;
        for (int level = 0; level < levels; level++) {
            for (int g = 0; g < flowLevel.length; g++) {
                if (flowLevel[g] == level) {
                    flowsByLevel[next++] = g;
                }
            }
        }
    }

    /** Whether the flows have more than one priority, so that queues must order by it. */
    boolean prioritized() {
        return levels > 1;
    }
}
