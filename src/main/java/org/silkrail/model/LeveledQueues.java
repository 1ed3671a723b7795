package org.silkrail.model;

/**
 * Many queues of element indices, each served by priority level and first come first served
 * within a level: queue {@code q} is {@code levels} FIFO queues ({@link IntQueues}), and
 * {@link #peek}/{@link #poll} take the head of its highest non-empty level (level 0 first).
 * Non-preemptive by construction: it orders only what waits.
 *
 * <p>With one level (a scenario whose flows share one priority) every call is the plain
 * {@link IntQueues} call on {@code q}: the same order and cost as a FIFO queue. With
 * {@code L} levels, peeking and polling cost O(L). Nothing is allocated per call (see
 * {@link IntQueues}). Not thread-safe; belongs to one replication.
 */
final class LeveledQueues {
    static final int NONE = IntQueues.NONE;

    private final IntQueues queues;
    private final int levels;

    LeveledQueues(int queues, int levels, int elements) {
        this.levels = levels;
        this.queues = new IntQueues(queues * levels, elements);
    }

    /** Appends {@code element} at the tail of level {@code level} of queue {@code q}. */
    void add(int q, int level, int element) {
        queues.add(q * levels + level, element);
    }

    /** Puts {@code element} back at the head of level {@code level} of queue {@code q}. */
    void push(int q, int level, int element) {
        queues.push(q * levels + level, element);
    }

    /** The element served next from queue {@code q}, or NONE if it is empty. */
    int peek(int q) {
        if (levels == 1) {
            return queues.peek(q);
        }
        int base = q * levels;
        for (int k = 0; k < levels; k++) {
            int head = queues.peek(base + k);
            if (head != NONE) {
                return head;
            }
        }
        return NONE;
    }

    /** Removes and returns the element served next from queue {@code q}, or NONE. */
    int poll(int q) {
        if (levels == 1) {
            return queues.poll(q);
        }
        int base = q * levels;
        for (int k = 0; k < levels; k++) {
            if (!queues.isEmpty(base + k)) {
                return queues.poll(base + k);
            }
        }
        return NONE;
    }

    boolean isEmpty(int q) {
        if (levels == 1) {
            return queues.isEmpty(q);
        }
        int base = q * levels;
        for (int k = 0; k < levels; k++) {
            if (!queues.isEmpty(base + k)) {
                return false;
            }
        }
        return true;
    }

    int size(int q) {
        if (levels == 1) {
            return queues.size(q);
        }
        int count = 0;
        int base = q * levels;
        for (int k = 0; k < levels; k++) {
            count += queues.size(base + k);
        }
        return count;
    }
}
