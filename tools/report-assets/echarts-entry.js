// The parts of Apache ECharts that report.js uses, and nothing else: a report draws lines,
// bars, scatter, lines (map links), custom series (bands, error bars) on a grid or on the
// basemap (geo), with tooltips, legends and a mark line. A chart type or component that
// report.js starts to use must be added here, or the page fails with an error in the browser
// test ("… is not installed").
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, LineChart, LinesChart, ScatterChart, GeoComponent,
  GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);
window.echarts = echarts;
