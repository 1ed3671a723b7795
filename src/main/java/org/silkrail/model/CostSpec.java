package org.silkrail.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What moving a TEU costs and emits, as a scenario declares it (all optional, 0 when absent):
 * per node a fee and CO2 per TEU handled there, per link a tariff per TEU-km, a fee per TEU
 * (ferries) and CO2 grams per TEU-km, and the value of a TEU-hour in transit (the inventory
 * cost of time, which makes waiting cost money).
 *
 * <p>A train pays, per TEU it carries, the fee of every node of its route (origin and
 * destination included) and the tariff and fee of every link; its time cost is
 * {@code valueOfTimePerTeuHour × transit hours}. Amounts in US dollars and kilograms.
 *
 * @param nodeFeeUsdPerTeu node id → handling, gauge-change or port fee, USD per TEU
 * @param nodeCo2KgPerTeu node id → CO2 of handling there, kg per TEU
 * @param linkUsdPerTeuKm link id → tariff, USD per TEU-km
 * @param linkFeeUsdPerTeu link id → fixed fee per TEU (a ferry's fare), USD
 * @param linkCo2GPerTeuKm link id → CO2, grams per TEU-km (by traction, or the vessel's)
 * @param valueOfTimeUsdPerTeuHour inventory cost of one TEU-hour in transit, USD
 */
public record CostSpec(Map<String, Double> nodeFeeUsdPerTeu, Map<String, Double> nodeCo2KgPerTeu,
        Map<String, Double> linkUsdPerTeuKm, Map<String, Double> linkFeeUsdPerTeu,
        Map<String, Double> linkCo2GPerTeuKm, double valueOfTimeUsdPerTeuHour) {
    /** No costs and no emissions anywhere. */
    public static final CostSpec NONE = new CostSpec(Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), 0);

    public CostSpec {
        nodeFeeUsdPerTeu = copy(nodeFeeUsdPerTeu);
        nodeCo2KgPerTeu = copy(nodeCo2KgPerTeu);
        linkUsdPerTeuKm = copy(linkUsdPerTeuKm);
        linkFeeUsdPerTeu = copy(linkFeeUsdPerTeu);
        linkCo2GPerTeuKm = copy(linkCo2GPerTeuKm);
    }

    private static Map<String, Double> copy(Map<String, Double> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
