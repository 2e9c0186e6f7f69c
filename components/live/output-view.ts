/**
 * Draws a listing's output events under it with the views the figures use: tables
 * (views/table.ts), heat maps with a legend (views/heatmap.ts), line charts (uPlot,
 * views/line-chart.ts) and bars (views/bars.ts). Every picture also gets its numbers as
 * a table under <details>.
 */
import type { OutputEvent } from '../../src/livecode/protocol.ts';
import { drawTable } from '../views/table.ts';
import { drawHeatmap } from '../views/heatmap.ts';
import { drawBars } from '../views/bars.ts';

export class OutputView {
  private progress: HTMLElement | null = null;

  constructor(private readonly host: HTMLElement) {}

  clear(): void {
    this.host.replaceChildren();
    this.progress = null;
  }

  private add(el: HTMLElement): HTMLElement {
    this.host.append(el);
    return el;
  }

  private block(kind: string, title?: string): HTMLElement {
    const div = document.createElement('div');
    div.className = `out-${kind}`;
    div.dataset.kind = kind;
    if (title) {
      const p = document.createElement('p');
      p.className = 'out-title';
      p.textContent = title;
      div.append(p);
    }
    return this.add(div);
  }

  private numbers(parent: HTMLElement, caption: string, columns: string[], rows: { label: string; values: number[] }[]): void {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'The numbers';
    const host = document.createElement('div');
    details.append(summary, host);
    drawTable(host, { caption, columns, rows });
    parent.append(details);
  }

  /** A line of plain text (also used for the page's own messages). */
  line(text: string, level = 'log'): void {
    const p = document.createElement('pre');
    p.className = `out-line ${level}`;
    p.dataset.kind = 'log';
    p.textContent = text;
    this.add(p);
  }

  async draw(e: OutputEvent): Promise<void> {
    switch (e.type) {
      case 'log':
        this.line(e.text, e.level);
        break;
      case 'value': {
        const p = this.block('value');
        p.textContent = e.text;
        break;
      }
      case 'table': {
        const div = this.block('table');
        drawTable(div, { caption: e.caption, columns: e.columns, rows: e.rows });
        break;
      }
      case 'heatmap': {
        const div = this.block('heatmap', e.title);
        const pic = document.createElement('div');
        div.append(pic);
        drawHeatmap(pic, { values: e.values, rows: e.rows, cols: e.cols, rowLabels: e.rowLabels, colLabels: e.colLabels, scale: e.scale });
        this.numbers(div, e.title, e.colLabels, e.rowLabels.map((label, r) => ({ label, values: e.values.slice(r * e.cols, (r + 1) * e.cols) })));
        break;
      }
      case 'bars': {
        const div = this.block('bars', e.title);
        const pic = document.createElement('div');
        div.append(pic);
        drawBars(pic, e.labels, e.values);
        this.numbers(div, e.title, e.labels, [{ label: 'value', values: e.values }]);
        break;
      }
      case 'line': {
        const div = this.block('line', e.title);
        const pic = document.createElement('div');
        pic.className = 'out-chart';
        div.append(pic);
        const { LineChart } = await import('../views/line-chart.ts');
        const palette = ['--book-pos', '--book-neg', '--sl-color-accent', '--sl-color-gray-2'];
        const chart = new LineChart(pic, e.series.map((s, i) => ({ label: s.label, colour: palette[i % palette.length]! })), { yLabel: e.yLabel, xLabel: e.xLabel, log: e.log });
        e.xs.forEach((x, i) => chart.push(x, e.series.map((s) => s.ys[i] ?? NaN)));
        const cols = e.series.map((s) => s.label);
        const step = Math.max(1, Math.ceil(e.xs.length / 20));
        const rows = e.xs.flatMap((x, i) => (i % step === 0 || i === e.xs.length - 1 ? [{ label: String(x), values: e.series.map((s) => s.ys[i] ?? NaN) }] : []));
        this.numbers(div, `${e.title} (every ${step === 1 ? '' : `${step}th `}point)`, cols, rows);
        break;
      }
      case 'progress': {
        if (!this.progress) {
          this.progress = this.block('progress');
          const bar = document.createElement('progress');
          const label = document.createElement('span');
          this.progress.append(bar, ' ', label);
        }
        const bar = this.progress.querySelector('progress')!;
        bar.max = e.total;
        bar.value = e.done;
        this.progress.querySelector('span')!.textContent = `${e.done} / ${e.total} ${e.label}`;
        this.progress.dataset.done = String(e.done);
        break;
      }
      case 'error': {
        const p = this.block('error');
        p.setAttribute('role', 'alert');
        p.textContent = e.line ? `${e.message} (line ${e.line})` : e.message;
        if (e.line) p.dataset.line = String(e.line);
        break;
      }
      case 'done': {
        const p = this.block('done');
        const freed = e.leftTensors > 0 ? `; freed ${e.leftTensors} tensor${e.leftTensors === 1 ? '' : 's'} it left` : '';
        p.textContent = `Finished in ${(e.ms / 1000).toFixed(2)} s on the ${e.backend} backend${freed}.`;
        break;
      }
    }
  }
}
