package org.silkrail.report.html;

import org.silkrail.cli.Cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.silkrail.network.NetworkSpec;
import org.silkrail.scenario.ScenarioLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of the baseline scenario, opened in headless Chromium: it renders without a
 * JavaScript error or a network request, the map shows every node of the scenario, every chart
 * has data, the tables sort, and names a user wrote stay text. Screenshots go to
 * {@code target/report-screenshot.png} and {@code target/report-map.png}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs
 * them); the test fails, never skips, when they are missing. Other paths can be given with
 * {@code -Dsilkrail.chromium=…} and {@code -Dsilkrail.chromedriver=…}.
 */
class ReportBrowserTest {
    static final String CHROMIUM = System.getProperty("silkrail.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("silkrail.chromedriver",
            "/usr/bin/chromedriver");
    static final String BASELINE = "scenarios/baseline-2025.yaml";
    static final String HOSTILE = "src/test/resources/report/hostile.yaml";
    static final String SWEEP_FIXTURE = "src/test/resources/report/sweep";

    /**
     * Installed before any script of the page runs: collects uncaught errors, rejected promises,
     * Content-Security-Policy violations (a request the page tried) and console errors and
     * warnings.
     */
    static final String PROBLEM_TRAP = """
            window.__problems = [];
            window.addEventListener('error', function (e) {
              window.__problems.push('error: ' + e.message + ' at ' + e.filename + ':' + e.lineno);
            }, true);
            window.addEventListener('unhandledrejection', function (e) {
              window.__problems.push('unhandled rejection: ' + e.reason);
            });
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__problems.push('blocked by CSP: ' + e.violatedDirective + ' ' + e.blockedURI);
            });
            ['error', 'warn'].forEach(function (level) {
              var original = console[level];
              console[level] = function () {
                window.__problems.push('console.' + level + ': '
                    + Array.prototype.slice.call(arguments).join(' '));
                return original.apply(console, arguments);
              };
            });
            """;

    @TempDir
    static Path dir;

    static ChromeDriver driver;
    static Path baselineReport;

    @BeforeAll
    static void runBaselineAndStartBrowser() throws IOException {
        assertThat(new File(CHROMIUM)).as("headless Chromium for the report test: install it "
                + "with 'apt-get install -y chromium chromium-driver' (.ci/run does)")
                .canRead();
        assertThat(new File(CHROMEDRIVER)).as("chromedriver for the report test: install it "
                + "with 'apt-get install -y chromium chromium-driver' (.ci/run does)")
                .canRead();

        Path out = dir.resolve("baseline");
        Cli.Outcome run = Cli.execute("run", BASELINE, "--replications", "3", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        baselineReport = out.resolve("report.html");
        // the run ends by naming its report
        assertThat(run.out().strip()).endsWith(baselineReport.toString());

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
                "--window-size=1400,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", PROBLEM_TRAP));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void baselineReport_opened_rendersMapChartsAndTablesWithoutProblems() throws Exception {
        open(baselineReport);

        assertThat(problems()).as("JavaScript errors, warnings and blocked requests").isEmpty();
        assertThat(script("return performance.getEntriesByType('resource').length"))
                .as("requests the page made").isEqualTo(0L);

        // the map: one symbol per node of the scenario, each inside the drawn area
        NetworkSpec network = ScenarioLoader.load(Path.of(BASELINE), List.of()).model()
                .network();
        List<String> scenarioNodes = new ArrayList<>(network.nodes().keySet());
        assertThat(scenarioNodes).hasSizeGreaterThan(30);
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) script("""
                var chart = window.silkrail.charts.map;
                var series = chart.getOption().series.filter(function (s) { return s.id === 'nodes'; })[0];
                var w = chart.getWidth(), h = chart.getHeight();
                return series.data.filter(function (d) {
                  var p = chart.convertToPixel({seriesId: 'nodes'}, d.value);
                  return p[0] >= 0 && p[0] <= w && p[1] >= 0 && p[1] <= h;
                }).map(function (d) { return d.name; });
                """);
        assertThat(drawn).containsExactlyElementsOf(scenarioNodes);
        assertThat(script("""
                return window.silkrail.charts.map.getOption().series
                    .filter(function (s) { return s.id === 'links'; })[0].data.length;"""))
                .isEqualTo((long) network.links().size());
        // the named routes are drawn and listed in the legend
        assertThat(script("""
                return window.silkrail.charts.map.getOption().legend[0].data.join(',');"""))
                .isEqualTo("northern,titr,titr-kuryk,northern-khorgos,titr-europe,titr-black-sea");

