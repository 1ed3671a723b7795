package org.silkrail.model;
import static org.silkrail.model.Models.*;
import org.junit.jupiter.api.Test;
import org.silkrail.engine.MmcQueue;
class ScratchTest {
    @Test
    void print() {
        for (int rep = 0; rep < 8; rep++) {
        ReplicationResult r = Models.model()
                .station("S", 3, exp(HOUR))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("f", "S", "OUT", new ArrivalSpec.Poisson(2.1 / HOUR), fixed(100))
                .run(5000 * DAY, 20 * DAY).runOnce(rep);
        ReplicationResult r2 = Models.model()
                .station("S", 1, fixed(HOUR))
                .junction("OUT")
                .rail("S", "OUT", 10, 50)
                .flow("f", "S", "OUT", new ArrivalSpec.Poisson(0.8 / HOUR), fixed(100))
                .run(5000 * DAY, 20 * DAY).runOnce(rep);
        ReplicationResult r3 = Models.model()
                .station("A", 1, exp(HOUR))
                .station("B", 1, exp(HOUR / 1.25))
                .rail("A", "B", 100, 50)
                .flow("f", "A", "B", new ArrivalSpec.Poisson(0.7 / HOUR), fixed(100))
                .run(5000 * DAY, 20 * DAY).runOnce(rep);
        System.out.printf("%d mmc %.4f/%.4f md1 %.4f/2 A %.4f/%.4f B %.4f/%.4f  ev/s %.0f%n", rep, r.nodes().get("S").waitHours(), MmcQueue.erlangCWait(2.1, 1, 3),
            r2.nodes().get("S").waitHours(), r3.nodes().get("A").waitHours(), 0.7/0.3, r3.nodes().get("B").waitHours(), 0.56/0.55, r.events()/r.wallSeconds());
        }
    }
}
