package org.silkrail.experiment;

import java.util.List;
import org.silkrail.model.ReplicationResult;
import org.silkrail.model.ReplicationResult.FleetResult;
import org.silkrail.model.ReplicationResult.FlowResult;
import org.silkrail.model.ReplicationResult.LinkResult;
import org.silkrail.model.ReplicationResult.NodeResult;
import org.silkrail.model.ReplicationResult.PortResult;
import org.silkrail.model.ReplicationResult.ReformResult;
import org.silkrail.model.ReplicationResult.RouteResult;
import org.silkrail.model.ReplicationResult.Totals;

/**
 * The schema of {@code results.json} and the CSV files as data: every section, metric, share
 * and series with its key, unit and meaning, in output order (PRODUCT.md §4). Aggregation and
 * every writer iterate these lists, so a metric is added here once and appears everywhere.
 *
 * <p>Keys are a contract read by tools outside the project: never rename one.
 */
public final class ResultSchema {
    private ResultSchema() {
    }

    /**
     * A seed as {@code 0x} and 16 lowercase hex digits of its two's complement, for the
     * {@code seed_hex} columns beside {@code seed}: a double (R, spreadsheets) keeps 15 to 17 of
     * a 64-bit seed's up to 19 decimal digits, and the {@code 0x} keeps every tool from taking
     * the text for a number. Example: -7272881979044902931 is {@code 0x9b11885f99b047ed}.
     */
    public static String seedHex(long seed) {
        return String.format("0x%016x", seed);
    }

    public static final Section<ReplicationResult> ENGINE = Section.single("engine",
            "the event engine's work per replication", r -> r, List.of(
                    Metric.value("events", "events",
                            "events dispatched by the engine in one replication, warm-up included",
                            r -> r.events()),
                    Metric.timing("wall_seconds", "s",
                            "wall-clock time of one replication (varies from run to run)",
                            ReplicationResult::wallSeconds),
                    Metric.timing("events_per_second", "events/s",
                            "events over wall-clock seconds of one replication (varies from run "
                                    + "to run)",
                            r -> r.wallSeconds() > 0 ? r.events() / r.wallSeconds() : Double.NaN)));

    public static final Section<Totals> TOTALS = Section.single("totals",
            "the China–Europe corridor over the measured window (horizon minus warm-up): every "
                    + "flow but background ones",
            ReplicationResult::totals, List.of(
                    Metric.value("trains_delivered", "trains",
                            "trains that reached their destination in the measured window",
                            t -> t.trainsDelivered()),
                    Metric.value("teu_delivered", "TEU",
                            "TEU carried by those trains", Totals::teuDelivered),
                    Metric.value("teu_per_year", "TEU/year",
                            "teu_delivered scaled to 365.25 days", Totals::teuPerYear),
                    Metric.perTrain("transit_days", "days",
                            "per delivered train, departure from origin to arrival at destination",
                            Totals::transitDays),
                    Metric.value("trains_in_system_at_end", "trains",
                            "trains generated and not yet delivered at the horizon",
                            t -> t.trainsInSystemAtEnd())));

    public static final Section<Totals> BACKGROUND_TOTALS = Section.optionalSingle(
            "background_totals", "the trains of background flows (not China–Europe container "
                    + "trains) over the measured window, with the same metrics as totals; only "
                    + "when the scenario has a background flow",
            ReplicationResult::backgroundTotals, TOTALS.metrics());