        // every chart drawn, with data
        List<WebElement> charts = driver.findElements(By.cssSelector("[data-chart]"));
        assertThat(charts).extracting(e -> e.getAttribute("data-chart"))
                .containsExactly("map", "transit", "time-breakdown", "route-cost",
                        "border-waits", "node-directions", "fleets", "queues", "queues-monthly",
                        "route-teu", "ferries");
        for (WebElement chart : charts) {
            String name = chart.getAttribute("data-chart");
            assertThat(chart.getAttribute("data-state")).as(name).isEqualTo("ok");
            Object points = script("""
                    var option = window.silkrail.charts[arguments[0]].getOption();
                    return option.series.reduce(function (n, s) {
                      return n + (s.data || []).filter(function (d) { return d !== null; }).length;
                    }, 0);""", name);
            assertThat((Long) points).as("data points of chart " + name).isGreaterThan(0L);
            assertThat(chart.getSize().getHeight()).as("height of chart " + name)
                    .isGreaterThan(200);
        }
        // the five busiest nodes' queues, each a mean line and a band
        assertThat(script("""
                return window.silkrail.charts.queues.getOption().series
                    .filter(function (s) { return s.type === 'line'; }).length;"""))
                .isEqualTo(5L);
        // and per calendar month: five bar series of 12 months (the baseline runs a whole year)
        assertThat(script("""
                return window.silkrail.charts['queues-monthly'].getOption().series
                    .filter(function (s) { return s.type === 'bar' && s.data.length === 12; })
                    .length;"""))
                .isEqualTo(5L);

        // the fleets: in use, running back and free stack to each fleet's size
        JsonNode fleetStats = JsonMapper.builder().build()
                .readTree(baselineReport.getParent().resolve("results.json").toFile())
                .path("fleets");
        assertThat(fleetStats.size()).isGreaterThan(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> fleetStacks = (Map<String, Object>) script("""
                var option = window.silkrail.charts.fleets.getOption(), out = {};
                option.yAxis[0].data.forEach(function (id, i) {
                  out[id] = option.series.reduce(function (sum, s) { return sum + s.data[i]; }, 0);
                });
                return out;""");
        assertThat(fleetStacks).hasSize(fleetStats.size());
        for (Map.Entry<String, JsonNode> fleet : fleetStats.properties()) {
            assertThat(((Number) fleetStacks.get(fleet.getKey())).doubleValue())
                    .as("units stacked for fleet " + fleet.getKey())
                    .isCloseTo(fleet.getValue().path("size").path("mean").asDouble(), within(1e-6));
        }

        // tables: the KPI summary and the inputs
        assertThat(driver.findElements(By.cssSelector("#table-nodes tbody tr")))
                .hasSize(scenarioNodes.size());
        // the sections the baseline has because it uses them: a row per fleet and per port,
        // each showing the mean of results.json; flows show their origin and destination
        JsonNode ports = JsonMapper.builder().build()
                .readTree(baselineReport.getParent().resolve("results.json").toFile())
                .path("ports");
        assertThat(ports.size()).isGreaterThan(0);
        List<WebElement> portRows = driver.findElements(By.cssSelector("#table-ports tbody tr"));
        assertThat(portRows).extracting(r -> r.findElement(By.cssSelector("td.id")).getText())
                .containsExactlyElementsOf(ports.propertyNames());
        for (WebElement row : portRows) {
            String id = row.findElement(By.cssSelector("td.id")).getText();
            assertThat(row.getText()).as("port " + id).contains(Values.pm(Values.stat(
                    ports.path(id).get("turnaround_hours"))));
        }
        assertThat(driver.findElements(By.cssSelector("#table-fleets tbody tr")))
                .hasSize(fleetStats.size());
        assertThat(driver.findElements(By.cssSelector("#table-flows thead th")))
                .extracting(WebElement::getText).startsWith("flow", "from", "to");
        assertThat(driver.findElement(By.id("inputs")).getText()).contains("seed", "20240520",
                "replications", "input_sha256", "silkrail_version", "horizon_days");

        saveScreenshots();
    }

