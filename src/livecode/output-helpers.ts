/**
 * The output helpers a runnable listing receives (`print`, `show`, `progress`, a captured
 * `console`): they turn values, tensors and charts into output events, in order, with
 * limits on size and count so a runaway listing cannot flood the page.
 * Declared for listing authors in src/listings/globals.d.ts.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import type { OutputEvent } from './protocol.ts';

type Tf = typeof tfCore;

/** Longest text a single print may produce; longer output is cut with a note. */
const MAX_TEXT = 20_000;
/** The most output events one run may produce (an accidental print in a loop). */
const MAX_EVENTS = 2_000;
/** Progress is posted at most this often. */
const PROGRESS_INTERVAL_MS = 100;

export function isTensor(tf: Tf, v: unknown): v is tfCore.Tensor {
  return v instanceof tf.Tensor;
}

export function formatValue(v: unknown, depth = 0): string {
  if (typeof v === 'string') return depth === 0 ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === undefined || v === null) return String(v);
  if (typeof v === 'function') return `[function ${v.name || 'anonymous'}]`;
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (depth > 3) return '…';
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return `[${Array.from(v as unknown as ArrayLike<number>, (x) => formatValue(x, depth + 1)).join(', ')}]`;
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, depth + 1)).join(', ')}]`;
  if (typeof v === 'object') {
    const name = v.constructor && v.constructor !== Object ? `${v.constructor.name} ` : '';
    const entries = Object.entries(v as Record<string, unknown>).slice(0, 20);
    return `${name}{ ${entries.map(([k, x]) => `${k}: ${formatValue(x, depth + 1)}`).join(', ')} }`;
  }
  return String(v);
}

export function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)` : text;
}

export interface HeatmapOptions {
  title?: string;
  rowLabels?: string[];
  colLabels?: string[];
  /** 'signed' (PuOr, zero white) for attributions and weights; 'magnitude' (viridis) otherwise. Default: signed if any value is negative. */
  scale?: 'signed' | 'magnitude';
}

export interface LineOptions {
  title?: string;
  yLabel?: string;
  log?: boolean;
  xs?: number[];
  /** Label of the x axis (default 'epoch'). */
  xLabel?: string;
}

type Matrix = tfCore.Tensor | number[][] | readonly (readonly number[])[];

