import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'preact/hooks';

// Only the parts drawn: a bar chart on a canvas keeps the page's script small.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A bar chart of one figure by one dimension; the table beside it holds the same numbers. */
export function Bars({ labels, values, name }: { labels: string[]; values: number[]; name: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name, data: values, itemStyle: { color: '#b3261e' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [labels.join('|'), values.join('|'), name]);
  return <div class="chart" ref={el} role="img" aria-label={`${name}柱状图，数据见下表`} />;
}