    /**
     * The basemap under the network: the countries the corridor crosses are in the page and
     * named on the map, and with the network's series removed the map's canvas shows land where
     * Kazakhstan and Georgia are and sea where the Caspian and the Black Sea are (land is drawn
     * warm, r > b; the sea cool, b > r), at points well inside each.
     */
    @Test
    void baselineReport_map_drawsCountriesAndSeasUnderTheNetwork() {
        open(baselineReport);

        @SuppressWarnings("unchecked")
        List<String> countries = (List<String>) script("""
                return window.silkrail.data.basemap.features.map(function (f) {
                  return f.properties.name; });""");
        assertThat(countries).contains("China", "Kazakhstan", "Russia", "Belarus", "Poland",
                "Germany", "Azerbaijan", "Georgia", "Türkiye", "Turkmenistan")
                .doesNotContain("Japan", "Iceland", "Yemen");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) script("""
                return window.silkrail.charts.map.getOption().series
                    .filter(function (s) { return s.id === 'countries'; })[0].data
                    .map(function (d) { return d.name; });""");
        assertThat(labels).contains("Kazakhstan", "Georgia", "Türkiye", "Azerbaijan");
        assertThat(problems()).as("JavaScript errors, warnings and blocked requests").isEmpty();

        @SuppressWarnings("unchecked")
        Map<String, List<Long>> colours = (Map<String, List<Long>>) script("""
                var chart = window.silkrail.charts.map;
                chart.setOption({ series: [] }, { replaceMerge: ['series'] });
                chart.getZr().flush();
                var canvas = chart.getDom().querySelector('canvas');
                var ratio = canvas.width / chart.getWidth();
                var points = { kazakhstan: [66, 48], georgia: [43.6, 42.0],
                  caspian: [50.6, 42.0], blackSea: [34.0, 43.3] };
                // one read of the whole canvas: Chromium warns about repeated reads
                var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width,
                    canvas.height).data;
                var out = {};
                Object.keys(points).forEach(function (name) {
                  var p = chart.convertToPixel({ geoIndex: 0 }, points[name]);
                  var at = 4 * (Math.round(p[1] * ratio) * canvas.width + Math.round(p[0] * ratio));
                  out[name] = [pixels[at], pixels[at + 1], pixels[at + 2]];
                });
                return out;""");
        for (String land : List.of("kazakhstan", "georgia")) {
            List<Long> rgb = colours.get(land);
            assertThat(rgb.get(0)).as(land + " drawn as land: " + rgb).isGreaterThan(rgb.get(2));
        }
        for (String sea : List.of("caspian", "blackSea")) {
            List<Long> rgb = colours.get(sea);
            assertThat(rgb.get(2)).as(sea + " drawn as sea: " + rgb).isGreaterThan(rgb.get(0));
        }
        assertThat(problems()).isEmpty();
    }

    /**
     * "Where the days go" from {@code flows.ID.time_breakdown_hours} of the baseline's own run
     * (cause → statistic; per replication the parts add up to the mean transit time exactly, so
     * their means add up to the mean of the transit means).
     */
    @Test
    void timeBreakdown_baselineRun_stacksEachFlowToItsTransitTime() throws IOException {
        JsonNode results = JsonMapper.builder().build()
                .readTree(baselineReport.getParent().resolve("results.json").toFile());
        List<String> flowsWithTrains = new ArrayList<>();
        for (Map.Entry<String, JsonNode> flow : results.path("flows").properties()) {
            if (flow.getValue().path("transit_days").path("mean").isNumber()) {
                flowsWithTrains.add(flow.getKey());
            }
        }
        assertThat(flowsWithTrains).hasSizeGreaterThan(3);

        open(baselineReport);

        assertThat(problems()).isEmpty();
        assertThat(driver.findElement(By.id("chart-time-breakdown")).getAttribute("data-state"))
                .isEqualTo("ok");
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) script("""
                var option = window.silkrail.charts['time-breakdown'].getOption();
                var flows = option.yAxis[0].data, out = {};
                flows.forEach(function (id, i) {
                  out[id] = option.series.reduce(function (sum, s) { return sum + s.data[i]; }, 0);
                });
                out.causes = option.series.map(function (s) { return s.name; }).join(',');
                out.stacked = option.series.every(function (s) { return s.stack === 'transit'; });
                return out;""");
        assertThat(String.valueOf(drawn.get("causes"))).startsWith("running,processing,")
                .contains("server_queue", "quota", "closure", "storm", "ferry_load");
        assertThat(drawn.get("stacked")).isEqualTo(true);
        for (String flow : flowsWithTrains) {
            double transitDays = results.path("flows").path(flow).path("transit_days")
                    .path("mean").asDouble();
            assertThat(((Number) drawn.get(flow)).doubleValue()).as("days stacked for " + flow)
                    .isCloseTo(transitDays, within(1e-6 * transitDays));
        }
    }

    /**
     * Cost and CO2 per route from the baseline's own run: each route's bar stacks tariff, fees
     * and time to its {@code cost_usd_per_teu}, and the CO2 bar is its {@code co2_kg_per_teu}.
     */
    @Test
    void routeCost_baselineRun_stacksPartsToEachRoutesCostWithCo2Beside() throws IOException {
        JsonNode routes = JsonMapper.builder().build()
                .readTree(baselineReport.getParent().resolve("results.json").toFile())
                .path("routes");

        open(baselineReport);

        assertThat(problems()).isEmpty();
        assertThat(driver.findElement(By.id("chart-route-cost")).getAttribute("data-state"))
                .isEqualTo("ok");
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) script("""
                var option = window.silkrail.charts['route-cost'].getOption();
                var out = { routes: option.yAxis[0].data, cost: {}, co2: {}, parts: [] };
                option.series.forEach(function (s) {
                  if (s.stack === 'cost') {
                    out.parts.push(s.name);
                  }
                });
                out.routes.forEach(function (id, i) {
                  out.cost[id] = option.series.filter(function (s) { return s.stack === 'cost'; })
                      .reduce(function (sum, s) { return sum + s.data[i]; }, 0);
                  out.co2[id] = option.series.filter(function (s) { return s.name === 'CO2'; })[0]
                      .data[i];
                });
                return out;""");
        assertThat(String.valueOf(drawn.get("parts"))).isEqualTo("[tariff, fees, time]");
        @SuppressWarnings("unchecked")
        List<String> drawnRoutes = (List<String>) drawn.get("routes");
        assertThat(drawnRoutes).contains("northern", "titr");
        @SuppressWarnings("unchecked")
        Map<String, Number> cost = (Map<String, Number>) drawn.get("cost");
        @SuppressWarnings("unchecked")
        Map<String, Number> co2 = (Map<String, Number>) drawn.get("co2");
        for (String route : drawnRoutes) {
            double expected = routes.path(route).path("cost_usd_per_teu").path("mean").asDouble();
            assertThat(cost.get(route).doubleValue()).as("cost stacked for " + route)
                    .isCloseTo(expected, within(1e-6 * (1 + expected)));
            assertThat(co2.get(route).doubleValue()).as("CO2 of " + route).isEqualTo(
                    routes.path(route).path("co2_kg_per_teu").path("mean").asDouble());
        }
        // the Caspian ferry is the one CO2 factor of the shipped network
        assertThat(co2.get("titr").doubleValue()).isPositive();
    }

    /**
     * Waits by direction at the key nodes: both directions' bars are the nodes'
     * {@code directions.DIR.wait_hours} means; Dostyk (both ways on the northern route) is
     * among them.
     */
    @Test
    void nodeDirections_baselineRun_drawsWestAndEastWaitsOfEachKeyNode() throws IOException {
        JsonNode nodes = JsonMapper.builder().build()
                .readTree(baselineReport.getParent().resolve("results.json").toFile())
                .path("nodes");

        open(baselineReport);

        assertThat(problems()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) script("""
                var option = window.silkrail.charts['node-directions'].getOption();
                var out = { nodes: option.xAxis[0].data, series: {} };
                option.series.forEach(function (s) {
                  out.series[s.name] = s.data.map(function (d) { return d[1]; });
                });
                return out;""");
        @SuppressWarnings("unchecked")
        List<String> drawnNodes = (List<String>) drawn.get("nodes");
        @SuppressWarnings("unchecked")
        Map<String, List<Number>> series = (Map<String, List<Number>>) drawn.get("series");
        assertThat(series.keySet()).containsExactlyInAnyOrder("west", "east");
        assertThat(drawnNodes).contains("DOS", "MAL");
        for (String direction : series.keySet()) {
            for (int i = 0; i < drawnNodes.size(); i++) {
                assertThat(series.get(direction).get(i).doubleValue())
                        .as(drawnNodes.get(i) + " " + direction)
                        .isEqualTo(nodes.path(drawnNodes.get(i)).path("directions")
                                .path(direction).path("wait_hours").path("mean").asDouble());
            }
        }
    }

    @Test
    void nodesTable_headingClicked_sortsAscendingThenDescending() {
        open(baselineReport);
        WebElement heading = driver.findElements(By.cssSelector("#table-nodes thead th"))
                .stream().filter(th -> th.getText().startsWith("wait_hours")).findFirst()
                .orElseThrow();
        int column = Integer.parseInt(String.valueOf(script(
                "return Array.prototype.indexOf.call(arguments[0].parentNode.children, "
                        + "arguments[0]);", heading)));

        heading.click();
        List<Double> ascending = columnValues(column);
        heading.click();
        List<Double> descending = columnValues(column);

        // nodes without a value (no train reached them) come last either way
        int known = (int) ascending.stream().filter(Double::isFinite).count();
        assertThat(known).isGreaterThan(20);
        assertThat(ascending.subList(0, known)).isSorted();
        List<Double> reversed = new ArrayList<>(ascending.subList(0, known));
        Collections.reverse(reversed);
        assertThat(descending.subList(0, known)).containsExactlyElementsOf(reversed);
        assertThat(descending.subList(known, descending.size())).allMatch(v -> v.isInfinite());
        assertThat(problems()).isEmpty();
    }

    @Test
    void report_namesWithMarkup_showsThemAsTextAndRunsNoScriptFromThem() {
        Path out = dir.resolve("hostile");
        Cli.Outcome run = Cli.execute("run", HOSTILE, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        open(out.resolve("report.html"));

        assertThat(problems()).isEmpty();
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(
                "</script><script>window.__pwned = 1</script> <b>bold</b> & \"quoted\" 'single' "
                        + "<!--");
        assertThat(driver.findElements(By.cssSelector("h1 b, img"))).isEmpty();
        assertThat(driver.findElement(By.id("table-nodes")).getText())
                .contains("<img src=x onerror=\"window.__pwned = 2\">Dostyk & co");
        // the map's tooltip of a node is HTML: hovering must show the name as text
        script("""
                var chart = window.silkrail.charts.map;
                var series = chart.getOption().series;
                var at = series.map(function (s) { return s.id; }).indexOf('nodes');
                var index = series[at].data.map(function (d) { return d.name; }).indexOf('DOS');
                chart.dispatchAction({type: 'showTip', seriesIndex: at, dataIndex: index});""");
        String tooltip = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> tips = d.findElements(By.cssSelector("#map .silkrail-tooltip"));
            return tips.isEmpty() || tips.get(0).getText().isEmpty() ? null
                    : tips.get(0).getText();
        });
        assertThat(tooltip).contains("<img src=x onerror=\"window.__pwned = 2\">Dostyk & co");
        assertThat(driver.findElements(By.cssSelector("#map img"))).isEmpty();
        assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
    }

    @Test
    void sweepReport_opened_drawsEveryMetricAgainstTheVariedParameter() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        for (String name : new String[] {"summary.csv", "sweep-plan.json"}) {
            Files.copy(Path.of(SWEEP_FIXTURE, name), sweep.resolve(name));
        }
        Cli.Outcome o = Cli.execute("report", sweep.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();

        open(sweep.resolve("report.html"));

        assertThat(problems()).isEmpty();
        List<WebElement> charts = driver.findElements(By.cssSelector("[data-chart]"));
        assertThat(charts).extracting(e -> e.getAttribute("data-subject")).containsExactly(
                "totals.teu_per_year", "links.AKU-ALAT.wait_hours", "nodes.AKU.wait_hours");
        for (WebElement chart : charts) {
            assertThat(chart.getAttribute("data-state")).isEqualTo("ok");
            // x: the vessels (numbers, 3 values); a line per demand level
            assertThat(script("""
                    var option = window.silkrail.charts[arguments[0]].getOption();
                    return option.xAxis[0].type + ' ' + option.xAxis[0].name + ' '
                        + option.series.filter(function (s) { return s.type === 'line'; })
                            .map(function (s) { return s.name + ':' + s.data.length; }).join(';');
                    """, chart.getAttribute("data-chart"))).isIn(
                    "value network.links.AKU-ALAT.vessels xian-titr.trains = poisson(1/day):3;"
                            + "xian-titr.trains = poisson(2/day):3",
                    // nodes.AKU.wait_hours has no value for vessels 8, 2/day
                    "value network.links.AKU-ALAT.vessels xian-titr.trains = poisson(1/day):3;"
                            + "xian-titr.trains = poisson(2/day):2");
        }
        assertThat(driver.findElements(By.cssSelector("#table-variants tbody tr"))).hasSize(6);
    }

    @Test
    void compareReport_opened_drawsDifferencesAndRunsSideBySide() throws IOException {
        Path out = dir.resolve("compare");
        Cli.Outcome o = Cli.execute("compare", BASELINE, "scenarios/third-railway.yaml",
                "--replications", "2", "--set", "horizon=120d", "--set", "warmup=10d", "--out",
                out.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();

        open(out.resolve("report.html"));

        assertThat(problems()).isEmpty();
        List<WebElement> charts = driver.findElements(By.cssSelector("[data-chart]"));
        assertThat(charts).extracting(e -> e.getAttribute("data-chart")).containsExactly(
                "compare-differences", "compare-throughput", "compare-transit", "compare-waits",
                "compare-causes-third-railway");
        for (WebElement chart : charts) {
            assertThat(chart.getAttribute("data-state")).as(chart.getAttribute("data-chart"))
                    .isEqualTo("ok");
            assertThat((Long) script("""
                    return window.silkrail.charts[arguments[0]].getOption().series
                        .reduce(function (n, s) { return n + (s.data || []).length; }, 0);""",
                    chart.getAttribute("data-chart"))).isGreaterThan(0L);
        }
        // one row per main metric: TEU/year, transit days, 16 flows (both ways), each flow's
        // cost and CO2 per TEU, up to 5 nodes
        assertThat((Long) script("""
                return window.silkrail.charts['compare-differences'].getOption().yAxis[0]
                    .data.length;""")).isBetween(2L + 16 + 16 + 16, 2L + 16 + 16 + 16 + 5);
        assertThat(driver.findElement(By.id("table-runs")).getText())
                .contains("baseline-2025 (base)", "third-railway");
        compareCauses_drawnDifferences_equalComparisonJson(out);
    }

    /**
     * The per-cause chart draws, for each flow and cause, comparison.json's paired mean
     * difference and interval of {@code flows.ID.time_breakdown_hours.CAUSE}; the causes drawn
     * of each flow add up to its difference in transit time (× 24 h), since the causes left out
     * are 0 in both runs.
     */
    private static void compareCauses_drawnDifferences_equalComparisonJson(Path out)
            throws IOException {
        JsonNode diffs = JsonMapper.builder().build().readTree(out.resolve("comparison.json")
                .toFile()).path("options").path("third-railway");
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) script("""
                var option = window.silkrail.charts['compare-causes-third-railway'].getOption();
                var out = { flows: option.yAxis[0].data, series: {} };
                option.series.filter(function (s) { return s.type === 'custom'; })
                    .forEach(function (s) { out.series[s.name] = s.data; });
                return out;""");
        @SuppressWarnings("unchecked")
        List<String> flows = (List<String>) drawn.get("flows");
        @SuppressWarnings("unchecked")
        Map<String, List<List<Object>>> series = (Map<String, List<List<Object>>>) drawn
                .get("series");
        assertThat(flows).hasSizeGreaterThan(10).contains("xian-europe", "xinjiang-hamburg");
        // the baseline's fleets make trains wait for rolling stock; no scenario has bans
        assertThat(series.keySet()).contains("running", "processing", "server_queue",
                "rolling_stock").doesNotContain("acceptance_ban");
        int checked = 0;
        for (int j = 0; j < flows.size(); j++) {
            String flow = flows.get(j);
            double sumHours = 0;
            for (Map.Entry<String, List<List<Object>>> cause : series.entrySet()) {
                JsonNode d = diffs.path("flows." + flow + ".time_breakdown_hours."
                        + cause.getKey());
                List<Object> point = cause.getValue().get(j);
                assertThat(((Number) point.get(1)).intValue()).isEqualTo(j);
                String what = flow + " " + cause.getKey();
                double mean = d.path("diff_mean").asDouble();
                assertThat(((Number) point.get(0)).doubleValue()).as(what).isEqualTo(mean);
                assertThat(((Number) point.get(2)).doubleValue()).as(what)
                        .isEqualTo(d.path("diff_ci95_low").asDouble());
                assertThat(((Number) point.get(3)).doubleValue()).as(what)
                        .isEqualTo(d.path("diff_ci95_high").asDouble());
                sumHours += mean;
                checked++;
            }
            JsonNode transit = diffs.path("flows." + flow + ".transit_days");
            if (transit.path("n").asInt() == 2) {
                assertThat(sumHours).as("causes of " + flow + " add up to its transit difference")
                        .isCloseTo(24 * transit.path("diff_mean").asDouble(), within(1e-6));
            }
        }
        assertThat(checked).isGreaterThan(30);
        WebElement chart = driver.findElement(By.id("chart-compare-causes-third-railway"));
        script("arguments[0].scrollIntoView()", chart);
        Files.copy(chart.getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "compare-causes.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(problems()).isEmpty();
    }

    private static void open(Path report) {
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(report.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript(
                        "return document.body && document.body.getAttribute('data-rendered')")));
    }

    private static Object script(String source, Object... args) {
        return driver.executeScript(source, args);
    }

    /** The page's collected problems plus the browser log's errors. */
    private static List<String> problems() {
        List<String> problems = new ArrayList<>();
        Object trapped = script("return window.__problems || ['the problem trap did not run']");
        for (Object p : (List<?>) trapped) {
            problems.add(String.valueOf(p));
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add("browser log: " + entry.getMessage());
            }
        }
        return problems;
    }

    private static List<Double> columnValues(int column) {
        List<Double> values = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("#table-nodes tbody tr"))) {
            String v = row.findElements(By.tagName("td")).get(column).getAttribute("data-value");
            values.add(v.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(v));
        }
        return values;
    }

    private static void saveScreenshots() throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        WebElement map = driver.findElement(By.id("map-section"));
        Files.copy(map.getScreenshotAs(OutputType.FILE).toPath(), target.resolve("report-map.png"),
                StandardCopyOption.REPLACE_EXISTING);
        long height = (Long) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(height, 12_000)));
        script("window.dispatchEvent(new Event('resize'))");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(),
                target.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
