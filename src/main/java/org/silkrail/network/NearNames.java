package org.silkrail.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Nearest valid names for a misspelt one ({@code XIAN} → {@code XIA}, {@code sidngs} →
 * {@code sidings}): case-insensitive edit distance within a third of the longer name (at least
 * 1), or one name a prefix of the other. One-letter names match only by prefix, so that
 * {@code m} suggests {@code min} and not every other one-letter unit.
 *
 * <p>One implementation for every message that names a misspelt id or key, in the network's
 * checks and in the scenario loader alike, so that both suggest the same names.
 */
public final class NearNames {
    private static final int MAX_SUGGESTIONS = 3;

    private NearNames() {
    }

    /** Up to three candidates, nearest first, ties in the candidates' order. */
    public static List<String> matches(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> result = new ArrayList<>();
        List<Integer> distances = new ArrayList<>();
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = distance(lower, c);
            int longer = Math.max(lower.length(), c.length());
            // a one-letter name is near only what it starts: 'm' suggests min, not s or h
            boolean close = d <= Math.max(1, longer / 3) && d < longer && !(
                    Math.min(lower.length(), c.length()) == 1 && d > 0);
            boolean prefix = !lower.isEmpty() && !c.isEmpty()
                    && (lower.startsWith(c) || c.startsWith(lower));
            if (!close && !prefix) {
                continue;
            }
            int at = 0;
            while (at < distances.size() && distances.get(at) <= d) {
                at++;
            }
            distances.add(at, d);
            result.add(at, candidate);
        }
        return result.size() > MAX_SUGGESTIONS ? result.subList(0, MAX_SUGGESTIONS) : result;
    }

    /** {@code "; did you mean XIA?"} or {@code "; did you mean A, B or C?"}, or empty. */
    public static String didYouMean(String name, Collection<String> candidates) {
        List<String> near = matches(name, candidates);
        return near.isEmpty() ? "" : "; did you mean " + orList(near) + "?";
    }

    /**
     * {@code unknown node 'XIAN'; did you mean XIA?}; without a near match, lists the candidates
     * when there are few.
     */
    public static String unknown(String what, String name, Collection<String> candidates) {
        String base = "unknown " + what + " '" + name + "'";
        String near = didYouMean(name, candidates);
        if (!near.isEmpty()) {
            return base + near;
        }
        if (candidates.isEmpty()) {
            return base + "; none are defined";
        }
        if (candidates.size() <= 12) {
            return base + "; expected one of " + String.join(", ", candidates);
        }
        return base;
    }

    public static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or "
                + items.get(items.size() - 1);
    }

    /**
     * Optimal-string-alignment distance: Levenshtein plus the swap of two neighbours at cost 1,
     * the commonest typing slip ({@code dya} for {@code day}).
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
