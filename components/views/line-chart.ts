/**
 * A live line chart (loss or accuracy against epoch) on uPlot, a small, fast,
 * well-kept charting library. uPlot paints on a canvas, which cannot read CSS
 * variables, so colours are resolved from the page's variables at every redraw:
 * switching to dark mode recolours the chart.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../../src/i18n/ui.ts';

export interface Series {
  label: string;
  /** A CSS custom property, e.g. '--book-pos', or a plain colour. */
  colour: string;
  dash?: number[];
}

const HEIGHT = 180;

function resolve(colour: string, host: HTMLElement): string {
  return colour.startsWith('--') ? getComputedStyle(host).getPropertyValue(colour).trim() || '#888' : colour;
}

/** On a log axis, label and grid only the powers of ten; minor ticks are noise. */
function powersOfTen(_u: uPlot, splits: number[]): (number | null)[] {
  return splits.map((v) => (Math.abs(Math.log10(v) % 1) < 1e-9 ? v : null));
}

/** Tick labels with as many decimals as the tick spacing needs, so close ticks never read alike. */
export function tickLabels(splits: number[]): string[] {
  const step = splits.length > 1 ? Math.abs(splits[1]! - splits[0]!) : 1;
  let decimals = 0;
  while (decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6) decimals++;
  return splits.map((v) => (v == null ? '' : Number(v.toFixed(decimals)).toString()));
}

/** Log-axis labels: uPlot's default rounds 1e-4 and below to "0"; small powers read as 1e-4. */
export function logTickLabels(splits: (number | null)[]): string[] {
  return splits.map((v) => (v == null ? '' : v !== 0 && Math.abs(v) < 0.001 ? v.toExponential(0) : String(v)));
}

export class LineChart {
  private readonly plot: uPlot;
  private readonly xs: number[] = [];
  private readonly ys: (number | null)[][];

  constructor(host: HTMLElement, series: Series[], opts: { yLabel: string; log?: boolean; xLabel?: string }) {
    this.ys = series.map(() => []);
    const ink = () => getComputedStyle(host).color || '#666';
    const axis = { stroke: ink, grid: { stroke: 'rgba(128,128,128,0.25)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } };
    const logAxis = opts.log
      ? { filter: powersOfTen, grid: { ...axis.grid, filter: powersOfTen }, ticks: { ...axis.ticks, filter: powersOfTen } }
      : {};
    this.plot = new uPlot(
      {
        width: Math.max(220, host.clientWidth || 320),
        height: HEIGHT,
        scales: { x: { time: false }, y: opts.log ? { distr: 3 } : {} },
        axes: [
          // Epochs are whole numbers: never tick at 1.5.
          { ...axis, label: opts.xLabel ?? t('views.epoch'), incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000] },
          { ...axis, ...logAxis, label: opts.yLabel, size: 56, values: (_u: uPlot, splits: number[]) => (opts.log ? logTickLabels(splits) : tickLabels(splits)) },
        ],
        series: [
          { label: opts.xLabel ?? t('views.epoch') },
          ...series.map((s) => ({ label: s.label, stroke: () => resolve(s.colour, host), width: 2, dash: s.dash })),
        ],
        // The readout under the chart states the numbers; uPlot's legend would repeat them.
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
      },
      [this.xs, ...this.ys],
      host,
    );
    new ResizeObserver(() => this.plot.setSize({ width: Math.max(220, host.clientWidth), height: HEIGHT })).observe(host);
    // Recolour when the reader switches theme.
    new MutationObserver(() => this.plot.redraw(false)).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }

  private redrawQueued = false;

  push(x: number, ys: number[]): void {
    this.xs.push(x);
    // uPlot draws a gap for null; NaN would break its scales.
    ys.forEach((y, i) => this.ys[i]!.push(Number.isFinite(y) ? y : null));
    this.redrawSoon();
  }

  clear(): void {
    this.xs.length = 0;
    for (const y of this.ys) y.length = 0;
    this.redrawSoon();
  }

  /**
   * One redraw in the next frame for every point pushed before it: a figure's update
   * (tables, heatmap, two charts) in one task was the longest task while the documents'
   * CNN trained, and a chart redrawn once per frame is all the reader can see.
   */
  private redrawSoon(): void {
    if (this.redrawQueued) return;
    this.redrawQueued = true;
    requestAnimationFrame(() => {
      this.redrawQueued = false;
      this.plot.setData([this.xs, ...this.ys]);
    });
  }
}
