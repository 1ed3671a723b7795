/*
 * silkrail report: draws the map and the charts from the JSON embedded in the page
 * (#silkrail-data) with the inlined Apache ECharts, and makes the tables sortable.
 * Everything the page shows comes from that JSON: no request leaves the page.
 *
 * Text a user wrote (scenario titles, node names, ids) reaches the DOM only through
 * textContent or esc(): ECharts tooltips are HTML, so every formatter escapes.
 *
 * For tests: window.silkrail.charts maps each [data-chart] name to its ECharts instance, and
 * each chart element gets data-state="ok" (drawn with data) or "empty" (nothing to draw).
 */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('silkrail-data').textContent);
  var charts = {};
  window.silkrail = { charts: charts, data: data };

  // Link utilisation ramp (0 … 1): idle blue, green, gold, orange, saturated red.
  var RAMP = [[0, [44, 127, 184]], [0.35, [65, 171, 93]], [0.6, [230, 184, 0]],
    [0.8, [244, 109, 67]], [1, [178, 24, 43]]];
  var UNUSED = '#c4c9d2';
  var KIND = {
    'terminal': { symbol: 'circle', color: '#14213d', base: 9 },
    'gauge-change': { symbol: 'diamond', color: '#e63946', base: 12 },
    'border': { symbol: 'triangle', color: '#7b2cbf', base: 10 },
    'port': { symbol: 'rect', color: '#0077b6', base: 9 },
    'junction': { symbol: 'circle', color: '#98a2b3', base: 5 }
  };
  var ROUTE_COLORS = ['#1f77b4', '#ff7f0e', '#9467bd', '#2ca02c', '#8c564b', '#e377c2', '#17becf'];
  var SERIES_COLORS = ['#1f5fa8', '#e4572e', '#17a398', '#f3a712', '#7b2cbf', '#6c757d',
    '#c2185b', '#2e7d32', '#8d6e63', '#00838f'];

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function isNum(v) {
    return typeof v === 'number' && isFinite(v);
  }

  function fixed(v, decimals) {
    return isNum(v) ? v.toLocaleString('en-US',
      { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : '–';
  }

  function defaultDecimals(v) {
    var a = Math.abs(v);
    return a >= 100 ? 0 : a >= 10 ? 1 : 2;
  }

  // mean ± 95 % CI half-width, as the terminal's KPI table writes it: the half-width keeps two
  // significant digits and the mean is rounded to the same place.
  function pm(stat, scale) {
    var k = scale || 1;
    if (!stat || !isNum(stat.mean)) {
      return '–';
    }
    var mean = stat.mean * k;
    var half = isNum(stat.ci95_low) && isNum(stat.ci95_high)
      ? (stat.ci95_high - stat.ci95_low) * k / 2 : NaN;
    if (!isNum(half)) {
      return fixed(mean, defaultDecimals(mean));
    }
    var d = half === 0 ? (mean === Math.round(mean) ? 0 : defaultDecimals(mean))
      : Math.max(0, Math.min(4, 1 - Math.floor(Math.log10(half))));
    return fixed(mean, d) + ' ± ' + fixed(half, d);
  }

  function mean(stat) {
    return stat && isNum(stat.mean) ? stat.mean : NaN;
  }

  function rampColor(u) {
    var x = Math.max(0, Math.min(1, u));
    for (var i = 1; i < RAMP.length; i++) {
      if (x <= RAMP[i][0]) {
        var a = RAMP[i - 1], b = RAMP[i], t = (x - a[0]) / (b[0] - a[0]);
        var c = [0, 1, 2].map(function (j) {
          return Math.round(a[1][j] + t * (b[1][j] - a[1][j]));
        });
        return 'rgb(' + c.join(',') + ')';
      }
    }
    return 'rgb(' + RAMP[RAMP.length - 1][1].join(',') + ')';
  }

  function tooltipTable(title, subtitle, rows) {
    var html = '<div class="tt"><b>' + esc(title) + '</b>';
    if (subtitle) {
      html += '<br><span style="color:#5b6577">' + esc(subtitle) + '</span>';
    }
    html += '<table style="margin-top:4px;border-collapse:collapse">';
    rows.forEach(function (r) {
      html += '<tr><td style="padding:1px 10px 1px 0;color:#5b6577">' + esc(r[0])
        + '</td><td style="text-align:right;font-variant-numeric:tabular-nums">' + esc(r[1])
        + '</td></tr>';
    });
    return html + '</table></div>';
  }

  function empty(el, message) {
    el.setAttribute('data-state', 'empty');
    var p = document.createElement('div');
    p.className = 'empty';
    p.textContent = message;
    el.appendChild(p);
  }

  function init(el) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    charts[el.getAttribute('data-chart')] = chart;
    el.setAttribute('data-state', 'ok');
    return chart;
  }

  function palette(i) {
    return SERIES_COLORS[i % SERIES_COLORS.length];
  }

  // ---------------------------------------------------------------------------------------
  // The map: the network over Natural Earth country outlines (data.basemap, clipped to the
  // network's extent), in ECharts' geo coordinate system: an equirectangular projection whose
  // x is stretched by cos(mean latitude of the nodes), so that distances along parallels and
  // meridians keep their ratio there (about 45° for Xi'an–Duisburg, where a degree of
  // longitude is 0.71 of a degree of latitude). Drag to pan, wheel or pinch to zoom.

  var LAND = '#f1ede4', LAND_ON_ROUTE = '#e9e1cf', BORDER = '#b9b09c', SEA = '#d4e4f0';

  function drawMap(el) {
    var net = data.network;
    var results = data.results;
    if (!net || !net.nodes || net.nodes.length === 0) {
      empty(el, 'No network geometry (network.geojson) was found beside the results.');
      return;
    }
    var byId = {};
    var latSum = 0;
    net.nodes.forEach(function (n) { byId[n.id] = n; latSum += n.lat; });
    var k = Math.cos(latSum / net.nodes.length * Math.PI / 180);
    function xy(n) { return [n.lon, n.lat]; }

    var lonMin = Infinity, lonMax = -Infinity, latMin = Infinity, latMax = -Infinity;
    net.nodes.forEach(function (n) {
      lonMin = Math.min(lonMin, n.lon); lonMax = Math.max(lonMax, n.lon);
      latMin = Math.min(latMin, n.lat); latMax = Math.max(latMax, n.lat);
    });
    // the view: the nodes and a margin of 1.5° (the basemap reaches further, for zooming out)
    var margin = 1.5;
    var west = lonMin - margin / k, east = lonMax + margin / k;
    var south = latMin - margin, north = latMax + margin;

    var nodeStats = results.nodes || {};
    var linkStats = results.links || {};
    var maxTrains = 0, maxWait = 0;
    net.links.forEach(function (l) {
      maxTrains = Math.max(maxTrains, mean((linkStats[l.id] || {}).trains) || 0);
    });
    net.nodes.forEach(function (n) {
      maxWait = Math.max(maxWait, mean((nodeStats[n.id] || {}).wait_hours) || 0);
    });

    function nodeName(id) {
      var n = byId[id];
      return n ? n.name + ' (' + id + ')' : id;
    }

    var series = [];
    var legend = [];
    var linkById = {};
    net.links.forEach(function (l) { linkById[l.id] = l; });
    var routesOfLink = {};
    (net.routes || []).forEach(function (route) {
      route.links.forEach(function (id) { routesOfLink[id] = (routesOfLink[id] || 0) + 1; });
    });
    (net.routes || []).forEach(function (route, i) {
      var color = ROUTE_COLORS[i % ROUTE_COLORS.length];
      var links = route.links.filter(function (id) {
        return linkById[id] && byId[linkById[id].from] && byId[linkById[id].to];
      });
      var lines = links.map(function (id) {
        var l = linkById[id];
        return { coords: [xy(byId[l.from]), xy(byId[l.to])], route: route };
      });
      // the route's name once, on the middle one of the links no other route uses (or of all
      // its links), where it tells routes apart
      var own = [];
      links.forEach(function (id, j) { if (routesOfLink[id] === 1) { own.push(j); } });
      if (lines.length > 0) {
        var at = own.length > 0 ? own[Math.floor(own.length / 2)] : Math.floor(lines.length / 2);
        lines[at].label = { show: true };
      }
      var stats = (results.routes || {})[route.id] || {};
      legend.push(route.id);
      series.push({
        id: 'route-' + route.id, name: route.id, type: 'lines', coordinateSystem: 'geo',
        z: 1, data: lines, polyline: false, color: color,
        lineStyle: { color: color, width: 18, opacity: 0.3, cap: 'round', join: 'round' },
        label: {
          show: false, position: 'middle', formatter: route.id, color: color, fontWeight: 'bold',
          fontSize: 13, opacity: 1, textBorderColor: '#ffffff', textBorderWidth: 3, distance: 12
        },
        emphasis: { lineStyle: { opacity: 0.45, width: 20 } },
        tooltip: {
          formatter: function () {
            return tooltipTable('route ' + route.id, route.nodes.join(' → '), [
              ['trains delivered', pm(stats.trains)],
              ['transit days', pm(stats.transit_days)],
              ['p50 / p95 of trains', stats.transit_days
                ? fixed(stats.transit_days.p50, 1) + ' / ' + fixed(stats.transit_days.p95, 1) : '–']
            ]);
          }
        }
      });
    });

    var linkData = net.links.filter(function (l) { return byId[l.from] && byId[l.to]; }).map(function (l) {
      var s = linkStats[l.id] || {};
      var trains = mean(s.trains);
      var used = isNum(trains) && trains > 0;
      var width = used ? 1.5 + 8 * Math.sqrt(trains / maxTrains) : 1.2;
      return {
        name: l.id,
        coords: [xy(byId[l.from]), xy(byId[l.to])],
        lineStyle: {
          color: used ? rampColor(mean(s.utilization)) : UNUSED,
          width: width,
          type: l.mode === 'ferry' ? 'dashed' : 'solid',
          opacity: 0.95
        },
        link: l
      };
    });
    series.push({
      id: 'links', name: 'links', type: 'lines', coordinateSystem: 'geo', z: 3,
      data: linkData, polyline: false,
      emphasis: { focus: 'none', lineStyle: { opacity: 1 } },
      tooltip: {
        formatter: function (p) {
          var l = p.data.link, s = linkStats[l.id] || {};
          return tooltipTable('link ' + l.id, nodeName(l.from) + ' – ' + nodeName(l.to), [
            ['mode, length', l.mode + ', ' + fixed(l.km, 0) + ' km'],
            ['trains', pm(s.trains)],
            ['utilisation %', pm(s.utilization, 100)],
            ['wait to enter (h)', pm(s.wait_hours)]
          ]);
        }
      }
    });

    var nodeData = net.nodes.map(function (n) {
      var s = nodeStats[n.id] || {};
      var style = KIND[n.kind] || KIND.junction;
      var wait = mean(s.wait_hours);
      var size = style.base + (isNum(wait) && maxWait > 0 ? 26 * Math.sqrt(wait / maxWait) : 0);
      var labelled = n.kind !== 'junction';
      return {
        name: n.id,
        value: xy(n),
        symbol: style.symbol,
        symbolSize: n.kind === 'border' ? size * 1.15 : size,
        itemStyle: { color: style.color, borderColor: '#ffffff', borderWidth: 1.2, opacity: 0.92 },
        label: { show: labelled },
        node: n
      };
    });
    series.push({
      id: 'nodes', name: 'nodes', type: 'scatter', coordinateSystem: 'geo', z: 5,
      data: nodeData,
      label: {
        position: 'right', distance: 4, formatter: '{b}', fontSize: 11, color: '#1d2433',
        textBorderColor: '#ffffff', textBorderWidth: 3
      },
      labelLayout: { hideOverlap: true },
      emphasis: { scale: 1.2, label: { show: true } },
      tooltip: {
        formatter: function (p) {
          var n = p.data.node, s = nodeStats[n.id] || {};
          var rows = [['country, gauge', (n.country || '') + ', ' + n.gauge_mm + ' mm'],
            ['arrivals', pm(s.arrivals)], ['wait before processing (h)', pm(s.wait_hours)],
            ['processing (h)', pm(s.process_hours)], ['utilisation %', pm(s.utilization, 100)],
            ['queue, time-average', pm(s.queue_mean)], ['queue, largest', pm(s.queue_max)],
            ['quota hits', pm(s.quota_hits)]];
          return tooltipTable(n.name + ' (' + n.id + ')', n.kind, rows);
        }
      }
    });

    // room for the route legend above
    var PAD = { left: 8, right: 8, top: 34, bottom: 8 };
    // as tall as the network's extent needs at the element's width, within reason
    function fitHeight() {
      var wanted = (el.clientWidth - PAD.left - PAD.right) * (north - south) / ((east - west) * k);
      el.style.height = Math.round(Math.max(320, Math.min(720, wanted + PAD.top + PAD.bottom)))
        + 'px';
    }
    fitHeight();

    // the countries: their outlines, and their names where the outlines put them; countries
    // the network passes through a shade darker
    var basemap = data.basemap && data.basemap.features && data.basemap.features.length > 0
      ? data.basemap : { type: 'FeatureCollection', features: [] };
    echarts.registerMap('silkrail-basemap', basemap);
    var onNetwork = {};
    net.nodes.forEach(function (n) { onNetwork[n.country] = true; });
    var regions = basemap.features.filter(function (f) {
      return onNetwork[f.properties.iso_a2];
    }).map(function (f) {
      return { name: f.properties.name, itemStyle: { areaColor: LAND_ON_ROUTE } };
    });
    series.unshift({
      id: 'countries', name: 'countries', type: 'scatter', coordinateSystem: 'geo',
      z: 0, silent: true, symbolSize: 0, tooltip: { show: false },
      labelLayout: { hideOverlap: true },
      label: {
        show: true, formatter: '{b}', fontSize: 12, color: '#8d8571', fontStyle: 'italic',
        textBorderColor: 'rgba(255,255,255,0.7)', textBorderWidth: 2
      },
      // no name for countries smaller than 2 square degrees (Cyprus, Kosovo) unless a node
      // lies in them: there the names would cover each other and the network
      data: basemap.features.filter(function (f) {
        return f.properties.area_deg2 >= 2 || onNetwork[f.properties.iso_a2];
      }).map(function (f) {
        return { name: f.properties.name, value: f.properties.label };
      })
    });

    var chart = init(el);
    chart.setOption({
      animation: false,
      backgroundColor: SEA,
      tooltip: { trigger: 'item', confine: true, className: 'silkrail-tooltip' },
      legend: { data: legend, top: 4, left: 'center', selectedMode: 'multiple',
        backgroundColor: 'rgba(255,255,255,0.8)', borderRadius: 4, padding: 5 },
      geo: {
        map: 'silkrail-basemap', roam: true, scaleLimit: { min: 0.7, max: 16 },
        aspectScale: k, boundingCoords: [[west, north], [east, south]],
        left: PAD.left, right: PAD.right, top: PAD.top, bottom: PAD.bottom,
        silent: true, label: { show: false }, regions: regions,
        itemStyle: { areaColor: LAND, borderColor: BORDER, borderWidth: 0.8 },
        emphasis: { disabled: true }, select: { disabled: true }
      },
      series: series
    });
    window.addEventListener('resize', function () {
      fitHeight();
      chart.resize();
    });
  }

  // An interval drawn from pixel a to pixel b with a cap of half-length `cap` across each end.
  // renderItem of a custom series drawing bar i of `count` side by side in each category, from
  // value [category, mean, ci95_low, ci95_high], with its interval as a whisker
  function barWithInterval(i, count, color) {
    return function (params, api) {
      if (!isNum(api.value(1))) {
        return null;
      }
      var band = api.size([1, 0])[0], width = band * 0.76 / count;
      var center = api.coord([api.value(0), 0]);
      var x = center[0] - band * 0.38 + (i + 0.5) * width;
      var top = api.coord([api.value(0), api.value(1)])[1];
      var children = [{ type: 'rect', shape: { x: x - width * 0.42, y: Math.min(top, center[1]),
        width: width * 0.84, height: Math.abs(center[1] - top) }, style: { fill: color } }];
      if (isNum(api.value(2)) && isNum(api.value(3))) {
        children = children.concat(whisker([x, api.coord([api.value(0), api.value(2)])[1]],
          [x, api.coord([api.value(0), api.value(3)])[1]], 3, { stroke: '#1d2433', lineWidth: 1.2 }, true));
      }
      return { type: 'group', children: children };
    };
  }

  function whisker(a, b, cap, style, vertical) {
    function capAt(e) {
      return vertical ? { x1: e[0] - cap, y1: e[1], x2: e[0] + cap, y2: e[1] }
        : { x1: e[0], y1: e[1] - cap, x2: e[0], y2: e[1] + cap };
    }
    return [{ type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style: style },
      { type: 'line', shape: capAt(a), style: style }, { type: 'line', shape: capAt(b), style: style }];
  }

  // renderItem of a custom series of [x, low, high] items: a vertical interval at x.
  // cap(api): the caps' half-length in pixels.
  function errorBars(color, cap) {
    return function (params, api) {
      if (!isNum(api.value(1)) || !isNum(api.value(2))) {
        return null;
      }
      var lo = api.coord([api.value(0), api.value(1)]);
      var hi = api.coord([api.value(0), api.value(2)]);
      return { type: 'group', children: whisker(lo, hi, cap(api), { stroke: color, lineWidth: 1.4 }, true) };
    };
  }

  // ---------------------------------------------------------------------------------------
  // Charts over time: a line per entity for the mean and a band for its 95 % interval, drawn
  // as one quadrilateral per step by a custom series (skipping steps without an interval).

  function bandSeries(name, color, xs, band) {
    var steps = [];
    for (var i = 0; i + 1 < xs.length; i++) {
      var v = [xs[i], band.ci95_low[i], band.ci95_high[i], xs[i + 1], band.ci95_low[i + 1],
        band.ci95_high[i + 1]];
      if (v.every(isNum)) {
        steps.push(v);
      }
    }
    return {
      name: name, type: 'custom', silent: true, z: 1, clip: true, data: steps,
      encode: { x: [0, 3], y: [1, 2, 4, 5] }, tooltip: { show: false },
      renderItem: function (params, api) {
        var p = [api.coord([api.value(0), api.value(1)]), api.coord([api.value(3), api.value(4)]),
          api.coord([api.value(3), api.value(5)]), api.coord([api.value(0), api.value(2)])];
        return { type: 'polygon', shape: { points: p }, style: { fill: color, opacity: 0.14 }, silent: true };
      }
    };
  }

  // entries: [{name, xs, band}]; opts: empty (message), unit, decimals, xName, xLabel(x),
  // yMin, scale (of values), visible (how many entries start shown; the rest are a click away)
  function timeChart(el, entries, opts) {
    if (entries.length === 0) {
      empty(el, opts.empty);
      return;
    }
    var scale = opts.scale || 1;
    var series = [];
    var bands = {};
    entries.forEach(function (e, i) {
      var color = palette(i);
      var band = {
        mean: e.band.mean.map(function (v) { return isNum(v) ? v * scale : null; }),
        ci95_low: e.band.ci95_low.map(function (v) { return isNum(v) ? v * scale : null; }),
        ci95_high: e.band.ci95_high.map(function (v) { return isNum(v) ? v * scale : null; })
      };
      bands[e.name] = band;
      series.push({
        name: e.name, type: 'line', z: 3, color: color, showSymbol: e.xs.length <= 24,
        symbolSize: 5, lineStyle: { width: 1.8 },
        data: e.xs.map(function (x, j) { return [x, band.mean[j]]; })
      });
      series.push(bandSeries(e.name, color, e.xs, band));
    });
    var selected = {};
    entries.forEach(function (e, i) { selected[e.name] = !opts.visible || i < opts.visible; });
    var chart = init(el);
    chart.setOption({
      animation: false,
      color: entries.map(function (e, i) { return palette(i); }),
      legend: {
        type: 'scroll', top: 0, data: entries.map(function (e) { return e.name; }),
        selected: selected
      },
      grid: { left: 74, right: 20, top: 36, bottom: 46 },
      tooltip: {
        trigger: 'axis', confine: true,
        formatter: function (params) {
          var rows = [];
          var x = null;
          params.forEach(function (p) {
            if (p.seriesType !== 'line') {
              return;
            }
            x = p.value[0];
            var b = bands[p.seriesName], j = p.dataIndex;
            var ci = isNum(b.ci95_low[j]) ? ' [' + fixed(b.ci95_low[j], opts.decimals) + ' – '
              + fixed(b.ci95_high[j], opts.decimals) + ']' : '';
            rows.push([p.seriesName, fixed(b.mean[j], opts.decimals) + ci]);
          });
          return tooltipTable(opts.xLabel(x), opts.unit + ': mean [95 % CI]', rows);
        }
      },
      xAxis: { type: 'value', name: opts.xName, nameLocation: 'middle', nameGap: 28,
        min: opts.xMin, max: opts.xMax,
        axisLabel: { showMinLabel: false, showMaxLabel: false } },
      yAxis: { type: 'value', name: opts.unit, nameLocation: 'middle', nameGap: 56, min: opts.yMin },
      series: series
    });
  }

  // ---------------------------------------------------------------------------------------

  // The distribution as planners quote it: the share of a flow's trains delivered within x
  // days (an empirical distribution function over the pooled histogram, read at bin ends).
  // Where the days go: per flow, a horizontal bar of its mean transit time stacked from the
  // parts of flows.ID.time_breakdown_hours (running, processing, each cause of waiting), in
  // days; the parts add up to the flow's mean transit time.
  function drawTimeBreakdown(el) {
    var flows = data.results.flows || {};
    var ids = Object.keys(flows).filter(function (id) {
      var b = flows[id].time_breakdown_hours;
      return b && Object.keys(b).length > 0;
    });
    if (ids.length === 0) {
      empty(el, 'No flow has a time breakdown (flows.ID.time_breakdown_hours).');
      return;
    }
    var causes = [];
    ids.forEach(function (id) {
      Object.keys(flows[id].time_breakdown_hours).forEach(function (cause) {
        if (causes.indexOf(cause) < 0) {
          causes.push(cause);
        }
      });
    });
    el.style.height = Math.max(260, 100 + ids.length * 34) + 'px';
    var series = causes.map(function (cause, i) {
      return {
        name: cause, type: 'bar', stack: 'transit', color: palette(i), barMaxWidth: 26,
        data: ids.map(function (id) {
          var hours = mean(flows[id].time_breakdown_hours[cause]);
          return isNum(hours) ? hours / 24 : 0;
        })
      };
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0, data: causes },
      grid: { left: 150, right: 30, top: 36, bottom: 46 },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true,
        formatter: function (params) {
          var id = ids[params[0].dataIndex], flow = flows[id];
          var transitHours = mean(flow.transit_days) * 24;
          var rows = causes.map(function (cause) {
            var s = flow.time_breakdown_hours[cause];
            var share = isNum(mean(s)) && transitHours > 0 ? ' (' + fixed(100 * mean(s) / transitHours, 0) + ' %)' : '';
            return [cause, s ? pm(s) + ' h' + share : '–'];
          });
          rows.push(['transit time', pm(flow.transit_days) + ' days']);
          return tooltipTable(id, 'mean hours per train', rows);
        }
      },
      xAxis: { type: 'value', name: 'days', nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: { type: 'category', data: ids, inverse: true,
        axisLabel: { width: 140, overflow: 'truncate' } },
      series: series
    });
  }

  // Cost and CO2 per route: per route taken, the mean cost per TEU as a bar stacked from the
  // parts of routes.ID.cost_parts_usd_per_teu (tariff, fees, time; they add up to
  // cost_usd_per_teu), and beside it, on its own axis, the mean CO2 per TEU with its interval.
  function drawRouteCost(el) {
    var routes = data.results.routes || {};
    var ids = Object.keys(routes).filter(function (id) {
      var r = routes[id];
      return isNum(mean(r.cost_usd_per_teu)) && (mean(r.cost_usd_per_teu) > 0 || mean(r.co2_kg_per_teu) > 0);
    });
    if (ids.length === 0) {
      empty(el, 'No route has a cost or CO2 per TEU: the scenario gives no cost inputs '
        + '(docs/scenarios.md, cost and CO2).');
      return;
    }
    ids.sort(function (a, b) { return mean(routes[b].cost_usd_per_teu) - mean(routes[a].cost_usd_per_teu); });
    var parts = [];
    ids.forEach(function (id) {
      Object.keys(routes[id].cost_parts_usd_per_teu || {}).forEach(function (part) {
        if (parts.indexOf(part) < 0) {
          parts.push(part);
        }
      });
    });
    el.style.height = Math.max(300, 100 + ids.length * 28) + 'px';
    var series = parts.map(function (part, i) {
      return {
        name: part, type: 'bar', stack: 'cost', color: palette(i), barMaxWidth: 22,
        xAxisIndex: 0, yAxisIndex: 0,
        data: ids.map(function (id) {
          var v = mean((routes[id].cost_parts_usd_per_teu || {})[part]);
          return isNum(v) ? v : 0;
        })
      };
    });
    series.push({
      name: 'CO2', type: 'bar', color: '#2e7d32', barMaxWidth: 22, xAxisIndex: 1, yAxisIndex: 1,
      data: ids.map(function (id) { var v = mean(routes[id].co2_kg_per_teu); return isNum(v) ? v : 0; })
    });
    series.push({
      name: 'CO2 95 % CI', type: 'custom', z: 5, silent: true, tooltip: { show: false },
      xAxisIndex: 1, yAxisIndex: 1,
      data: ids.map(function (id, j) {
        var s = routes[id].co2_kg_per_teu || {};
        return [isNum(s.ci95_low) ? s.ci95_low : null, j, isNum(s.ci95_high) ? s.ci95_high : null];
      }),
      encode: { x: [0, 2], y: 1 },
      renderItem: function (params, api) {
        if (!isNum(api.value(0)) || !isNum(api.value(2))) {
          return null;
        }
        var lo = api.coord([api.value(0), api.value(1)]), hi = api.coord([api.value(2), api.value(1)]);
        return { type: 'group', children: whisker(lo, hi, 4, { stroke: '#1d2433', lineWidth: 1.2 }, false) };
      }
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0, data: parts.concat(['CO2']) },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true,
        formatter: function (params) {
          var id = ids[params[0].dataIndex], r = routes[id];
          var rows = parts.map(function (part) {
            return [part, pm((r.cost_parts_usd_per_teu || {})[part]) + ' USD'];
          });
          rows.push(['cost per TEU', pm(r.cost_usd_per_teu) + ' USD']);
          rows.push(['CO2 per TEU', pm(r.co2_kg_per_teu) + ' kg']);
          rows.push(['trains', pm(r.trains)]);
          return tooltipTable(id, 'per TEU delivered over the route', rows);
        }
      },
      grid: [{ left: 170, right: '36%', top: 36, bottom: 46 }, { left: '67%', right: 24, top: 36, bottom: 46 }],
      xAxis: [{ type: 'value', gridIndex: 0, name: 'USD per TEU', nameLocation: 'middle', nameGap: 26, min: 0 },
        { type: 'value', gridIndex: 1, name: 'kg CO2 per TEU', nameLocation: 'middle', nameGap: 26, min: 0 }],
      yAxis: [{ type: 'category', gridIndex: 0, data: ids, inverse: true,
        axisLabel: { width: 160, overflow: 'truncate' } },
      { type: 'category', gridIndex: 1, data: ids, inverse: true, axisLabel: { show: false } }],
      series: series
    });
  }

  // Waits by direction: at each border, gauge-change station and port that trains of both
  // directions reach, the mean wait before processing of the westbound and of the eastbound
  // trains (nodes.ID.directions.DIR.wait_hours), side by side with their 95 % intervals.
  function drawNodeDirections(el) {
    var net = data.network;
    var stats = data.results.nodes || {};
    var kinds = { 'border': 1, 'gauge-change': 1, 'port': 1 };
    var dirs = ['west', 'east'];
    var names = {};
    var ids = [];
    function dirStat(id, dir) {
      return ((stats[id].directions || {})[dir] || {}).wait_hours;
    }
    (net ? net.nodes.map(function (n) { names[n.id] = n.name; return n; })
      : Object.keys(stats).map(function (id) { return { id: id, kind: 'border' }; })).forEach(function (n) {
      var s = stats[n.id];
      if (kinds[n.kind] && s && dirs.every(function (d) {
        var arrivals = ((s.directions || {})[d] || {}).arrivals;
        return mean(arrivals) > 0 && isNum(mean(dirStat(n.id, d)));
      })) {
        ids.push(n.id);
      }
    });
    if (ids.length === 0) {
      empty(el, 'No border, gauge change or port saw trains of both directions.');
      return;
    }
    ids.sort(function (a, b) { return mean(stats[b].wait_hours) - mean(stats[a].wait_hours); });
    var series = dirs.map(function (dir, i) {
      var color = palette(i);
      return {
        name: dir, type: 'custom', color: color,
        data: ids.map(function (id, j) {
          var s = dirStat(id, dir) || {};
          return [j, mean(s), isNum(s.ci95_low) ? Math.max(0, s.ci95_low) : null,
            isNum(s.ci95_high) ? s.ci95_high : null];
        }),
        encode: { x: 0, y: [1, 2, 3] },
        renderItem: barWithInterval(i, dirs.length, color),
        tooltip: {
          formatter: function (p) {
            var id = ids[p.dataIndex], d = (stats[id].directions || {})[dir] || {};
            return tooltipTable((names[id] || id) + ' (' + id + '), ' + dir + 'bound',
              'wait before processing', [
                ['mean (h)', pm(d.wait_hours)],
                ['95 % CI (h)', fixed((d.wait_hours || {}).ci95_low, 2) + ' – ' + fixed((d.wait_hours || {}).ci95_high, 2)],
                ['arrivals', pm(d.arrivals)], ['queue, time-average', pm(d.queue_mean)],
                ['utilization', pm(d.utilization)]
              ]);
          }
        }
      };
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { top: 0, data: dirs },
      tooltip: { trigger: 'item', confine: true },
      grid: { left: 74, right: 20, top: 36, bottom: 46 },
      xAxis: { type: 'category', data: ids, axisLabel: { interval: 0, rotate: ids.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', name: 'hours', nameLocation: 'middle', nameGap: 50, min: 0 },
      series: series
    });
  }

  function drawTransit(el) {
    var t = data.transit;
    var flows = t ? Object.keys(t.flows) : [];
    if (flows.length === 0) {
      empty(el, 'No per-train transit times (trains.csv) were found for this run.');
      return;
    }
    var stats = data.results.flows || {};
    var series = flows.map(function (id, i) {
      var counts = t.flows[id];
      var total = counts.reduce(function (a, b) { return a + b; }, 0);
      var within = 0;
      var points = [[t.start_days, 0]];
      counts.forEach(function (c, j) {
        within += c;
        points.push([t.start_days + (j + 1) * t.bin_days, 100 * within / total]);
      });
      return {
        name: id, type: 'line', showSymbol: false, color: palette(i), lineStyle: { width: 2 },
        data: points
      };
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0 },
      grid: { left: 74, right: 20, top: 36, bottom: 46 },
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var s = (stats[p.seriesName] || {}).transit_days || {};
          return tooltipTable(p.seriesName, 'within ' + fixed(p.value[0], 2) + ' days', [
            ['share of trains', fixed(p.value[1], 1) + ' %'],
            ['mean transit days', pm(s)],
            ['p50 / p90 / p95', fixed(s.p50, 1) + ' / ' + fixed(s.p90, 1) + ' / ' + fixed(s.p95, 1)],
            ['longest', fixed(s.max, 1)]
          ]);
        }
      },
      xAxis: { type: 'value', name: 'transit days', nameLocation: 'middle', nameGap: 28,
        min: t.start_days, max: t.start_days + t.bin_days * t.flows[flows[0]].length,
        axisLabel: { showMaxLabel: false } },
      yAxis: { type: 'value', name: '% of trains', nameLocation: 'middle',
        nameGap: 46, min: 0, max: 100 },
      series: series
    });
  }

  function drawBorderWaits(el) {
    var net = data.network;
    var stats = data.results.nodes || {};
    var kinds = { 'border': 1, 'gauge-change': 1, 'port': 1 };
    var ids = [];
    var names = {};
    if (net) {
      net.nodes.forEach(function (n) {
        names[n.id] = n.name;
        var s = stats[n.id];
        if (kinds[n.kind] && s && isNum(mean(s.wait_hours)) && mean(s.arrivals) > 0) {
          ids.push(n.id);
        }
      });
    } else {
      ids = Object.keys(stats).filter(function (id) { return mean(stats[id].wait_hours) > 0; });
    }
    if (ids.length === 0) {
      empty(el, 'No train passed a border, gauge change or port in this run.');
      return;
    }
    ids.sort(function (a, b) { return mean(stats[b].wait_hours) - mean(stats[a].wait_hours); });
    var chart = init(el);
    chart.setOption({
      animation: false,
      grid: { left: 74, right: 20, top: 20, bottom: 40 },
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var id = ids[p.dataIndex], s = stats[id];
          return tooltipTable((names[id] || id) + ' (' + id + ')', 'wait before processing', [
            ['mean (h)', pm(s.wait_hours)],
            ['95 % CI (h)', fixed(s.wait_hours.ci95_low, 2) + ' – ' + fixed(s.wait_hours.ci95_high, 2)],
            ['arrivals', pm(s.arrivals)], ['queue, time-average', pm(s.queue_mean)],
            ['quota hits', pm(s.quota_hits)]
          ]);
        }
      },
      xAxis: { type: 'category', data: ids, axisLabel: { interval: 0, rotate: ids.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', name: 'hours', nameLocation: 'middle', nameGap: 50, min: 0 },
      series: [{
        name: 'mean wait', type: 'bar', color: '#1f5fa8', barMaxWidth: 36,
        data: ids.map(function (id) { return mean(stats[id].wait_hours); })
      }, {
        name: '95 % CI', type: 'custom', z: 5, silent: true, tooltip: { show: false },
        data: ids.map(function (id, i) {
          var s = stats[id].wait_hours;
          return [i, isNum(s.ci95_low) ? Math.max(0, s.ci95_low) : null,
            isNum(s.ci95_high) ? s.ci95_high : null];
        }),
        encode: { x: 0, y: [1, 2] },
        renderItem: errorBars('#1d2433', function (api) { return Math.min(api.size([1, 0])[0] * 0.18, 10); })
      }]
    });
  }

  function warmupDays() {
    return isNum(data.results.warmup_days) ? data.results.warmup_days : 0;
  }

  function measuredDays() {
    return (data.results.horizon_days || 0) - warmupDays();
  }

  function drawQueues(el) {
    var series = (data.results.series || {}).node_queue_daily || {};
    var stats = data.results.nodes || {};
    var ids = Object.keys(series).filter(function (id) {
      return series[id].mean.length > 0 && isNum(mean((stats[id] || {}).queue_mean));
    });
    ids.sort(function (a, b) { return mean(stats[b].queue_mean) - mean(stats[a].queue_mean); });
    ids = ids.slice(0, 5).filter(function (id) { return mean(stats[id].queue_mean) > 0; });
    var w = warmupDays();
    timeChart(el, ids.map(function (id) {
      return {
        name: id, band: series[id],
        xs: series[id].mean.map(function (v, j) { return w + j + 0.5; })
      };
    }), {
      empty: 'No train queued at any node in this run.', unit: 'trains waiting', decimals: 1,
      xName: 'day of the run', yMin: 0, xMin: w, xMax: w + measuredDays(),
      xLabel: function (x) { return 'day ' + fixed(x - 0.5, 0) + ' of the run'; }
    });
  }

  // the same five nodes as the daily chart, per calendar month (nodes.ID.monthly): where the
  // peak month is, for a node that looks fine over the year
  var MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  function drawQueuesMonthly(el) {
    var stats = data.results.nodes || {};
    var ids = Object.keys(stats).filter(function (id) {
      return Object.keys(stats[id].monthly || {}).length > 0 && mean(stats[id].queue_mean) > 0;
    });
    ids.sort(function (a, b) { return mean(stats[b].queue_mean) - mean(stats[a].queue_mean); });
    ids = ids.slice(0, 5);
    var months = MONTHS.filter(function (m) {
      return ids.some(function (id) { return stats[id].monthly[m]; });
    });
    if (ids.length === 0 || months.length === 0) {
      empty(el, 'No train queued at any node in this run.');
      return;
    }
    function value(id, m) {
      var part = stats[id].monthly[m];
      return part && isNum(mean(part.queue_mean)) ? mean(part.queue_mean) : null;
    }
    var chart = init(el);
    chart.setOption({
      animation: false,
      grid: { left: 74, right: 20, top: 40, bottom: 40 },
      legend: { top: 0, data: ids },
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var id = ids[p.seriesIndex], s = stats[id].monthly[months[p.dataIndex]];
          return tooltipTable(id + ', ' + months[p.dataIndex], 'trains waiting', [
            ['queue, time-average', pm(s.queue_mean)], ['queue, largest', pm(s.queue_max)],
            ['wait before processing (h)', pm(s.wait_hours)], ['utilisation', pm(s.utilization)]
          ]);
        }
      },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: 'trains waiting', nameLocation: 'middle', nameGap: 50, min: 0 },
      series: ids.map(function (id, i) {
        return {
          name: id, type: 'bar', color: palette(i), barMaxWidth: 16,
          data: months.map(function (m) { return value(id, m); })
        };
      })
    });
  }

  // per fleet (fleets.ID): units in use, running back empty and free, stacked to the size
  function drawFleets(el) {
    var stats = data.results.fleets || {};
    var ids = Object.keys(stats);
    if (ids.length === 0) {
      empty(el, 'No fleets in this scenario.');
      return;
    }
    function part(id, name) {
      var s = stats[id], inUse = mean(s.in_use), back = mean(s.returning);
      if (name === 'in use') return inUse;
      if (name === 'running back empty') return back;
      return Math.max(0, mean(s.size) - inUse - back);
    }
    var names = ['in use', 'running back empty', 'free'];
    var chart = init(el);
    chart.setOption({
      animation: false,
      grid: { left: 120, right: 20, top: 40, bottom: 40 },
      legend: { top: 0, data: names },
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var id = ids[p.dataIndex], s = stats[id];
          return tooltipTable(id, s.kind || '', [
            ['size', pm(s.size)], ['in use', pm(s.in_use)], ['running back empty', pm(s.returning)],
            ['utilisation', pm(s.utilization)], ['wait for a unit (h per train)', pm(s.wait_hours)],
            ['trains that waited', pm(s.trains_waited)]
          ]);
        }
      },
      yAxis: { type: 'category', data: ids, inverse: true },
      xAxis: { type: 'value', name: 'units', nameLocation: 'middle', nameGap: 28, min: 0 },
      series: names.map(function (name, i) {
        return {
          name: name, type: 'bar', stack: 'fleet', color: palette(i), barMaxWidth: 24,
          data: ids.map(function (id) { return part(id, name); })
        };
      })
    });
  }

  function drawRouteTeu(el) {
    var series = (data.results.series || {}).route_teu_monthly || {};
    var w = warmupDays(), full = Math.floor(measuredDays() / 30 + 1e-9);
    function total(id) {
      return series[id].mean.slice(0, full).reduce(function (a, v) { return a + (isNum(v) ? v : 0); }, 0);
    }
    var ids = Object.keys(series).filter(function (id) { return total(id) > 0; });
    // most TEU first: the five biggest routes start shown
    ids.sort(function (a, b) { return total(b) - total(a); });
    timeChart(el, ids.map(function (id) {
      var b = series[id];
      return {
        name: id,
        band: { mean: b.mean.slice(0, full), ci95_low: b.ci95_low.slice(0, full),
          ci95_high: b.ci95_high.slice(0, full) },
        xs: b.mean.slice(0, full).map(function (v, j) { return w + 30 * j + 15; })
      };
    }), {
      empty: 'No TEU was delivered in a full 30-day period.', unit: 'TEU per 30 days',
      decimals: 0, visible: 5, xName: 'day of the run (middle of each 30-day period)', yMin: 0,
      xMin: w, xMax: w + 30 * full,
      xLabel: function (x) { return 'days ' + fixed(x - 15, 0) + '–' + fixed(x + 15, 0) + ' of the run'; }
    });
  }

  // full 30-day periods only, as for TEU: a last period of a few days has too few sailings to
  // say much (its interval would dwarf the others)
  function drawFerries(el) {
    var series = (data.results.series || {}).ferry_utilization_monthly || {};
    var w = warmupDays(), full = Math.floor(measuredDays() / 30 + 1e-9);
    var ids = Object.keys(series).filter(function (id) { return series[id].mean.length > 0 && full > 0; });
    timeChart(el, ids.map(function (id) {
      var b = series[id];
      return {
        name: id,
        band: { mean: b.mean.slice(0, full), ci95_low: b.ci95_low.slice(0, full),
          ci95_high: b.ci95_high.slice(0, full) },
        xs: b.mean.slice(0, full).map(function (v, j) { return w + 30 * j + 15; })
      };
    }), {
      empty: 'No ferry link, or no full 30-day period in the measured window.', unit: 'utilisation %', decimals: 1, scale: 100,
      xName: 'day of the run (middle of each 30-day period)', yMin: 0, xMin: w, xMax: w + 30 * full,
      xLabel: function (x) {
        return 'days ' + fixed(x - 15, 0) + '–' + fixed(x + 15, 0) + ' of the run';
      }
    });
  }

  // ---------------------------------------------------------------------------------------
  // A sweep: one chart per metric. The x axis is the varied parameter with the most distinct
  // values, preferring one whose values are all numbers (then a value axis; otherwise the
  // values in the sweep file's order on a category axis); each combination of the other varied
  // parameters is a line. Every point carries its 95 % interval as an error bar.

  function shortPath(path) {
    var parts = path.split('.');
    return parts.length <= 2 ? path : parts.slice(-2).join('.');
  }

  function sweepAxes() {
    var params = data.parameters;
    var distinct = params.map(function (p, i) {
      var seen = [];
      data.variants.forEach(function (v) {
        if (seen.indexOf(v.values[i]) < 0) {
          seen.push(v.values[i]);
        }
      });
      return seen;
    });
    var varying = params.map(function (p, i) { return i; }).filter(function (i) { return distinct[i].length > 1; });
    function numeric(i) {
      return distinct[i].every(function (s) { return s.trim() !== '' && isNum(Number(s)); });
    }
    var x = -1;
    varying.forEach(function (i) {
      if (x < 0 || (numeric(i) && !numeric(x))
        || (numeric(i) === numeric(x) && distinct[i].length > distinct[x].length)) {
        x = i;
      }
    });
    return {
      x: x, numeric: x >= 0 && numeric(x), categories: x >= 0 ? distinct[x] : [],
      integers: x >= 0 && numeric(x) && distinct[x].every(function (s) { return Number(s) % 1 === 0; }),
      others: varying.filter(function (i) { return i !== x; })
    };
  }

  function drawSweepMetric(el, metric) {
    var m = data.metrics.indexOf(metric);
    var axes = sweepAxes();
    var unit = data.units[m] || '';
    var groups = {};
    var order = [];
    data.variants.forEach(function (v) {
      var s = v.stats[m];
      if (!s || !isNum(s[0])) {
        return;
      }
      var key = axes.others.map(function (i) { return shortPath(data.parameters[i]) + ' = ' + v.values[i]; }).join(', ')
        || metric;
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      var x = axes.x < 0 ? Number(v.variant) : axes.numeric ? Number(v.values[axes.x]) : v.values[axes.x];
      groups[key].push({ x: x, s: s, v: v });
    });
    if (order.length === 0) {
      empty(el, 'No variant has a value for ' + metric + '.');
      return;
    }
    var series = [];
    order.forEach(function (key, i) {
      var color = palette(i);
      var points = groups[key];
      if (axes.numeric) {
        points.sort(function (a, b) { return a.x - b.x; });
      }
      series.push({
        name: key, type: 'line', color: color, symbolSize: 7, z: 3,
        data: points.map(function (p) { return { value: [p.x, p.s[0]], point: p }; })
      });
      series.push({
        name: key, type: 'custom', z: 4, silent: true, tooltip: { show: false },
        data: points.map(function (p) { return [p.x, p.s[1], p.s[2]]; }),
        encode: { x: 0, y: [1, 2] }, renderItem: errorBars(color, function () { return 4; })
      });
    });
    var xName = axes.x < 0 ? 'variant' : data.parameters[axes.x];
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0, show: order.length > 1 || axes.others.length > 0 },
      grid: { left: 74, right: 24, top: 36, bottom: 48 },
      tooltip: {
        trigger: 'item', confine: true,
        formatter: function (p) {
          var point = p.data.point, v = point.v, s = point.s;
          var rows = data.parameters.map(function (q, i) { return [shortPath(q), v.values[i]]; });
          rows.push([metric, pm({ mean: s[0], ci95_low: s[1], ci95_high: s[2] }) + (unit ? ' ' + unit : '')]);
          rows.push(['95 % CI', fixed(s[1], defaultDecimals(s[0])) + ' – ' + fixed(s[2], defaultDecimals(s[0]))]);
          rows.push(['replications', String(v.replications)]);
          return tooltipTable('variant ' + v.variant, null, rows);
        }
      },
      xAxis: axes.numeric || axes.x < 0
        ? { type: 'value', name: xName, nameLocation: 'middle', nameGap: 28, scale: true,
          minInterval: axes.x < 0 || axes.integers ? 1 : null }
        : { type: 'category', name: xName, nameLocation: 'middle', nameGap: 28, data: axes.categories },
      yAxis: { type: 'value', name: unit, nameLocation: 'middle', nameGap: 56, scale: true },
      series: series
    });
  }

  // ---------------------------------------------------------------------------------------
  // A comparison: the options' paired differences to the base as a forest plot (percent of
  // the base's mean, so that metrics of different units share an axis), and the runs side by
  // side as grouped bars, each with the run's own 95 % interval.

  function signedFixed(v, d) {
    return isNum(v) ? (v >= 0 ? '+' : '−') + fixed(Math.abs(v), d) : '–';
  }

  function drawCompareDifferences(el) {
    var metrics = data.main_metrics;
    var options = data.keys.slice(1);
    if (metrics.length === 0 || options.length === 0) {
      empty(el, 'comparison.json holds no metric to compare.');
      return;
    }
    el.style.height = Math.max(340, 70 + metrics.length * (14 + 8 * options.length)) + 'px';
    // the axis spans the intervals, but at most ±150 %: a wait that grows from half an hour to
    // five hours (+900 %) must not flatten every other row; points beyond are drawn as arrows
    // at the edge, their values in the tooltip
    var reach = 0;
    var rowsOf = options.map(function (option) {
      var rows = [];
      metrics.forEach(function (metric, j) {
        var d = (data.comparison.options[option] || {})[metric];
        if (!d || !isNum(d.base_mean) || d.base_mean === 0 || !isNum(d.diff_mean)) {
          return;
        }
        var k = 100 / Math.abs(d.base_mean);
        var row = { j: j, d: d, mean: d.diff_mean * k,
          low: isNum(d.diff_ci95_low) ? d.diff_ci95_low * k : null,
          high: isNum(d.diff_ci95_high) ? d.diff_ci95_high * k : null };
        [row.mean, row.low, row.high].forEach(function (v) {
          if (isNum(v)) {
            reach = Math.max(reach, Math.abs(v));
          }
        });
        rows.push(row);
      });
      return rows;
    });
    var limit = Math.min(150, Math.max(1, reach) * 1.05);
    function clamp(v) {
      return Math.max(-limit, Math.min(limit, v));
    }
    var series = [];
    options.forEach(function (option, i) {
      var color = palette(i + 1);
      var rows = rowsOf[i];
      // options side by side within a metric's row
      var offset = (i - (options.length - 1) / 2) * 0.8 / options.length;
      series.push({
        name: option, type: 'custom', color: color, z: 3,
        data: rows.map(function (r) {
          return [clamp(r.mean), r.j, isNum(r.low) ? clamp(r.low) : null,
            isNum(r.high) ? clamp(r.high) : null, r.mean];
        }),
        encode: { x: [0, 2, 3], y: 1 },
        renderItem: function (params, api) {
          var size = api.size([0, 1])[1];
          var y = api.coord([0, api.value(1)])[1] + offset * size;
          var x = api.coord([api.value(0), 0])[0];
          var children = [];
          var style = { stroke: color, lineWidth: 1.6 };
          if (isNum(api.value(2)) && isNum(api.value(3))) {
            children = whisker([api.coord([api.value(2), 0])[0], y], [api.coord([api.value(3), 0])[0], y],
              4, style, false);
          }
          if (Math.abs(api.value(4)) > limit) {
            var dir = api.value(4) > 0 ? 1 : -1;
            children.push({ type: 'polygon', shape: { points: [[x + 7 * dir, y], [x - 3 * dir, y - 6],
              [x - 3 * dir, y + 6]] }, style: { fill: color } });
          } else {
            children.push({ type: 'circle', shape: { cx: x, cy: y, r: 4.5 }, style: { fill: color } });
          }
          return { type: 'group', children: children };
        },
        tooltip: {
          formatter: function (p) {
            var r = rows[p.dataIndex], d = r.d, unit = data.units[metrics[r.j]] || '';
            var dec = isNum(d.diff_ci95_low) ? Math.max(0, Math.min(4,
              1 - Math.floor(Math.log10(Math.max(1e-12, (d.diff_ci95_high - d.diff_ci95_low) / 2)))))
              : defaultDecimals(d.diff_mean);
            return tooltipTable(option + ' − ' + data.base, metrics[r.j] + (unit ? ' (' + unit + ')' : ''), [
              [data.base, fixed(d.base_mean, dec)], [option, fixed(d.option_mean, dec)],
              ['difference', signedFixed(d.diff_mean, dec)],
              ['95 % CI', isNum(d.diff_ci95_low) ? signedFixed(d.diff_ci95_low, dec) + ' … '
                + signedFixed(d.diff_ci95_high, dec) : '–'],
              ['in % of base', signedFixed(r.mean, 1) + ' %'],
              ['replications', String(d.n)]
            ]);
          }
        }
      });
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { top: 0, data: options },
      tooltip: { trigger: 'item', confine: true },
      grid: { left: 200, right: 30, top: 34, bottom: 40 },
      xAxis: {
        type: 'value', name: '% of the base\'s mean', nameLocation: 'middle', nameGap: 26,
        min: -limit, max: limit,
        axisLabel: { formatter: function (v) { return signedFixed(v, Math.abs(v) < 10 && v % 1 !== 0 ? 1 : 0); } }
      },
      yAxis: {
        type: 'category', data: metrics, inverse: true,
        axisLabel: { formatter: shortPath, width: 185, overflow: 'truncate' },
        splitLine: { show: true, lineStyle: { color: '#eef1f6' } }
      },
      series: series.concat([{
        name: 'no difference', type: 'line', silent: true, symbol: 'none', data: [],
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#1d2433', type: 'solid', width: 1 },
          label: { show: false }, data: [{ xAxis: 0 }] }
      }])
    });
  }

  // Where the days go differently: per flow (a row), per delay cause (a bar within the row) the
  // paired mean difference option − base of flows.ID.time_breakdown_hours.CAUSE in hours per
  // train, diverging from 0, with its 95 % interval. Causes keep the colours of the run
  // report's "where the days go" (palette index = the cause's place in the base's list); causes
  // that are 0 in both runs for every flow are left out, and so are flows without a pairing.
  function drawCompareCauses(el, option) {
    var diffs = data.comparison.options[option] || {};
    var baseFlows = (data.runs[data.base] || {}).flows || {};
    var all = [];
    Object.keys(baseFlows).forEach(function (id) {
      Object.keys(baseFlows[id].time_breakdown_hours || {}).forEach(function (cause) {
        if (all.indexOf(cause) < 0) {
          all.push(cause);
        }
      });
    });
    function diff(id, cause) {
      var d = diffs['flows.' + id + '.time_breakdown_hours.' + cause];
      return d && d.n > 0 && isNum(d.diff_mean) ? d : null;
    }
    var flows = Object.keys(baseFlows).filter(function (id) {
      return all.some(function (cause) { return diff(id, cause); });
    });
    var causes = all.filter(function (cause) {
      return flows.some(function (id) {
        var d = diff(id, cause);
        return d && (d.base_mean !== 0 || d.option_mean !== 0);
      });
    });
    if (flows.length === 0 || causes.length === 0) {
      empty(el, 'comparison.json pairs no delay cause of ' + option + ' (flows.ID.time_breakdown_hours).');
      return;
    }
    el.style.height = Math.max(340, 90 + flows.length * (12 + 9 * causes.length)) + 'px';
    var series = causes.map(function (cause, k) {
      var color = palette(all.indexOf(cause));
      return {
        name: cause, type: 'custom', color: color, z: 3,
        data: flows.map(function (id, j) {
          var d = diff(id, cause);
          return d ? [d.diff_mean, j, isNum(d.diff_ci95_low) ? d.diff_ci95_low : null,
            isNum(d.diff_ci95_high) ? d.diff_ci95_high : null] : [null, j, null, null];
        }),
        encode: { x: [0, 2, 3], y: 1 },
        renderItem: function (params, api) {
          if (!isNum(api.value(0))) {
            return null;
          }
          var band = api.size([0, 1])[1], height = band * 0.84 / causes.length;
          var y = api.coord([0, api.value(1)])[1] - band * 0.42 + (k + 0.5) * height;
          var x0 = api.coord([0, api.value(1)])[0], x = api.coord([api.value(0), api.value(1)])[0];
          var children = [{ type: 'rect', shape: { x: Math.min(x0, x), y: y - height * 0.4,
            width: Math.max(1, Math.abs(x - x0)), height: height * 0.8 }, style: { fill: color } }];
          if (isNum(api.value(2)) && isNum(api.value(3))) {
            children = children.concat(whisker([api.coord([api.value(2), 0])[0], y],
              [api.coord([api.value(3), 0])[0], y], Math.min(3, height * 0.4),
              { stroke: '#1d2433', lineWidth: 1 }, false));
          }
          return { type: 'group', children: children };
        },
        tooltip: {
          formatter: function (p) {
            var id = flows[p.dataIndex], d = diff(id, cause);
            if (!d) {
              return tooltipTable(id, cause, [['difference', '–']]);
            }
            var dec = isNum(d.diff_ci95_low) && d.diff_ci95_high > d.diff_ci95_low
              ? Math.max(0, Math.min(4, 1 - Math.floor(Math.log10((d.diff_ci95_high - d.diff_ci95_low) / 2))))
              : defaultDecimals(d.diff_mean);
            return tooltipTable(id + ': ' + cause, option + ' − ' + data.base + ', hours per train', [
              [data.base, fixed(d.base_mean, dec) + ' h'], [option, fixed(d.option_mean, dec) + ' h'],
              ['difference', signedFixed(d.diff_mean, dec) + ' h'],
              ['95 % CI', isNum(d.diff_ci95_low) ? signedFixed(d.diff_ci95_low, dec) + ' … '
                + signedFixed(d.diff_ci95_high, dec) : '–'],
              ['replications', String(d.n)]
            ]);
          }
        }
      };
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0, data: causes },
      tooltip: { trigger: 'item', confine: true },
      grid: { left: 160, right: 30, top: 36, bottom: 46 },
      xAxis: { type: 'value', name: 'hours per train, ' + option + ' − ' + data.base,
        nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', data: flows, inverse: true,
        axisLabel: { width: 150, overflow: 'truncate' },
        splitLine: { show: true, lineStyle: { color: '#eef1f6' } } },
      series: series.concat([{
        name: 'no difference', type: 'line', silent: true, symbol: 'none', data: [],
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#1d2433', type: 'solid', width: 1 },
          label: { show: false }, data: [{ xAxis: 0 }] }
      }])
    });
  }

  // Grouped bars, a group per category and a bar per run with the run's own interval, drawn
  // by one custom series per run so that bars and error bars line up.
  function groupedBars(el, categories, stat, unit, emptyMessage) {
    var keys = data.keys.filter(function (k) { return data.runs[k]; });
    if (categories.length === 0 || keys.length === 0) {
      empty(el, emptyMessage);
      return;
    }
    var series = keys.map(function (key, i) {
      var color = palette(i);
      var points = categories.map(function (c, j) {
        var s = stat(data.runs[key], c) || {};
        return [j, isNum(s.mean) ? s.mean : null, isNum(s.ci95_low) ? s.ci95_low : null,
          isNum(s.ci95_high) ? s.ci95_high : null];
      });
      return {
        name: key + (i === 0 ? ' (base)' : ''), type: 'custom', color: color, clip: true,
        data: points, encode: { x: 0, y: [1, 2, 3] },
        renderItem: barWithInterval(i, keys.length, color),
        tooltip: {
          formatter: function (p) {
            var s = stat(data.runs[key], categories[p.dataIndex]) || {};
            return tooltipTable(key, categories[p.dataIndex], [
              ['mean ± 95 % CI', pm(s) + (unit ? ' ' + unit : '')],
              ['95 % CI', isNum(s.ci95_low) ? fixed(s.ci95_low, defaultDecimals(s.mean)) + ' – '
                + fixed(s.ci95_high, defaultDecimals(s.mean)) : '–']
            ]);
          }
        }
      };
    });
    var chart = init(el);
    chart.setOption({
      animation: false,
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'item', confine: true },
      grid: { left: 74, right: 20, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: categories.map(shortPath),
        axisLabel: { interval: 0, rotate: categories.length > 4 ? 25 : 0 } },
      yAxis: { type: 'value', name: unit, nameLocation: 'middle', nameGap: 56, min: 0 },
      series: series
    });
  }

  function drawCompareTotals(el, metric) {
    groupedBars(el, [metric], function (run) { return (run.totals || {})[metric]; },
      data.units['totals.' + metric] || '', 'No run has totals.' + metric + '.');
  }

  // subject "section.metric": the section's entities that are among the main metrics
  function drawCompareSection(el, subject) {
    var dot = subject.indexOf('.'), section = subject.slice(0, dot), metric = subject.slice(dot + 1);
    var ids = data.main_metrics.filter(function (m) {
      return m.indexOf(section + '.') === 0 && m.slice(-metric.length - 1) === '.' + metric;
    }).map(function (m) { return m.slice(section.length + 1, m.length - metric.length - 1); });
    groupedBars(el, ids, function (run, id) { return ((run[section] || {})[id] || {})[metric]; },
      data.units[section + '.' + ids[0] + '.' + metric] || '',
      'No ' + section + ' to show for ' + metric + '.');
  }

  // ---------------------------------------------------------------------------------------
  // Sortable tables: a click on a heading sorts by that column (numbers by data-value,
  // missing values last), a second click reverses.

  function sortable(table) {
    var heads = table.querySelectorAll('thead th');
    heads.forEach(function (th, column) {
      th.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        var numeric = th.getAttribute('data-sort') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var c;
          if (numeric) {
            var u = parseFloat(x.getAttribute('data-value')), v = parseFloat(y.getAttribute('data-value'));
            if (!isNum(u) || !isNum(v)) {
              return (isNum(u) ? 0 : 1) - (isNum(v) ? 0 : 1);
            }
            c = u - v;
          } else {
            c = x.textContent.localeCompare(y.textContent);
          }
          return descending ? -c : c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  var DRAW = {
    'map': drawMap, 'transit': drawTransit, 'time-breakdown': drawTimeBreakdown,
    'border-waits': drawBorderWaits, 'route-cost': drawRouteCost,
    'node-directions': drawNodeDirections, 'fleets': drawFleets,
    'queues': drawQueues, 'queues-monthly': drawQueuesMonthly, 'route-teu': drawRouteTeu,
    'ferries': drawFerries,
    'sweep-metric': drawSweepMetric, 'compare-differences': drawCompareDifferences,
    'compare-totals': drawCompareTotals, 'compare-section': drawCompareSection,
    'compare-causes': drawCompareCauses
  };

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var draw = DRAW[el.getAttribute('data-draw')];
    if (draw) {
      draw(el, el.getAttribute('data-subject'));
    } else {
      empty(el, 'This page has no drawing for "' + el.getAttribute('data-draw') + '".');
    }
  });
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (name) {
      if (name !== 'map') {
        charts[name].resize();
      }
    });
  });
  document.querySelectorAll('table.sortable').forEach(sortable);
  document.body.setAttribute('data-rendered', 'true');
})();
