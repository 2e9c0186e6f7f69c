/**
 * What a runnable listing produces, as plain data: the sandbox worker (or the Node test)
 * emits these events and the page draws them with the views the figures use.
 */
export type OutputEvent =
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  /** A tensor or a matrix, drawn with components/views/table.ts. */
  | { type: 'table'; caption: string; columns: string[]; rows: { label: string; values: number[] }[] }
  | { type: 'heatmap'; title: string; values: number[]; rows: number; cols: number; rowLabels: string[]; colLabels: string[]; scale: 'signed' | 'magnitude' }
  | { type: 'line'; title: string; yLabel: string; xLabel: string; xs: number[]; series: { label: string; ys: number[] }[]; log: boolean }
  | { type: 'bars'; title: string; labels: string[]; values: number[] }
  | { type: 'progress'; done: number; total: number; label: string }
  /** The listing's `export default`, formatted. */
  | { type: 'value'; text: string }
  /** `line` is the line in the listing the reader sees (1-based), when it can be found. */
  | { type: 'error'; message: string; line: number | null }
  | { type: 'done'; ms: number; leftTensors: number; backend: string };

/** Page → worker. Nothing else is ever sent: no ports, no page state. */
export interface RunRequest {
  type: 'run';
  runId: number;
  code: string;
  /** `?backend=` of the page, or null. */
  backend: string | null;
}

/** Worker → page. */
export type SandboxMessage =
  | { type: 'ready'; runId: number; backend: string; notices: string[] }
  | { type: 'event'; runId: number; event: OutputEvent }
  | { type: 'fatal'; runId: number; message: string };
