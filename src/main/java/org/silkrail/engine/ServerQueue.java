package org.silkrail.engine;

/**
 * A station of {@code c} parallel servers fed by one FIFO queue, with its statistics: waiting
 * time before service, time-average and maximum queue length, and utilisation.
 *
 * <p>The queue does not schedule events itself; the caller drives it so that it can put its own
 * gates in front of service (a daily quota, a closure):
 * <pre>{@code
 * station.arrive(now, train);                      // on arrival
 * for (int t; (t = station.tryStart(now)) >= 0; )  // after any arrival, finish or capacity change
 *     sim.scheduleIn(serviceTime(t), END_SERVICE, t);
 * station.finish(now);                             // on END_SERVICE, then tryStart again
 * }</pre>
 *
 * <p>Invariants: 0 &lt;= busy; entities start service in queue order, which is arrival order
 * unless the caller puts an entity ahead of others ({@link #arriveAhead}); a wait is recorded when
 * service starts, so an entity still queued at the end has no wait recorded (the caller may
 * count it as in the system). Utilisation is busy server-time over nominal server-time (the
 * {@code servers} given at construction), so a disruption that removes servers shows as lower
 * utilisation, not higher. O(1) per call, amortised; no allocation once the ring buffer has
 * grown to the run's largest queue.
 */
public final class ServerQueue {
    private final int nominalServers;
    private int servers;
    private int busy;
    private final long warmupEnd;

    private int[] queuedEntity;
    private long[] queuedSince;
    private int head;
    private int length;

    private final Tally waitSeconds;
    private final TimeWeighted queueLength;
    private final TimeWeighted busyServers;
    private long arrivals;

    /**
     * @param servers number of parallel servers, at least 1
     * @param startTime simulated time at which the station opens (seconds)
     * @param warmupEnd observations before this time are discarded (seconds)
     */
    public ServerQueue(int servers, long startTime, long warmupEnd) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be >= 1: servers=" + servers);
        }
        this.nominalServers = servers;
        this.servers = servers;
        this.warmupEnd = warmupEnd;
        this.queuedEntity = new int[16];
        this.queuedSince = new long[16];
        this.waitSeconds = new Tally(warmupEnd);
        this.queueLength = new TimeWeighted(startTime, 0, warmupEnd);
        this.busyServers = new TimeWeighted(startTime, 0, warmupEnd);
    }

    /** Puts {@code entity} at the back of the queue at time {@code now}. */
    public void arrive(long now, int entity) {
        if (now >= warmupEnd) {
            arrivals++;
        }
        if (length == queuedEntity.length) {
            grow();
        }
        int tail = (head + length) & (queuedEntity.length - 1);
        queuedEntity[tail] = entity;
        queuedSince[tail] = now;
        length++;
        queueLength.update(now, length);
    }

    /**
     * Puts {@code entity} into the queue at time {@code now} ahead of the last {@code overtaken}
     * entities queued, for a caller that serves classes of entities by priority: it finds how
     * many waiting entities rank below the new one. {@code overtaken = 0} is {@link #arrive}.
     * O(overtaken); the order of the others is kept.
     */
    public void arriveAhead(long now, int entity, int overtaken) {
        if (overtaken < 0 || overtaken > length) {
            throw new IndexOutOfBoundsException("overtaken=" + overtaken + " length=" + length);
        }
        arrive(now, entity);
        int mask = queuedEntity.length - 1;
        for (int i = length - 1; i > length - 1 - overtaken; i--) {
            int to = (head + i) & mask;
            int from = (head + i - 1) & mask;
            queuedEntity[to] = queuedEntity[from];
            queuedSince[to] = queuedSince[from];
        }
        int at = (head + length - 1 - overtaken) & mask;
        queuedEntity[at] = entity;
        queuedSince[at] = now;
    }

    /**
     * Starts service of the entity at the head of the queue if a server is free.
     *
     * @return the entity that starts service, or -1 if the queue is empty or all servers busy
     */
    public int tryStart(long now) {
        if (length == 0 || busy >= servers) {
            return -1;
        }
        return startHead(now);
    }

    /**
     * Starts service of the head entity regardless of {@link #servers()}: for callers that
     * gate service themselves. Fails fast on an empty queue.
     */
    public int startHead(long now) {
        if (length == 0) {
            throw new IllegalStateException("queue is empty");
        }
        int entity = queuedEntity[head];
        long since = queuedSince[head];
        head = (head + 1) & (queuedEntity.length - 1);
        length--;
        queueLength.update(now, length);
        busy++;
        busyServers.update(now, busy);
        waitSeconds.record(now, now - since);
        return entity;
    }

    /** Ends one service at time {@code now}. */
    public void finish(long now) {
        if (busy == 0) {
            throw finishWithNoServerBusy();
        }
        busy--;
        busyServers.update(now, busy);
    }

    /**
     * Changes the number of servers in use (a disruption); services already running are not
     * interrupted, so {@link #busy()} may exceed {@link #servers()} until they end.
     */
    public void setServers(int servers) {
        if (servers < 0) {
            throw new IllegalArgumentException("servers must be >= 0: servers=" + servers);
        }
        this.servers = servers;
    }

    public int servers() {
        return servers;
    }

    public int nominalServers() {
        return nominalServers;
    }

    public int busy() {
        return busy;
    }

    public int queueLength() {
        return length;
    }

    /** The entity at the head of the queue, or -1. */
    public int head() {
        return length == 0 ? -1 : queuedEntity[head];
    }

    /** The entity {@code position} places behind the head (0 is the head); O(1). */
    public int queued(int position) {
        if (position < 0 || position >= length) {
            throw new IndexOutOfBoundsException("position=" + position + " length=" + length);
        }
        return queuedEntity[(head + position) & (queuedEntity.length - 1)];
    }

    /** Arrivals counted after the warm-up. */
    public long arrivals() {
        return arrivals;
    }

    /** Waits before service, in seconds, of services started after the warm-up. */
    public Tally waitSeconds() {
        return waitSeconds;
    }

    public TimeWeighted queueLengthStat() {
        return queueLength;
    }

    public TimeWeighted busyServersStat() {
        return busyServers;
    }

    /** Busy server-time over nominal server-time in [warmupEnd, end]. */
    public double utilization(long end) {
        return busyServers.mean(end) / nominalServers;
    }

    private static IllegalStateException finishWithNoServerBusy() {
        return new IllegalStateException("finish with no server busy");
    }

    private void grow() {
        int capacity = queuedEntity.length << 1;
        int[] entities = new int[capacity];
        long[] since = new long[capacity];
        for (int i = 0; i < length; i++) {
            int from = (head + i) & (queuedEntity.length - 1);
            entities[i] = queuedEntity[from];
            since[i] = queuedSince[from];
        }
        queuedEntity = entities;
        queuedSince = since;
        head = 0;
    }

    @Override
    public String toString() {
        return "ServerQueue[servers=" + servers + " busy=" + busy + " queue=" + length + "]";
    }
}
