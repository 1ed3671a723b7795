package org.silkrail.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.silkrail.engine.RandomStreams;
import org.silkrail.engine.SimTime;
import org.silkrail.model.ModelSpec;
import org.silkrail.model.RailModel;
import org.silkrail.model.ReplicationResult;
import org.silkrail.network.CompiledNetwork;
import org.silkrail.network.Network;
import org.silkrail.scenario.DemandScale;
import org.silkrail.scenario.RunSize;

/**
 * {@code silkrail capacity}: the largest {@code demand_scale} at which the network is stable,
 * with a confidence interval and the bottleneck.
 *
 * <p><b>Method.</b> Each replication {@code r} is searched on its own, under common random
 * numbers: every scale tried runs replication {@code r} with the same streams, so the scales
 * differ only in the demand (a Poisson flow's k-th train comes at {@code t_k / scale}). A
 * replication is <i>stable</i> at a scale when {@link OverloadCheck} finds nothing in it. From
 * {@code start} the scale is doubled (or halved) until the replication is stable at one scale
 * and unstable at the next, then bisected at geometric midpoints until the two are within
 * {@code tolerance} of each other (relative); the replication's capacity {@code s_r} is the
 * geometric midpoint of the last pair. The result is the mean of {@code s_r} over the
 * replications with a Student-t 95 % interval: the replications are independent, so the
 * {@code s_r} are too. Bisection assumes that a replication unstable at one scale is unstable at
 * every larger one; with common random numbers this holds but for noise near the threshold,
 * where a non-monotone replication ends somewhere inside its noisy band.
 *
 * <p>Why per replication and not one search on the replications pooled: each replication gives
 * an independent estimate, so the interval is the ordinary one of a mean; a pooled test would
 * give one number and no interval without a bootstrap.
 *
 * <p><b>Bottleneck.</b> In each replication, of the signs of overload found at the smallest
 * unstable scale tried, the one with the highest {@link OverloadCheck.Finding#score} names the
 * node or link; the bottleneck is the one named by most replications (ties: the one named
 * first in replication order).
 *
 * <p><b>Cost and threading.</b> About {@code 2 + log2(ln 2 / ln(1 + tolerance))} simulations
 * per replication (9 at a tolerance of 1 % when the capacity lies between 1 and 2);
 * replications are searched in parallel on {@code threads} threads, each on one thread, and the
 * result is the same for any thread count.
 */
public final class CapacitySearch {
    /** Scales beyond these bounds end the search: the network is (un)stable at any scale. */
    static final double MAX_SCALE = 1024;
    static final double MIN_SCALE = 1.0 / 1024;

    private CapacitySearch() {
    }

    /**
     * The largest scale the search tries on {@code spec} (at {@code demand_scale} 1):
     * {@value #MAX_SCALE}, or less where the scaled demand would generate more trains per
     * replication than {@link RunSize#MAX_TRAINS_PER_REPLICATION} (each held in memory).
     */
    public static double maxScale(ModelSpec spec) {
        double trains = RunSize.trainsPerReplication(spec);
        return trains > 0 ? Math.min(MAX_SCALE, RunSize.MAX_TRAINS_PER_REPLICATION / trains)
                : MAX_SCALE;
    }

    /**
     * What to search.
     *
     * @param run the scenario and how to run it, its model at {@code demand_scale} 1 (as
     *     written, without the file's scale); its checks are the search's
     * @param start the first scale tried, above 0
     * @param tolerance relative width at which bisection stops, in (0, 1)
     */
    public record Request(ScenarioRun.Request run, double start, double tolerance) {
        public Request {
            Objects.requireNonNull(run, "run");
            if (!(start > 0) || !Double.isFinite(start)) {
                throw new IllegalArgumentException("need start > 0: start=" + start);
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("need 0 < tolerance < 1: tolerance="
                        + tolerance);
            }
        }
    }

    /** One simulation of the search: a replication at a scale, and what it showed. */
    public record Trial(double demandScale, boolean stable, List<OverloadCheck.Finding> findings) {
        public Trial {
            findings = List.copyOf(findings);
        }
    }

    /**
     * One replication's search.
     *
     * @param stableAt the largest scale tried at which it was stable; 0 if none
     * @param unstableAt the smallest scale tried at which it was unstable; infinite if none
     * @param demandScale its capacity: the geometric midpoint of the two, or the bound reached
     * @param bottleneck the node or link past capacity at {@code unstableAt}; null if none
     * @param bottleneckIsLink whether {@code bottleneck} is a link
     * @param tried every trial in the order run
     */
    public record ReplicationSearch(int replication, double stableAt, double unstableAt,
            double demandScale, String bottleneck, boolean bottleneckIsLink, List<Trial> tried) {
        public ReplicationSearch {
            tried = List.copyOf(tried);
        }
    }

    /**
     * The search's outcome.
     *
     * @param demandScale mean of the replications' capacities with its 95 % interval
     * @param bottleneck the node or link most replications name; null if none does
     * @param bottleneckVotes replications naming each node or link, most first
     */
    public record Result(Request request, double horizonDays, double warmupDays,
            String silkrailVersion, Stat demandScale, String bottleneck,
            boolean bottleneckIsLink, Map<String, Integer> bottleneckVotes,
            List<ReplicationSearch> replications) {
        public Result {
            bottleneckVotes = Collections.unmodifiableMap(new LinkedHashMap<>(bottleneckVotes));
            replications = List.copyOf(replications);
        }
    }

