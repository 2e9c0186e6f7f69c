/**
 * A live line chart (loss or accuracy against epoch) on uPlot, a small, fast,
 * well-kept charting library. Colours come from CSS variables, so dark mode works.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  colour: string;
  dash?: number[];
}

export class LineChart {
  private readonly plot: uPlot;
  private readonly xs: number[] = [];
  private readonly ys: number[][];

  constructor(host: HTMLElement, series: Series[], opts: { yLabel: string; log?: boolean }) {
    this.ys = series.map(() => []);
    const axisColour = getComputedStyle(host).color || '#666';
    const axis = { stroke: axisColour, grid: { stroke: 'rgba(128,128,128,0.2)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } };
    this.plot = new uPlot(
      {
        width: Math.max(220, host.clientWidth || 320),
        height: 180,
        scales: { x: { time: false }, y: opts.log ? { distr: 3 } : {} },
        axes: [
          { ...axis, label: 'epoch' },
          { ...axis, label: opts.yLabel, size: 56, space: 40 },
        ],
        series: [{ label: 'epoch' }, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, dash: s.dash }))],
        // The readout under the chart states the numbers; uPlot's legend would repeat them.
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
      },
      [this.xs, ...this.ys],
      host,
    );
    new ResizeObserver(() => this.plot.setSize({ width: Math.max(220, host.clientWidth), height: 180 })).observe(host);
  }

  push(x: number, ys: number[]): void {
    this.xs.push(x);
    ys.forEach((y, i) => this.ys[i]!.push(y));
    this.plot.setData([this.xs, ...this.ys]);
  }

  clear(): void {
    this.xs.length = 0;
    for (const y of this.ys) y.length = 0;
    this.plot.setData([this.xs, ...this.ys]);
  }
}
