package org.silkrail.engine;

/**
 * One simulation run: a clock, an {@link EventCalendar} and the handler that events are
 * dispatched to.
 *
 * <p>Invariants: {@link #now()} never decreases; an event is never scheduled before {@code now}
 * (that would be a programming error and fails fast). Events at the same instant fire in the
 * order they were scheduled (the calendar's ordering rule).
 *
 * <p>Cost: {@link #run(long)} allocates nothing per event; the handler is called through one
 * interface call per event. Not thread-safe: parallelism belongs across runs, not inside one.
 *
 * <pre>{@code
 * Simulation sim = new Simulation();
 * sim.setHandler((kind, payload) -> { ... sim.schedule(sim.now() + 60, NEXT, payload); });
 * sim.schedule(0, START, 0);
 * sim.run(365 * SimTime.DAY);
 * }</pre>
 */
public final class Simulation {
    private final EventCalendar calendar;
    private EventHandler handler;
    private long now;
    private long eventsDispatched;
    private boolean stopRequested;

    public Simulation() {
        this(new EventCalendar());
    }

    public Simulation(EventCalendar calendar) {
        this.calendar = calendar;
    }

    public void setHandler(EventHandler handler) {
        this.handler = handler;
    }

    /** The current simulated time in seconds. */
    public long now() {
        return now;
    }

    /** Events dispatched so far by {@link #run}. */
    public long eventsDispatched() {
        return eventsDispatched;
    }

    public EventCalendar calendar() {
        return calendar;
    }

    /**
     * Schedules an event at an absolute time.
     *
     * @return a handle for {@link #cancel}
     */
    public long schedule(long time, int kind, int payload) {
        if (time < now) {
            throw inThePast(time, kind);
        }
        return calendar.schedule(time, kind, payload);
    }

    /** Out of line, so that the message's string building does not bloat the inlined hot path. */
    private IllegalArgumentException inThePast(long time, int kind) {
        return new IllegalArgumentException("event in the past: time=" + time + " now=" + now
                + " kind=" + kind);
    }

    /** Schedules an event {@code delay} seconds from now. */
    public long scheduleIn(long delay, int kind, int payload) {
        return schedule(now + delay, kind, payload);
    }

    /** Cancels a pending event; see {@link EventCalendar#cancel}. */
    public boolean cancel(long handle) {
        return calendar.cancel(handle);
    }

    /** Makes {@link #run} return after the event being handled. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Dispatches events in order until none is left at or before {@code until}, or
     * {@link #stop()} is called. The clock then stands at {@code until} (or at the stopping
     * event's time), so time-weighted statistics can be closed at {@link #now()}.
     *
     * @return the number of events dispatched by this call
     */
    public long run(long until) {
        EventCalendar events = calendar;
        EventHandler target = handler;
        if (target == null) {
            throw new IllegalStateException("no handler set");
        }
        stopRequested = false;
        long dispatched = 0;
        while (!stopRequested && events.popUntil(until)) {
            now = events.poppedTime();
            target.onEvent(events.poppedKind(), events.poppedPayload());
            dispatched++;
        }
        if (!stopRequested && until > now) {
            now = until;
        }
        eventsDispatched += dispatched;
        return dispatched;
    }
}
