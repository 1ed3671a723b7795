package org.silkrail.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.silkrail.experiment.SweepEvaluator;

/**
 * A worker's evaluators of the sweeps it serves, keyed by plan hash: the plan is read from the
 * cluster's plan map at the first task of a sweep, its MAC verified with the member's secret,
 * checked against its hash, and its evaluator (which builds each variant's model once) kept for
 * the following tasks.
 *
 * <p>One instance per member, kept in the member's user context, so that several members in one
 * JVM (tests) share nothing. Holds the {@link #KEPT} most recently started sweeps; a worker that
 * serves sweep after sweep does not grow. Thread-safe: the member's executor threads share it.
 */
final class WorkerPlans {
    /** Sweeps whose models a worker keeps: the current one and a recent one. */
    static final int KEPT = 2;

    private final HazelcastInstance member;
    private final ClusterSecret secret;
    private final AtomicLong tasksStarted = new AtomicLong();
    private final AtomicLong tasksFinished = new AtomicLong();
    private final AtomicLong tasksAbandoned = new AtomicLong();
    private final Map<String, SweepEvaluator> evaluators =
            new LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SweepEvaluator> eldest) {
                    return size() > KEPT;
                }
            };

    private WorkerPlans(HazelcastInstance member) {
        this.member = member;
        this.secret = MemberConfigs.secret(member);
    }

    /** The member's secret: it verifies tasks and plans and signs outcomes. */
    ClusterSecret secret() {
        return secret;
    }

    /** The plans of this member. */
    static WorkerPlans of(HazelcastInstance member) {
        Objects.requireNonNull(member, "member (the task was not initialised by Hazelcast)");
        return (WorkerPlans) member.getUserContext().computeIfAbsent(
                WorkerPlans.class.getName(), k -> new WorkerPlans(member));
    }

    /** Tasks this member has begun to evaluate, and finished, since it started. */
    long tasksStarted() {
        return tasksStarted.get();
    }

    long tasksFinished() {
        return tasksFinished.get();
    }

    /** Tasks this member skipped because their coordinator had left. */
    long tasksAbandoned() {
        return tasksAbandoned.get();
    }

    void abandoned() {
        tasksAbandoned.incrementAndGet();
    }

    void started() {
        tasksStarted.incrementAndGet();
    }

    void finished() {
        tasksFinished.incrementAndGet();
    }

    /**
     * The evaluator of the plan with this hash, or null if the cluster's plan map has no such
     * plan (every member holding it died; the coordinator puts it again).
     *
     * @throws PlanRefusedException if the stored plan's MAC does not verify with this member's
     *     secret, or its bytes do not hash to their key
     */
    synchronized SweepEvaluator evaluator(String planHash) {
        SweepEvaluator evaluator = evaluators.get(planHash);
        if (evaluator != null) {
            return evaluator;
        }
        byte[] sealed = member.<String, byte[]>getMap(MemberConfigs.PLANS).get(planHash);
        if (sealed == null) {
            return null;
        }
        byte[] bytes = PlanCodec.open(secret, sealed);
        if (bytes == null) {
            throw new PlanRefusedException("plan " + planHash + " refused: its MAC does not"
                    + " verify with this worker's secret (put by a member without the secret,"
                    + " or altered)");
        }
        String actual = PlanCodec.sha256(bytes);
        if (!actual.equals(planHash)) {
            throw new PlanRefusedException("plan bytes do not match their key: key=" + planHash
                    + " sha256=" + actual);
        }
        evaluator = new SweepEvaluator(PlanCodec.decode(bytes));
        evaluators.put(planHash, evaluator);
        return evaluator;
    }

    /** A plan in the plan map that this worker will not run; the message says why. */
    static final class PlanRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlanRefusedException(String message) {
            super(message);
        }
    }
}