/** The helpers a listing receives; their types are declared for authors in src/listings/globals.d.ts. */
export function makeHelpers(tf: Tf, emit: (e: OutputEvent) => void) {
  let count = 0;
  let queue: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const send = (e: OutputEvent) => {
    count++;
    if (count === MAX_EVENTS) emit({ type: 'log', level: 'warn', text: `Output stopped after ${MAX_EVENTS} items.` });
    if (count >= MAX_EVENTS) return;
    emit(e);
  };
  /** Output keeps the order of the calls even though reading a tensor is asynchronous. */
  let pending = 0;
  const enqueue = (make: () => Promise<OutputEvent[]>) => {
    pending++;
    queue = queue.then(async () => {
      try {
        for (const e of await make()) send(e);
      } catch (e) {
        failure ??= e;
      } finally {
        pending--;
      }
    });
  };
  /**
   * Output that needs no tensor read goes out at once when nothing is waiting before it,
   * so a listing that then blocks (a long synchronous loop) has still shown its lines.
   */
  const emitNow = (events: OutputEvent[]) => {
    if (pending === 0) events.forEach(send);
    else enqueue(async () => events);
  };
  /** A tensor passed to print/show is copied at once (the listing may dispose it) and read later. */
  const snapshot = (t: tfCore.Tensor) => tf.keep(t.clone());

  async function tensorTable(t: tfCore.Tensor, caption: string): Promise<OutputEvent[]> {
    try {
      const values = Array.from(await t.data(), Number);
      const shape = t.shape;
      const head = `${caption}Tensor ${t.dtype} [${shape.join(', ')}]`;
      if (t.rank === 0) return [{ type: 'log', level: 'log', text: `${caption}${formatValue(values[0])}` }];
      if (t.rank > 2 || values.length > 400) {
        return [{ type: 'log', level: 'log', text: clip(`${head}: ${formatValue(values.slice(0, 400))}${values.length > 400 ? ' …' : ''}`) }];
      }
      const cols = t.rank === 1 ? shape[0]! : shape[1]!;
      const rows = t.rank === 1 ? 1 : shape[0]!;
      return [
        {
          type: 'table',
          caption: head,
          columns: Array.from({ length: cols }, (_, j) => String(j)),
          rows: Array.from({ length: rows }, (_, i) => ({ label: t.rank === 1 ? '' : String(i), values: values.slice(i * cols, (i + 1) * cols) })),
        },
      ];
    } finally {
      t.dispose();
    }
  }

  function print(...args: unknown[]): void {
    if (!args.some((a) => isTensor(tf, a))) {
      emitNow([{ type: 'log', level: 'log', text: clip(args.map((a) => formatValue(a)).join(' ')) }]);
      return;
    }
    const parts = args.map((a) => (isTensor(tf, a) ? snapshot(a) : a));
    enqueue(async () => {
      const out: OutputEvent[] = [];
      const words: string[] = [];
      for (const p of parts) {
        if (isTensor(tf, p)) {
          const caption = words.length ? `${words.join(' ')} ` : '';
          words.length = 0;
          const ev = await tensorTable(p, caption);
          out.push(...ev);
        } else words.push(formatValue(p));
      }
      if (words.length || out.length === 0) out.push({ type: 'log', level: 'log', text: clip(words.join(' ')) });
      return out;
    });
  }

  const log = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    if (level === 'log' || args.some((a) => isTensor(tf, a))) return print(...args);
    emitNow([{ type: 'log', level, text: clip(args.map((a) => formatValue(a)).join(' ')) }]);
  };
  const console = { log: log('log'), info: log('info'), warn: log('warn'), error: log('error'), debug: log('log') };

  async function matrix(m: Matrix): Promise<{ values: number[]; rows: number; cols: number }> {
    if (isTensor(tf, m)) {
      try {
        const values = Array.from(await m.data(), Number);
        const rows = m.rank >= 2 ? m.shape[0]! : 1;
        return { values, rows, cols: values.length / rows };
      } finally {
        m.dispose();
      }
    }
    const rows = m.length;
    const cols = m[0]?.length ?? 0;
    if (m.some((r) => r.length !== cols)) throw new TypeError('show.heatmap: every row must have the same length');
    return { values: m.flatMap((r) => Array.from(r, Number)), rows, cols };
  }

  async function vector(v: tfCore.Tensor | ArrayLike<number>): Promise<number[]> {
    if (isTensor(tf, v)) {
      try {
        return Array.from(await v.data(), Number);
      } finally {
        v.dispose();
      }
    }
    return Array.from(v, Number);
  }

  const show = {
    /** A heat map of a matrix (rows × cols), with its numbers as a table. */
    heatmap(m: Matrix, options: HeatmapOptions = {}): void {
      const data = isTensor(tf, m) ? snapshot(m) : m;
      enqueue(async () => {
        const { values, rows, cols } = await matrix(data);
        return [
          {
            type: 'heatmap',
            title: options.title ?? 'heat map',
            values,
            rows,
            cols,
            rowLabels: options.rowLabels ?? Array.from({ length: rows }, (_, i) => String(i)),
            colLabels: options.colLabels ?? Array.from({ length: cols }, (_, j) => String(j)),
            scale: options.scale ?? (values.some((v) => v < 0) ? 'signed' : 'magnitude'),
          },
        ];
      });
    },
    /** A line chart: one array (one line) or an object of named arrays (one line each). */
    line(series: ArrayLike<number> | Record<string, ArrayLike<number>>, options: LineOptions = {}): void {
      const named: Record<string, ArrayLike<number>> = isArrayLike(series) ? { [options.yLabel ?? 'y']: series } : series;
      const list = Object.entries(named).map(([label, ys]) => ({ label, ys: Array.from(ys, Number) }));
      const n = Math.max(0, ...list.map((s) => s.ys.length));
      enqueue(async () => [
        {
          type: 'line',
          title: options.title ?? 'line chart',
          yLabel: options.yLabel ?? 'value',
          xLabel: options.xLabel ?? 'epoch',
          xs: options.xs ? Array.from(options.xs, Number) : Array.from({ length: n }, (_, i) => i + 1),
          series: list,
          log: options.log ?? false,
        },
      ]);
    },
    /** Labelled bars, e.g. class probabilities or attributions. */
    bars(labels: string[], values: tfCore.Tensor | ArrayLike<number>, options: { title?: string } = {}): void {
      const data = isTensor(tf, values) ? snapshot(values) : Array.from(values, Number);
      enqueue(async () => [{ type: 'bars', title: options.title ?? 'bars', labels: [...labels], values: await vector(data) }]);
    },
    /** A table of a matrix with labels (a tensor or nested arrays). */
    table(m: Matrix, options: { title?: string; rowLabels?: string[]; colLabels?: string[] } = {}): void {
      const data = isTensor(tf, m) ? snapshot(m) : m;
      enqueue(async () => {
        const { values, rows, cols } = await matrix(data);
        return [
          {
            type: 'table',
            caption: options.title ?? 'table',
            columns: options.colLabels ?? Array.from({ length: cols }, (_, j) => String(j)),
            rows: Array.from({ length: rows }, (_, i) => ({ label: options.rowLabels?.[i] ?? String(i), values: values.slice(i * cols, (i + 1) * cols) })),
          },
        ];
      });
    },
  };

  let lastProgress = 0;
  function progress(done: number, total: number, label = ''): void {
    const t = Date.now();
    if (done < total && t - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = t;
    emitNow([{ type: 'progress', done, total, label }]);
  }

  return {
    print,
    show,
    progress,
    console,
    /** Queues the listing's `export default`, after its own output. */
    value(text: string): void {
      enqueue(async () => [{ type: 'value', text: clip(text) }]);
    },
    /** Resolves when every queued output has been emitted; rethrows the first output error. */
    async flush(): Promise<void> {
      await queue;
      if (failure) throw failure;
    },
  };
}

function isArrayLike(v: unknown): v is ArrayLike<number> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}