    public static final Section<FlowResult> FLOWS = Section.keyed("flows",
            "per demand flow of the scenario", ReplicationResult::flows,
            List.of(new Label<>("from", "the flow's origin node id", FlowResult::from),
                    new Label<>("to", "the flow's destination node id", FlowResult::to),
                    Label.flag("background", "true for background traffic (not China–Europe "
                            + "container trains; left out of totals, counted in "
                            + "background_totals); only when the scenario has a background flow",
                            FlowResult::background)),
            List.of(
                    Metric.value("trains_generated", "trains",
                            "trains the flow put on the railway in the measured window (accepted, or held at "
                                    + "the origin; refused trains are not counted)",
                            f -> f.trainsGenerated()),
                    Metric.value("trains_delivered", "trains",
                            "of the flow's trains, those delivered in the measured window",
                            f -> f.trainsDelivered()),
                    Metric.value("trains_offered", "trains",
                            "trains the flow's demand offered in the measured window; = "
                                    + "accepted + refused + held at the end",
                            f -> f.offers().offered()),
                    Metric.value("trains_accepted", "trains",
                            "of the trains offered, those the railway accepted and dispatched "
                                    + "(at once or after a hold)",
                            f -> f.offers().accepted()),
                    Metric.value("trains_refused", "trains",
                            "of the trains offered, those refused because an acceptance ban "
                                    + "lay on their route (policy: refuse)",
                            f -> f.offers().refused()),
                    Metric.value("trains_held", "trains",
                            "of the trains offered, those held at the origin by an acceptance "
                                    + "ban at least once (policy: hold)",
                            f -> f.offers().held()),
                    Metric.value("trains_held_at_end", "trains",
                            "of the trains offered, those still held at the origin at the "
                                    + "horizon",
                            f -> f.offers().heldAtEnd()),
                    Metric.value("teu_delivered", "TEU", "TEU carried by those trains",
                            FlowResult::teuDelivered),
                    Metric.value("empty_teu_delivered", "TEU",
                            "empty TEU carried by those trains (not counted in teu_delivered)",
                            FlowResult::emptyTeuDelivered),
                    Metric.perTrain("transit_days", "days",
                            "per delivered train of the flow, origin to destination",
                            FlowResult::transitDays),
                    Metric.value("cost_usd_per_teu", "USD/TEU",
                            "cost per TEU delivered (TEU-weighted over the flow's trains): link "
                                    + "tariffs, node and ferry fees, and the value of the TEU's "
                                    + "time in transit",
                            f -> f.cost().usdPerTeu()),
                    Metric.value("co2_kg_per_teu", "kg/TEU",
                            "CO2 per TEU delivered (TEU-weighted): links by traction or "
                                    + "vessel, and handling at nodes",
                            f -> f.cost().co2KgPerTeu())),
            List.of(new Share<>("route_share", "route", "trains",
                    "fraction of the flow's delivered trains that took each route",
                    FlowResult::routeTrains)), List.of(),
            List.of(new Parts<>("time_breakdown_hours", "cause", "h",
                            "per delivered train of the flow, mean hours running, processing and "
                                    + "waiting for each cause (server_queue, quota, headway, "
                                    + "opposing_train, closure, storm, ferry_load, rolling_stock, "
                                    + "acceptance_ban; berth where ports have berths); the parts "
                                    + "add up to the mean transit time",
                            FlowResult::timeBreakdownHours),
                    new Parts<>("wait_by_place_hours", "place", "h",
                            "per delivered train of the flow, mean hours waiting at each node "
                                    + "and link of its routes",
                            FlowResult::waitByPlaceHours),
                    new Parts<>("cost_parts_usd_per_teu", "part", "USD/TEU",
                            "cost_usd_per_teu split into tariff, fees and time; the parts add up "
                                    + "to it",
                            f -> f.cost().parts())));

