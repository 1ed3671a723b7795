package org.silkrail.benchmarks.peers;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.silkrail.benchmarks.Interleaved;

/**
 * Peers (or one peer built from two versions of silkrail) on one model, interleaved in one JVM:
 * each entry is loaded by its own class loader from a benchmarks jar, so entries share no class
 * and no JIT profile (as in separate forks), and round after round each entry runs the same
 * number of events in turn, the order rotating, so that load from other processes on a shared
 * machine falls on all alike. Prints each entry's median throughput and the median of its
 * per-round ratio to the first entry, with quartiles. For development (before/after a change);
 * the issue-14 table stays {@code benchmarks/run --peers} (JMH, one fork per peer).
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar
 * org.silkrail.benchmarks.peers.PeerDuel MODEL PENDING ROUNDS LABEL=JAR:PEER ...} with MODEL
 * {@code mm1} or {@code hold} (PENDING is ignored for mm1), PEER as in {@code --peers}
 * ({@code silkrail}, {@code silkrailWaitOnly}, {@code priorityQueue}, {@code ssj}, {@code dsol}).
 */
public final class PeerDuel {
    private PeerDuel() {
    }

    /** Called reflectively inside each entry's class loader. */
    public static IntToLongFunction driver(String model, String peer, int pending) {
        if (model.equals("mm1")) {
            QueueModel queue = Peers.mm1(peer);
            queue.start(Draws.interarrivals(), Draws.services());
            return events -> {
                queue.advance(events);
                return queue.waits();
            };
        }
        if (model.equals("hold")) {
            HoldModel hold = Peers.hold(peer);
            hold.start(pending, Draws.hold());
            return hold::advance;
        }
        throw new IllegalArgumentException("model must be mm1 or hold: " + model);
    }

    public static void main(String[] args) throws Exception {
        String model = args[0];
        int pending = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> labels = new ArrayList<>();
        List<IntToLongFunction> drivers = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String label = args[i].substring(0, args[i].indexOf('='));
            String rest = args[i].substring(args[i].indexOf('=') + 1);
            String jar = rest.substring(0, rest.lastIndexOf(':'));
            String peer = rest.substring(rest.lastIndexOf(':') + 1);
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> duel = loader.loadClass(PeerDuel.class.getName());
            drivers.add((IntToLongFunction) duel.getMethod("driver", String.class, String.class,
                    int.class).invoke(null, model, peer, pending));
            labels.add(label);
        }
        int events = model.equals("mm1") ? 1_000_000
                : Math.max(100_000, Math.min(1_000_000, 30 * pending));
        Interleaved.run(model + " pending=" + pending, labels, drivers, events, rounds);
    }
}
