#!/usr/bin/env python3
"""Calibration check of the shipped baseline: each target of docs/calibration.md against the model.

    python3 tools/calibration.py            # runs the baseline (20 replications) into
                                            # out/calibration/, then prints the table
    python3 tools/calibration.py DIR        # prints the table of a finished run in DIR
    python3 tools/calibration.py --run DIR  # runs into DIR, then prints

Run from the repository root. The run is exactly
    ./silkrail run scenarios/baseline-2025.yaml --replications 20 --out DIR --quiet
(seed, horizon and warm-up are the scenario's). Every model value is the mean over replications
of a per-replication value computed from the run's CSV files, with its Student-t 95 % interval,
so sums and ratios (trains through both crossings, the eastbound : westbound ratio) carry their
own interval; transit percentiles are of all trains pooled (results.json). Yearly counts are the
measured window's counts × 365.25 / measured days. Standard library only.

Each row names the results it reads; the reference values and their sources are those of
eurasia-reference.md (section and [S#] keys), quoted in docs/calibration.md.
"""
import csv
import json
import math
import os
import statistics
import subprocess
import sys
from collections import defaultdict

SCENARIO = "scenarios/baseline-2025.yaml"
REPLICATIONS = 20

# Student-t 0.975 quantiles by degrees of freedom (df > 30: interpolated, then the normal's).
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120,
        17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064,
        25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042, 40: 2.021, 60: 2.000,
        120: 1.980}


def t975(df):
    if df in T975:
        return T975[df]
    keys = sorted(T975)
    if df > keys[-1]:
        return 1.960
    lo = max(k for k in keys if k < df)
    hi = min(k for k in keys if k > df)
    return T975[lo] + (T975[hi] - T975[lo]) * (df - lo) / (hi - lo)


def stat(values):
    """(mean, ci95_low, ci95_high) of per-replication values."""
    values = [v for v in values if v is not None and not math.isnan(v)]
    if not values:
        return (float("nan"),) * 3
    mean = statistics.fmean(values)
    if len(values) < 2:
        return mean, float("nan"), float("nan")
    half = t975(len(values) - 1) * statistics.stdev(values) / math.sqrt(len(values))
    return mean, mean - half, mean + half


