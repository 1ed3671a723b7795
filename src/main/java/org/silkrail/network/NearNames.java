package org.silkrail.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Suggests the declared ids nearest to a misspelt one, by case-insensitive edit distance. */
final class NearNames {
    private static final int MAX_SUGGESTIONS = 3;
    /** Below this many candidates an unknown id lists them all instead of saying "no match". */
    private static final int LIST_ALL_BELOW = 9;

    private NearNames() {
    }

    /**
     * The message for an unknown id: {@code unknown node 'XIAN'; did you mean XIA?}.
     *
     * @param what the kind of id ({@code node})
     */
    static String unknown(String what, String id, Collection<String> known) {
        List<String> near = nearest(id, known);
        StringBuilder sb = new StringBuilder("unknown ").append(what).append(" '").append(id)
                .append('\'');
        if (!near.isEmpty()) {
            sb.append("; did you mean ").append(orList(near)).append('?');
        } else if (known.isEmpty()) {
            sb.append("; no ").append(what).append("s are declared");
        } else if (known.size() < LIST_ALL_BELOW) {
            sb.append("; declared ").append(what).append("s: ").append(String.join(", ", known));
        } else {
            sb.append("; no declared ").append(what).append(" has a similar id");
        }
        return sb.toString();
    }

    /** Up to three ids at the least edit distance, if that distance is at most half the id. */
    static List<String> nearest(String id, Collection<String> known) {
        String lower = id.toLowerCase(Locale.ROOT);
        int best = Integer.MAX_VALUE;
        List<String> bestIds = new ArrayList<>();
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = distance(lower, c);
            int limit = Math.max(1, Math.min(lower.length(), c.length()) / 2);
            if (d > limit) {
                continue;
            }
            if (d < best) {
                best = d;
                bestIds.clear();
            }
            if (d == best && bestIds.size() < MAX_SUGGESTIONS) {
                bestIds.add(candidate);
            }
        }
        return bestIds;
    }

    static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or "
                + items.get(items.size() - 1);
    }

    /** Levenshtein distance with unit costs. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
