package org.silkrail.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One compiled network is searched by several replication threads at once (capacity search,
 * sweeps): route queries must neither fail nor differ between threads.
 */
class RoutingConcurrencyTest {
    private static final int SIDE = 12;
    private static final int THREADS = 4;

    /** A SIDE × SIDE grid, so a search reads many link weights for the first time. */
    private static CompiledNetwork grid() {
        Specs builder = Specs.network();
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                builder.node(id(r, c), 1435, NodeKind.JUNCTION, 1, 1 + (r * 7 + c * 3) % 5);
            }
        }
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                if (c + 1 < SIDE) {
                    builder.rail(id(r, c), id(r, c + 1), 50 + (r * 13 + c) % 40, 50);
                }
                if (r + 1 < SIDE) {
                    builder.rail(id(r, c), id(r + 1, c), 50 + (c * 11 + r) % 40, 50);
                }
            }
        }
        return builder.build().compile();
    }

    private static String id(int r, int c) {
        return "N" + r + "_" + c;
    }

    @Test
    void fastest_fromSeveralThreadsOnOneFreshNetwork_sameRouteAsOneThreadAndNoFailure() throws Exception {
        CompiledNetwork reference = grid();
        Route expected = reference.fastest(reference.nodeIndex(id(0, 0)),
                reference.nodeIndex(id(SIDE - 1, SIDE - 1)));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 30; round++) {
                CompiledNetwork net = grid();
                int from = net.nodeIndex(id(0, 0));
                int to = net.nodeIndex(id(SIDE - 1, SIDE - 1));
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<Route>> routes = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    routes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return net.fastest(from, to);
                    }));
                }
                for (Future<Route> route : routes) {
                    Route got = route.get(30, TimeUnit.SECONDS);
                    assertThat(got.nodes()).containsExactly(expected.nodes());
                    assertThat(got.expectedSeconds()).isEqualTo(expected.expectedSeconds());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
