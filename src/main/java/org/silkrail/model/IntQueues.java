package org.silkrail.model;

import java.util.Arrays;

/**
 * Many first-in-first-out queues of element indices (trains waiting at a line's end or a port,
 * vessels in a port), each an intrusive singly linked list in primitive arrays: queue {@code q}
 * runs from {@link #peek} through {@link #next} to its tail.
 *
 * <p>Invariant: an element is in at most one queue of this object at a time (it has one
 * {@code next} slot); {@link #size} counts the elements of a queue. Adding, peeking and polling
 * are O(1), {@link #remove} is O(position). Nothing is allocated except when an element index
 * beyond the table is added, which doubles the table as {@link Trains} does, so an event loop
 * in steady state allocates nothing. Not thread-safe; belongs to one replication.
 */
final class IntQueues {
    static final int NONE = Trains.NONE;

    private final int[] head;
    private final int[] tail;
    private final int[] size;
    /** Per element: the element behind it in its queue, or NONE at the tail. */
    private int[] next;

    /** {@code queues} empty queues for elements {@code 0 .. elements - 1} (more grow the table). */
    IntQueues(int queues, int elements) {
        head = new int[queues];
        tail = new int[queues];
        size = new int[queues];
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        next = new int[Math.max(16, elements)];
    }

    /** Appends {@code element} at the tail of queue {@code q}; it must be in no queue. */
    void add(int q, int element) {
        if (element >= next.length) {
            next = Arrays.copyOf(next, Math.max(element + 1, next.length << 1));
        }
        next[element] = NONE;
        if (tail[q] == NONE) {
            head[q] = element;
        } else {
            next[tail[q]] = element;
        }
        tail[q] = element;
        size[q]++;
    }

    /** Puts {@code element} at the head of queue {@code q} (back where it was); it must be in no queue. */
    void push(int q, int element) {
        if (element >= next.length) {
            next = Arrays.copyOf(next, Math.max(element + 1, next.length << 1));
        }
        next[element] = head[q];
        if (head[q] == NONE) {
            tail[q] = element;
        }
        head[q] = element;
        size[q]++;
    }

    /** The head of queue {@code q}, or NONE if it is empty; the queue is unchanged. */
    int peek(int q) {
        return head[q];
    }

    /** Removes and returns the head of queue {@code q}, or NONE if it is empty. */
    int poll(int q) {
        int element = head[q];
        if (element != NONE) {
            head[q] = next[element];
            if (head[q] == NONE) {
                tail[q] = NONE;
            }
            next[element] = NONE;
            size[q]--;
        }
        return element;
    }

    /** The element behind {@code element} in its queue, NONE at the tail. */
    int next(int element) {
        return next[element];
    }

    boolean isEmpty(int q) {
        return head[q] == NONE;
    }

    int size(int q) {
        return size[q];
    }

    /** Removes {@code element}, which must be in queue {@code q}, keeping the others' order. */
    void remove(int q, int element) {
        int before = NONE;
        for (int e = head[q]; e != element; e = next[e]) {
            before = e;
        }
        if (before == NONE) {
            head[q] = next[element];
        } else {
            next[before] = next[element];
        }
        if (tail[q] == element) {
            tail[q] = before;
        }
        next[element] = NONE;
        size[q]--;
    }
}
