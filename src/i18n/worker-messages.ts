/**
 * Sentences a figure's worker sends to the page. A worker has no <html lang>, so it
 * cannot pick a language: it sends a `Said` — a catalogue key, its params and the
 * English text as a fallback — and the page translates it (src/i18n/worker-text.ts).
 * WORKER_KEYS is every key a worker may send (`said` accepts no other), and
 * tests/unit/i18n-worker-messages.test.ts checks each exists in every language.
 *
 * Safe in a worker: imports only the worker strings, never the whole catalogue.
 */
import strings from './figures/worker.ts';

export const WORKER_KEYS = [
  'worker.replaying',
  'worker.noSkipAhead',
  'worker.diverged',
  'worker.downloadingMnist',
  'worker.mnistFailed',
  'worker.loadingCheckpoint',
  'worker.noCheckpoint',
  'worker.noCheckpointSeed',
  'worker.noWeights',
  'worker.checkpointFailed',
  'worker.noBackend',
  'worker.backendNotStarted',
  'worker.backendFailed',
  'worker.unknownBackend',
  'worker.backendUnavailable',
  'worker.reason.link',
  'worker.reason.tiny',
  'worker.reason.webgpu',
  'worker.reason.softwareWebgpu',
  'worker.reason.webgl',
  'worker.reason.cpu',
  'worker.reason.fallback',
  'worker.done',
  'worker.eval.explaining',
  'worker.eval.curves',
  'worker.eval.randomising',
  'worker.eval.comparing',
] as const;

export type WorkerKey = (typeof WORKER_KEYS)[number];
export type SaidParams = Record<string, string | number>;

/** A sentence for the reader: English `text`, and the key and params the page translates it with. */
export interface Said {
  text: string;
  key: WorkerKey;
  params: SaidParams;
}

const english: Record<string, string> = strings.en;

export function said(key: WorkerKey, params: SaidParams = {}): Said {
  const template = english[key] ?? key;
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return { text, key, params };
}

/** Progress reported while a session loads or computes: 0..1 and a line for the status. */
export type Progress = (fraction: number, message: string | Said) => void;

/** The English text of a progress line or notice, whichever form it came in. */
export const textOf = (m: string | Said): string => (typeof m === 'string' ? m : m.text);

/** An error whose message the page can translate. */
export class SaidError extends Error {
  readonly said?: Said;
  constructor(message: string | Said) {
    super(textOf(message));
    if (typeof message !== 'string') this.said = message;
  }
}

/** The reason (an Error's message) of anything thrown, in English: technical detail kept as a param. */
export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Download progress of the MNIST files, as every MNIST figure's worker reports it. */
export const mnistProgress =
  (progress: Progress) =>
  ({ received, total }: { received: number; total: number }): void =>
    progress(total ? received / total : 0, said('worker.downloadingMnist', { received: (received / 1e6).toFixed(1), total: (total / 1e6).toFixed(1) }));