    public static final Section<NodeResult> NODES = Section.keyed("nodes",
            "per node (terminal, border, gauge-change station, port)", ReplicationResult::nodes,
            List.of(), List.of(
                    Metric.value("arrivals", "trains", "trains that arrived at the node",
                            n -> n.arrivals()),
                    Metric.value("wait_hours", "h",
                            "mean time a train waits before its processing starts (all servers "
                                    + "busy or the day's quota reached)",
                            NodeResult::waitHours),
                    Metric.value("process_hours", "h",
                            "mean processing time (handling, customs, gauge change)",
                            NodeResult::processHours),
                    Metric.value("utilization", "fraction",
                            "busy server-time over available server-time", NodeResult::utilization),
                    Metric.value("queue_mean", "trains",
                            "time-average number of trains waiting", NodeResult::queueMean),
                    Metric.value("queue_max", "trains", "largest number of trains waiting",
                            NodeResult::queueMax),
                    Metric.value("quota_hits", "trains",
                            "trains held back at least once because the day's quota was reached",
                            n -> n.quotaHits()),
                    Metric.value("teu_per_day", "TEU/day",
                            "loaded and empty TEU of the trains that finished processing at the "
                                    + "node, per measured day",
                            NodeResult::teuPerDay)),
            List.of(), List.of(new Breakdown<>("directions", "direction",
                    "the node's values for the trains of each direction (west, east)",
                    NodeResult::directions),
                    new Breakdown<>("monthly", "month",
                            "the node's values per calendar month (jan … dec, placed by the "
                                    + "scenario's start date), where trains queue",
                            NodeResult::monthly)));

    public static final Section<LinkResult> LINKS = Section.keyed("links",
            "per rail or ferry link, both directions", ReplicationResult::links, List.of(
                    Metric.value("trains", "trains", "trains that entered the link",
                            l -> l.trains()),
                    Metric.value("utilization", "fraction",
                            "share of the link's capacity used (rail: entries over capacity; "
                                    + "ferry: wagons carried over wagon places sailed)",
                            LinkResult::utilization),
                    Metric.value("wait_hours", "h",
                            "mean wait to enter the link (headway, opposing train on single "
                                    + "track, ferry loading)",
                            LinkResult::waitHours),
                    Metric.value("capacity_consumption", "fraction",
                            "rail: mean over the measured days of the day's capacity "
                                    + "consumption in the spirit of UIC 406 (double track: the "
                                    + "busier direction's entries times the headway over the day; "
                                    + "single track: section-time occupied over section-time)",
                            LinkResult::capacityConsumption),
                    Metric.value("capacity_consumption_peak_day", "fraction",
                            "rail: the largest day's capacity consumption in the replication",
                            LinkResult::capacityConsumptionPeakDay)),
            List.of());

    public static final Section<RouteResult> ROUTES = Section.keyed("routes",
            "per route actually taken by delivered trains", ReplicationResult::routes, List.of(),
            List.of(
                    Metric.value("trains", "trains", "trains delivered over the route",
                            r -> r.trains()),
                    Metric.perTrain("transit_days", "days",
                            "per train delivered over the route, origin to destination",
                            RouteResult::transitDays),
                    Metric.value("cost_usd_per_teu", "USD/TEU",
                            "cost per TEU delivered over the route (TEU-weighted): tariffs, "
                                    + "fees and the value of time in transit",
                            r -> r.cost().usdPerTeu()),
                    Metric.value("co2_kg_per_teu", "kg/TEU",
                            "CO2 per TEU delivered over the route", r -> r.cost().co2KgPerTeu())),
            List.of(), List.of(), List.of(new Parts<>("cost_parts_usd_per_teu", "part", "USD/TEU",
                    "cost_usd_per_teu split into tariff, fees and time; the parts add up to it",
                    r -> r.cost().parts())));

    public static final Section<FleetResult> FLEETS = Section.keyed("fleets",
            "per fleet of rolling stock (wagon sets, locomotives); only when the scenario has "
                    + "fleets", ReplicationResult::fleets,
            List.of(new Label<>("kind", "wagons or locomotives", FleetResult::kind)), List.of(
                    Metric.value("size", "units", "units in the fleet", f -> f.size()),
                    Metric.value("utilization", "fraction",
                            "time-average units with a train or running back empty, over size",
                            FleetResult::utilization),
                    Metric.value("in_use", "units", "time-average units with a train",
                            FleetResult::inUseMean),
                    Metric.value("returning", "units",
                            "time-average units running empty (back, or to a waiting train)",
                            FleetResult::returningMean),
                    Metric.value("wait_hours", "h",
                            "mean wait of a train for this fleet's units where it takes them "
                                    + "(0 for one that found them free)",
                            FleetResult::waitHours),
                    Metric.value("takes", "trains", "times trains took this fleet's units",
                            f -> f.takes()),
                    Metric.value("trains_waited", "trains",
                            "of those, the ones that had to wait", f -> f.trainsWaited()),
                    Metric.value("units_taken", "units",
                            "units taken (a re-formed train takes one per train it makes)",
                            f -> f.unitsTaken())),
            List.of(), List.of());