    /** Told of each simulation finished; may be called from several threads at once. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (replication, demandScale, stable, done) -> { };

        /**
         * @param done simulations finished so far, this one included
         */
        void tried(int replication, double demandScale, boolean stable, int done);
    }

    /** Simulations a replication's search takes when the capacity lies in [start, 2 start]. */
    public static int typicalTrials(double tolerance) {
        return 2 + (int) Math.ceil(Math.log(Math.log(2) / Math.log1p(tolerance)) / Math.log(2));
    }

    /** Runs the search. */
    public static Result run(Request request, String silkrailVersion, Progress progress) {
        CompiledNetwork network = Network.build(request.run().spec().network()).compile();
        AtomicInteger done = new AtomicInteger();
        int poolSize = Math.min(request.run().threads(), request.run().replications());
        List<ReplicationSearch> searches = new ArrayList<>(request.run().replications());
        if (poolSize == 1) {
            for (int r = 0; r < request.run().replications(); r++) {
                searches.add(search(request, network, r, done, progress));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(poolSize, task -> {
                Thread t = new Thread(task, "silkrail-capacity");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ReplicationSearch>> futures = new ArrayList<>();
                for (int r = 0; r < request.run().replications(); r++) {
                    int replication = r;
                    futures.add(pool.submit(() -> search(request, network, replication, done,
                            progress)));
                }
                for (Future<ReplicationSearch> f : futures) {
                    searches.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while searching", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re
                        : new IllegalStateException("capacity search failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return summarise(request, silkrailVersion, searches);
    }

    private static Result summarise(Request request, String silkrailVersion,
            List<ReplicationSearch> searches) {
        double[] scales = new double[searches.size()];
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Boolean> isLink = new LinkedHashMap<>();
        for (int r = 0; r < scales.length; r++) {
            ReplicationSearch s = searches.get(r);
            scales[r] = s.demandScale();
            if (s.bottleneck() != null) {
                votes.merge(s.bottleneck(), 1, Integer::sum);
                isLink.putIfAbsent(s.bottleneck(), s.bottleneckIsLink());
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        votes.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        String bottleneck = sorted.isEmpty() ? null : sorted.keySet().iterator().next();
        double day = SimTime.DAY;
        return new Result(request, request.run().spec().run().horizonSeconds() / day,
                request.run().spec().run().warmupSeconds() / day, silkrailVersion, Stat.of(scales),
                bottleneck, bottleneck != null && isLink.get(bottleneck), sorted, searches);
    }

    private static ReplicationSearch search(Request request, CompiledNetwork network,
            int replication, AtomicInteger done, Progress progress) {
        List<Trial> tried = new ArrayList<>();
        double stableAt = 0;
        double unstableAt = Double.POSITIVE_INFINITY;
        Trial firstUnstable = null;
        double scale = request.start();
        double maxScale = maxScale(request.run().spec());
        // bracket: double from a stable scale, halve from an unstable one
        while (stableAt == 0 || unstableAt == Double.POSITIVE_INFINITY) {
            Trial t = trial(request, network, replication, scale, done, progress);
            tried.add(t);
            if (t.stable()) {
                stableAt = scale;
                if (unstableAt == Double.POSITIVE_INFINITY && scale * 2 > maxScale) {
                    break;
                }
                scale = unstableAt == Double.POSITIVE_INFINITY ? scale * 2 : unstableAt;
            } else {
                unstableAt = scale;
                firstUnstable = t;
                if (stableAt == 0 && scale / 2 < MIN_SCALE) {
                    break;
                }
                scale = stableAt == 0 ? scale / 2 : stableAt;
            }
        }
        if (stableAt > 0 && unstableAt < Double.POSITIVE_INFINITY) {
            while (unstableAt / stableAt > 1 + request.tolerance()) {
                double mid = Math.sqrt(stableAt * unstableAt);
                Trial t = trial(request, network, replication, mid, done, progress);
                tried.add(t);
                if (t.stable()) {
                    stableAt = mid;
                } else {
                    unstableAt = mid;
                    firstUnstable = t;
                }
            }
        }
        double estimate = stableAt == 0 ? unstableAt / 2
                : unstableAt == Double.POSITIVE_INFINITY ? stableAt
                : Math.sqrt(stableAt * unstableAt);
        OverloadCheck.Finding worst = null;
        if (firstUnstable != null) {
            for (OverloadCheck.Finding f : firstUnstable.findings()) {
                if (worst == null || f.score() > worst.score()) {
                    worst = f;
                }
            }
        }
        return new ReplicationSearch(replication, stableAt, unstableAt, estimate,
                worst == null ? null : worst.id(), worst != null && worst.link(), tried);
    }

    private static Trial trial(Request request, CompiledNetwork network, int replication,
            double scale, AtomicInteger done, Progress progress) {
        ModelSpec spec = DemandScale.apply(request.run().spec(), scale);
        ReplicationResult result = new RailModel(spec, network).runReplication(replication,
                new RandomStreams(request.run().seed()));
        List<OverloadCheck.Finding> findings = OverloadCheck.check(spec, result);
        progress.tried(replication, scale, findings.isEmpty(), done.incrementAndGet());
        return new Trial(scale, findings.isEmpty(), findings);
    }
}
