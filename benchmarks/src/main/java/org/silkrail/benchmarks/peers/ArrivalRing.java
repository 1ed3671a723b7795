package org.silkrail.benchmarks.peers;

/** The FIFO of waiting customers' arrival times for the peers without a queue primitive. */
final class ArrivalRing {
    private double[] times = new double[1024];
    private int head;
    private int length;

    void add(double time) {
        if (length == times.length) {
            double[] grown = new double[times.length << 1];
            for (int i = 0; i < length; i++) {
                grown[i] = times[(head + i) & (times.length - 1)];
            }
            times = grown;
            head = 0;
        }
        times[(head + length) & (times.length - 1)] = time;
        length++;
    }

    double remove() {
        double time = times[head];
        head = (head + 1) & (times.length - 1);
        length--;
        return time;
    }

    boolean isEmpty() {
        return length == 0;
    }
}