def read(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(text):
    return float(text) if text not in ("", None) else float("nan")


class Run:
    """A finished run's per-replication values, keyed as in its CSV files."""

    def __init__(self, folder):
        self.results = json.load(open(os.path.join(folder, "results.json"), encoding="utf-8"))
        self.reps = [r["replication"] for r in read(folder, "replications.csv")]
        self.days = {r["replication"]: num(r["measured_days"])
                     for r in read(folder, "replications.csv")}
        self.node_dir = defaultdict(dict)   # (id, direction, key) -> {rep: value}
        for r in read(folder, "node_directions.csv"):
            for k, v in r.items():
                if k not in ("replication", "id", "direction"):
                    self.node_dir[(r["id"], r["direction"], k)][r["replication"]] = num(v)
        self.node = defaultdict(dict)
        for r in read(folder, "nodes.csv"):
            for k, v in r.items():
                if k not in ("replication", "id"):
                    self.node[(r["id"], k)][r["replication"]] = num(v)
        self.flow = defaultdict(dict)
        for r in read(folder, "flows.csv"):
            for k, v in r.items():
                if k not in ("replication", "id", "from", "to"):
                    self.flow[(r["id"], k)][r["replication"]] = num(v)
        self.route = defaultdict(dict)
        for r in read(folder, "routes.csv"):
            for k, v in r.items():
                if k not in ("replication", "id"):
                    self.route[(r["id"], k)][r["replication"]] = num(v)
        self.breakdown = defaultdict(dict)   # (flow, cause) -> {rep: hours}
        for r in read(folder, "time_breakdown_hours.csv"):
            self.breakdown[(r["id"], r["cause"])][r["replication"]] = num(
                r["time_breakdown_hours"])
        self.wait_at = defaultdict(dict)     # (flow, place) -> {rep: hours}
        for r in read(folder, "wait_by_place_hours.csv"):
            self.wait_at[(r["id"], r["place"])][r["replication"]] = num(r["wait_by_place_hours"])
        self.fastest = {}                    # flow -> shortest transit of any train, days
        for r in read(folder, "trains.csv"):
            t = num(r["transit_days"])
            if t < self.fastest.get(r["id"], float("inf")):
                self.fastest[r["id"]] = t
        self.fleet = defaultdict(dict)
        for r in read(folder, "fleets.csv"):
            for k, v in r.items():
                if k not in ("replication", "id", "kind"):
                    self.fleet[(r["id"], k)][r["replication"]] = num(v)

    def per_rep(self, fn):
        """fn(rep) for every replication, as a (mean, low, high) statistic."""
        return stat([fn(rep) for rep in self.reps])

    def yearly(self, table, key, rep):
        return table[key].get(rep, 0.0) * 365.25 / self.days[rep]

    def crossing(self, direction, rep):
        """Trains a year through Dostyk and Altynkol in one direction."""
        return sum(self.yearly(self.node_dir, (n, direction, "arrivals"), rep)
                   for n in ("DOS", "ALT"))

    def flows_to(self, predicate):
        return [f for f in self.results["flows"] if predicate(self.results["flows"][f])]


def fmt(x, digits=0):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if digits == 0:
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def show(s, digits=0):
    mean, low, high = s
    return f"**{fmt(mean, digits)}** [{fmt(low, digits)}, {fmt(high, digits)}]"


def gap(s, reference=None, low=None, high=None):
    """Relative gap to a value, or where the mean lies against a range."""
    mean = s[0]
    if reference is not None:
        return f"{(mean - reference) / reference * 100:+.1f} %"
    if mean < low:
        return f"{(mean - low) / low * 100:+.1f} % below the range"
    if mean > high:
        return f"{(mean - high) / high * 100:+.1f} % above the range"
    return "within the range"


def rows(run):
    """(target, reference, source, model, gap, reads) per calibration target."""
    out = []
    res = run.results

    west = run.per_rep(lambda r: run.crossing("west", r))
    east = run.per_rep(lambda r: run.crossing("east", r))
    both = run.per_rep(lambda r: run.crossing("west", r) + run.crossing("east", r))
    w_ref = 16400 * 10546 / 19392
    out.append(("Westbound trains a year through the Xinjiang crossings",
                f"{fmt(w_ref)} (16,400 both ways × the national westbound share 10,546 / 19,392)",
                "§3.3 [S23], §5 [S95]", show(west), gap(west, w_ref),
                "nodes.{DOS,ALT}.directions.west.arrivals"))
    out.append(("Eastbound trains a year through the Xinjiang crossings",
                f"{fmt(16400 - w_ref)} (16,400 less the westbound)", "§3.3 [S23], §5 [S95]",
                show(east), gap(east, 16400 - w_ref),
                "nodes.{DOS,ALT}.directions.east.arrivals"))
    out.append(("Both ways", "16,400 (2024)", "§3.3 [S23]", show(both), gap(both, 16400),
                "the two rows above"))
    ratio = run.per_rep(lambda r: run.crossing("east", r) / run.crossing("west", r))
    out.append(("Eastbound : westbound", "0.839 (national 2024); 0.72 (2018)", "§5 [S95][S99]",
                show(ratio, 3), gap(ratio, 8846 / 10546), "the rows above"))
    dos_share = run.per_rep(lambda r: sum(
        run.yearly(run.node_dir, ("DOS", d, "arrivals"), r) for d in ("west", "east"))
        / (run.crossing("west", r) + run.crossing("east", r)))
    out.append(("Alashankou–Dostyk share of the crossings' trains", "0.48 (Khorgos 0.52), derived",
                "§3.3 [S23][S26]", show(dos_share, 3), gap(dos_share, 0.48),
                "nodes.DOS.directions.*.arrivals over both crossings"))
    for node, name, ref_low, ref_high, src in (
            ("ALA", "Alashankou", 21, 30, ">21 a day Jan–May 2025, peak 30 [S23]"),
            ("ALT", "Khorgos–Altynkol", 22, 22, "22 a day in 2024 [S27]")):
        per_day = run.per_rep(lambda r, n=node: sum(
            run.node_dir[(n, d, "arrivals")].get(r, 0.0) for d in ("west", "east"))
            / run.days[r])
        out.append((f"{name}: trains a day, both ways", f"{ref_low}" if ref_low == ref_high
                    else f"{ref_low}–{ref_high}", f"§3.1/§3.2 {src}", show(per_day, 1),
                    gap(per_day, ref_low) if ref_low == ref_high
                    else gap(per_day, low=ref_low, high=ref_high),
                    f"nodes.{node}.directions.*.arrivals / measured days"))

    titr_w = run.per_rep(lambda r: (
        run.flow[("xian-titr", "trains_delivered")].get(r, 0.0)
        + run.route[("titr-europe", "trains")].get(r, 0.0)) / run.days[r] * 365.25)
    titr_share = run.per_rep(lambda r: (
        run.flow[("xian-titr", "trains_delivered")].get(r, 0.0)
        + run.route[("titr-europe", "trains")].get(r, 0.0)) / run.days[r] * 365.25
        / run.crossing("west", r))
    out.append(("Westbound China trains by the Trans-Caspian route a year", ">300 (2024)",
                "§4.1 [S50][S51]", show(titr_w), gap(titr_w, low=300, high=1e9),
                "flows.xian-titr.trains_delivered + routes.titr-europe.trains"))
    out.append(("Their share of the westbound crossings", "~0.03", "§8.1", show(titr_share, 3),
                gap(titr_share, 0.03), "the row above over the westbound crossings"))

    xian = ["xian-europe", "xian-titr", "xian-central-asia"]
    to_xian = [f for f in res["flows"] if res["flows"][f]["to"] == "XIA"]
    xian_year = run.per_rep(lambda r: sum(
        run.flow[(f, "trains_generated")].get(r, 0.0) for f in xian + to_xian)
        / run.days[r] * 365.25)
    out.append(("Xi'an trains a year, in + out", "≈ 6,080 (5,063 in Jan–Oct 2025 × 12/10)",
                "§5 [S109][S110]", show(xian_year), gap(xian_year, 5063 * 1.2),
                "flows.{xian-*,*-xian}.trains_generated"))
    europe_share = run.per_rep(lambda r: sum(
        run.flow[(f, "trains_generated")].get(r, 0.0)
        for f in ("xian-europe", "xian-titr", "europe-xian", "titr-xian"))
        / sum(run.flow[(f, "trains_generated")].get(r, 0.0) for f in xian + to_xian))
    out.append(("Xi'an: share of its trains to or from Europe and Türkiye",
                "0.77 (3,917 of 5,063, Jan–Oct 2025)", "§5 [S110]", show(europe_share, 3),
                gap(europe_share, 3917 / 5063), "as above"))

    transit = res["flows"]["xian-europe"]["transit_days"]
    xd = run.per_rep(lambda r: run.flow[("xian-europe", "transit_days")].get(r))
    out.append(("Xi'an–Duisburg transit, days (mean over trains; pooled p50, p95)", "12–14",
                "§5 [S114]", show(xd, 2) + f"; p50 {transit['p50']:.2f}, p95 {transit['p95']:.2f}",
                gap(xd, low=12, high=14), "flows.xian-europe.transit_days"))
    northern = res["routes"]["northern"]["transit_days"]
    nd = run.per_rep(lambda r: run.route[("northern", "transit_days")].get(r))
    out.append(("… of it on the northern route by Dostyk", "12–14", "§5 [S114]",
                show(nd, 2) + f"; p50 {northern['p50']:.2f}, p95 {northern['p95']:.2f}",
                gap(nd, low=12, high=14), "routes.northern.transit_days"))
    running = run.per_rep(lambda r: run.breakdown[("xian-europe", "running")].get(r, 0) / 24)
    out.append(("Xi'an–Duisburg time moving (running only), days", "9–10 with no delay (§8.1's "
                "speed calibration)", "§8.1 [S114]", show(running, 2),
                gap(running, low=9, high=10), "flows.xian-europe.time_breakdown_hours.running"))
    out.append(("Fastest Xi'an–Duisburg train of all replications, days",
                "≈ 9.8 (the record run, ≈ 1,010 km/day over 9,908 km)", "§5 [S114]",
                f"**{run.fastest.get('xian-europe', float('nan')):.2f}**",
                gap((run.fastest.get("xian-europe", float("nan")),), 9908 / 1010),
                "min of trains.csv, flow xian-europe"))
    dx = run.per_rep(lambda r: run.flow[("europe-xian", "transit_days")].get(r))
    out.append(("Duisburg–Xi'an transit, days", "not given", "—", show(dx, 2), "no target",
                "flows.europe-xian.transit_days"))

    for direction in ("west", "east"):
        teu = run.per_rep(lambda r, d=direction: run.node_dir[("DOS", d, "teu_per_day")].get(r))
        util = run.per_rep(lambda r, d=direction: run.node_dir[("DOS", d, "utilization")].get(r))
        out.append((f"Dostyk transshipment, {direction}bound, TEU a day",
                    "760 (the station; + TransTerminal up to 12 trains a day)",
                    "§3.1 [S13][S16]", show(teu) + f", utilisation {util[0]:.2f}",
                    "the node is the whole Dostyk complex (capacity 1,920 a day)",
                    f"nodes.DOS.directions.{direction}.teu_per_day"))
    for direction in ("west", "east"):
        per_day = run.per_rep(lambda r, d=direction: run.node_dir[("MAL", d, "arrivals")].get(
            r, 0.0) / run.days[r])
        util = run.per_rep(lambda r, d=direction: run.node_dir[("MAL", d, "utilization")].get(r))
        hits = run.per_rep(lambda r, d=direction: run.node_dir[("MAL", d, "quota_hits")].get(r))
        out.append((f"Małaszewicze, {direction}bound trains a day", "quota 14 pairs a day",
                    "§3.5 [S37][S38]", show(per_day, 2)
                    + f", utilisation {util[0]:.2f}, quota hits {fmt(hits[0])}",
                    f"{per_day[0] / 14 * 100:.0f} % of the quota",
                    f"nodes.MAL.directions.{direction}.arrivals, utilization, quota_hits"))
    mal_wait = run.per_rep(lambda r: run.node_dir[("MAL", "west", "wait_hours")].get(r))
    out.append(("Małaszewicze wait before handling, westbound, h", "2–3 days, often 5 (2018)",
                "§3.5 [S35]", show(mal_wait, 1), "far shorter (see the notes)",
                "nodes.MAL.directions.west.wait_hours"))
    q = run.per_rep(lambda r: run.node_dir[("DOS", "east", "queue_max")].get(r))
    qw = run.per_rep(lambda r: run.node_dir[("DOS", "west", "queue_max")].get(r))
    years = sorted(run.node_dir[("DOS", "east", "queue_max")].values())
    out.append(("Largest China-bound queue at Dostyk in a year, trains", "55 (Sep–Nov 2024)",
                "§3.1 [S31][S32]", show(q, 1) + f" (westbound {fmt(qw[0], 1)}); over the "
                f"{len(years)} replications median {fmt(statistics.median(years))}, "
                f"largest {fmt(years[-1])}, {sum(1 for y in years if y >= 40)} at 40 or more",
                gap(q, 55), "nodes.DOS.directions.east.queue_max"))
    refused = run.per_rep(lambda r: sum(
        run.flow[(f, "trains_refused")].get(r, 0.0) for f in res["flows"])
        / run.days[r] * 365.25)
    out.append(("Trains refused a year by acceptance bans (all flows)",
                "not counted (bans toward Dostyk and Altynkol Sep–Dec 2024)", "§3.1 [S31][S34]",
                show(refused), "no target", "flows.*.trains_refused"))
    kuryk = run.per_rep(lambda r: run.wait_at[("titr-xian", "KUR")].get(r))
    stock = run.per_rep(lambda r: run.breakdown[("titr-xian", "rolling_stock")].get(r))
    out.append(("Eastbound TITR train's wait at Kuryk, h", "not given", "—",
                show(kuryk, 1) + f" (rolling stock {stock[0]:.1f} h of its whole trip)",
                "no target", "flows.titr-xian.wait_by_place_hours.KUR"))
    for fleet in res.get("fleets", {}):
        w = run.per_rep(lambda r, f=fleet: run.fleet[(f, "wait_hours")].get(r))
        u = run.per_rep(lambda r, f=fleet: run.fleet[(f, "utilization")].get(r))
        out.append((f"Fleet {fleet}: wait per take, h; utilisation", "no source", "§3.1",
                    show(w, 2) + f"; {u[0]:.2f}", "assumption",
                    f"fleets.{fleet}.wait_hours, utilization"))
    return out


def main(argv):
    folder = None
    do_run = False
    args = list(argv)
    if args and args[0] == "--run":
        do_run = True
        args.pop(0)
    if args:
        folder = args[0]
    else:
        folder = "out/calibration"
        do_run = True
    if do_run:
        # silkrail's own summary goes to stderr: stdout carries only the table
        subprocess.run(["./silkrail", "run", SCENARIO, "--replications", str(REPLICATIONS),
                        "--out", folder, "--quiet"], check=True, stdout=sys.stderr)
    run = Run(folder)
    res = run.results
    print(f"{res['scenario']}: {res['replications']} replications, seed {res['seed']}, "
          f"{res['horizon_days']} days of which {res['warmup_days']} warm-up, "
          f"input_sha256 {res['input_sha256'][:8]}…{res['input_sha256'][-4:]}, "
          f"silkrail {res['silkrail_version']}")
    print()
    print("| target | reference | source | model: mean [95 % CI] | gap | reads |")
    print("|---|---|---|---|---|---|")
    for row in rows(run):
        print("| " + " | ".join(row[:5]) + f" | `{row[5]}` |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
