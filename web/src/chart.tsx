import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';

// Only the parts drawn: bar and line charts on a canvas keep the page's script small.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLOURS = ['#b3261e', '#0550ae', '#1a7f37'];

function Chart({ option, label, deps }: { option: EChartsCoreOption; label: string; deps: string }) {
  const el = useRef<HTMLDivElement>(null);
  // The option is rebuilt on each render; deps says when its data changed.
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption({ animation: false, color: COLOURS, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [deps]);
  return <div class="chart" ref={el} role="img" aria-label={label} />;
}

/** A bar chart of one figure by one dimension; the table beside it holds the same numbers. */
export function Bars({ labels, values, name, unit }: { labels: string[]; values: number[]; name: string; unit?: '%' }) {
  return (
    <Chart
      label={`${name}柱状图，数据见下表`}
      deps={`${labels.join('|')}/${values.join('|')}/${name}`}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 56, right: 16, top: 16, bottom: 64 },
        xAxis: { type: 'category', data: labels, axisLabel: { rotate: 40, interval: 0 } },
        yAxis: { type: 'value', ...(unit ? { max: 100, axisLabel: { formatter: `{value}${unit}` } } : {}) },
        series: [{ type: 'bar', name, data: values }],
      }}
    />
  );
}

/** Lines over months (月度趋势): one series a figure; the table below holds the same numbers. */
export function Lines({ labels, series }: { labels: string[]; series: { name: string; values: number[] }[] }) {
  return (
    <Chart
      label={`${series.map((s) => s.name).join('、')}月度趋势折线图，数据见下表`}
      deps={`${labels.join('|')}/${series.map((s) => `${s.name}:${s.values.join(',')}`).join('/')}`}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 56, right: 16, top: 36, bottom: 40 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value' },
        series: series.map((s) => ({ type: 'line', name: s.name, data: s.values })),
      }}
    />
  );
}
