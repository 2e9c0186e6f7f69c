/**
 * Runs one runnable listing: strips its TypeScript with sucrase (lines preserved, so an
 * error points at the line the reader sees), resolves its imports against the book's
 * module map, hands it the output helpers (`print`, `show`, `progress`, a captured
 * `console`), and disposes every tensor and variable it left behind.
 *
 * DOM-free: the sandbox worker runs it in the browser, and the Node test of every
 * listing in the book (tests/unit/listings.test.ts) runs it through this same code.
 */
import type * as tfCore from '@tensorflow/tfjs-core';
import { transform } from 'sucrase';
import type { OutputEvent } from './protocol.ts';
import { resolveModule } from './modules.ts';
import { formatValue, isTensor, makeHelpers } from './output-helpers.ts';

type Tf = typeof tfCore;

export interface RunOptions {
  tf: Tf;
  emit(event: OutputEvent): void;
  backend?: string;
}

const SOURCE_NAME = 'book-listing.js';

/**
 * Strips types and turns `import`/`export` into `require`/`exports`, keeping every line where
 * it was (tests/unit/livecode-runner.test.ts checks it). Unused imports are kept, so a
 * misspelt module fails loudly instead of vanishing.
 */
export function transpile(code: string): string {
  return transform(code, { transforms: ['typescript', 'imports'], production: true, disableESTransforms: true, keepUnusedImports: true }).code;
}

type Compiled = (...args: unknown[]) => Promise<void>;
const PARAMS = ['require', 'exports', 'print', 'show', 'progress', 'console'];
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => Compiled;

function compile(body: string): Compiled {
  return new AsyncFunction(...PARAMS, `${body}\n//# sourceURL=${SOURCE_NAME}`);
}

const FRAME = new RegExp(`${SOURCE_NAME.replace('.', '\\.')}:(\\d+):\\d+`);

/** How many lines the engine puts before the body of a `new AsyncFunction` (2 in V8), measured once. */
let headerLines: number | null = null;
function lineOffset(): number {
  return headerLines ?? 2;
}
async function measureOffset(): Promise<void> {
  if (headerLines !== null) return;
  try {
    await compile('throw new Error("probe")')();
  } catch (e) {
    const m = FRAME.exec((e as Error).stack ?? '');
    headerLines = m ? Number(m[1]) - 1 : 2;
  }
}

/** The listing line an error was thrown from: the first stack frame inside the listing. */
export function errorLine(error: unknown): number | null {
  if (!(error instanceof Error)) return null;
  // sucrase reports syntax errors as "Unexpected token (3:5)".
  const syntax = /\((\d+):\d+\)\s*$/.exec(error.message);
  if (syntax && !error.stack?.match(FRAME)) return Number(syntax[1]);
  const m = FRAME.exec(error.stack ?? '');
  return m ? Number(m[1]) - lineOffset() : null;
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) return `${e.name === 'Error' ? 'Error' : e.name}: ${e.message}`;
  return `Thrown: ${formatValue(e)}`;
}

export interface RunResult {
  ok: boolean;
  ms: number;
  /** Tensors the listing left allocated, which the runner then disposed. */
  leftTensors: number;
}

/** Runs a listing to the end, emitting its output; never throws (errors become an `error` event). */
export async function runListing(code: string, { tf, emit, backend }: RunOptions): Promise<RunResult> {
  await measureOffset();
  const started = Date.now();
  const helpers = makeHelpers(tf, emit);
  const before = tf.memory().numTensors;
  let ok = true;
  let leftTensors = 0;
  tf.engine().startScope();
  try {
    const body = transpile(code);
    const exports: Record<string, unknown> = {};
    const fn = compile(body);
    await fn(resolveModule, exports, helpers.print, helpers.show, helpers.progress, helpers.console);
    if ('default' in exports) {
      const value = exports.default;
      if (isTensor(tf, value)) helpers.print('result:', value);
      else helpers.value(formatValue(value));
    }
    await helpers.flush();
  } catch (error) {
    ok = false;
    await helpers.flush().catch(() => undefined);
    emit({ type: 'error', message: errorMessage(error), line: errorLine(error) });
  } finally {
    leftTensors = tf.memory().numTensors - before;
    tf.engine().endScope();
    // Models and optimisers the listing built own variables, which no scope frees.
    tf.disposeVariables();
  }
  const ms = Date.now() - started;
  emit({ type: 'done', ms, leftTensors: Math.max(0, leftTensors), backend: backend ?? tf.getBackend() });
  return { ok, ms, leftTensors };
}

/** The text lines of an output, as the tests compare them with a listing's `expect`. */
export function outputLines(events: OutputEvent[]): string[] {
  const lines: string[] = [];
  for (const e of events) {
    if (e.type === 'log' || e.type === 'value') lines.push(...e.text.split('\n'));
    else if (e.type === 'table') lines.push(e.caption, ...e.rows.map((r) => `${r.label} ${r.values.join(' ')}`.trim()));
    else if (e.type === 'heatmap') lines.push(`[heat map] ${e.title}`);
    else if (e.type === 'line') lines.push(`[line chart] ${e.title}`);
    else if (e.type === 'bars') lines.push(`[bars] ${e.title}: ${e.labels.map((l, i) => `${l}=${e.values[i]}`).join(' ')}`);
    else if (e.type === 'error') lines.push(`${e.message}${e.line ? ` (line ${e.line})` : ''}`);
  }
  return lines;
}