    public static final Section<ReformResult> REFORMING = Section.keyed("reforming",
            "per re-forming node, both directions; only when the scenario re-forms trains",
            ReplicationResult::reforming, List.of(
                    Metric.value("trains", "trains",
                            "trains that entered the re-forming side (as they run off it)",
                            r -> r.trains()),
                    Metric.value("side_trains", "trains",
                            "the trains they make on the side", r -> r.sideTrains()),
                    Metric.value("side_trains_per_train", "ratio",
                            "side_trains over trains",
                            r -> r.trains() > 0 ? r.sideTrains() / (double) r.trains()
                                    : Double.NaN),
                    Metric.value("teu", "TEU", "their TEU, loaded and empty", r -> r.teu())),
            List.of());

    public static final Section<PortResult> PORTS = Section.keyed("ports",
            "per port with berths (vessels hold a berth per loading or unloading call); only "
                    + "when the scenario has berths",
            ReplicationResult::ports, List.of(
                    Metric.value("berths", "berths", "berths at the port", p -> p.berths()),
                    Metric.value("vessel_calls", "calls",
                            "loading and unloading calls begun at the port", p -> p.vesselCalls()),
                    Metric.value("berth_wait_hours", "h",
                            "mean wait at anchorage per call (0 for a vessel that found a berth)",
                            PortResult::berthWaitHours),
                    Metric.value("handling_hours", "h", "mean berth time per call",
                            PortResult::handlingHours),
                    Metric.value("turnaround_hours", "h",
                            "anchorage plus berth time per call", PortResult::turnaroundHours),
                    Metric.value("utilization", "fraction",
                            "time-average berths holding a vessel, over berths",
                            PortResult::utilization),
                    Metric.value("anchorage_max", "vessels",
                            "the most vessels at anchorage at once", p -> p.anchorageMax())),
            List.of());

    /** Sections in results.json order. */
    public static final List<Section<?>> SECTIONS = List.of(ENGINE, TOTALS, BACKGROUND_TOTALS,
            FLOWS, NODES, LINKS, ROUTES, FLEETS, REFORMING, PORTS);

    /**
     * Whether results.json leaves out {@code section} when it has no entities: the sections a
     * scenario has only when it uses them, so that a scenario without them writes what it
     * wrote before they existed.
     */
    public static boolean omittedWhenEmpty(Section<?> section) {
        return section == FLEETS || section == REFORMING || section == PORTS
                || section == BACKGROUND_TOTALS;
    }

    /** Series under results.json's {@code series} key, for the report's charts. */
    public static final List<SeriesKind> SERIES = List.of(
            new SeriesKind("node_queue_daily", "trains", "day",
                    "per node, time-average number of trains waiting on each measured day",
                    ReplicationResult.Series::nodeQueueDaily),
            new SeriesKind("route_teu_monthly", "TEU", "30 days",
                    "per route, TEU delivered in each 30-day period of the measured window",
                    ReplicationResult.Series::routeTeuMonthly),
            new SeriesKind("ferry_utilization_monthly", "fraction", "30 days",
                    "per ferry link, wagons carried over wagon places sailed in each 30-day "
                            + "period",
                    ReplicationResult.Series::ferryUtilizationMonthly));

    /** The section with this key, or {@code null}. */
    public static Section<?> section(String key) {
        for (Section<?> s : SECTIONS) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }
}
