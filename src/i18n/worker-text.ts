/**
 * The page's side of src/i18n/worker-messages.ts: a worker's progress line, notice or
 * error in the page's language. Messages without a key (older workers, technical
 * detail) are shown as they came, in English.
 */
import { tOr } from './ui.ts';
import type { Said } from './worker-messages.ts';

export function workerText(fallback: string, said?: Said | null): string {
  return said ? tOr(said.key, fallback, said.params) : fallback;
}

/** The notices of a worker's 'ready' message (e.g. a backend that could not start), translated. */
export function workerNotices(msg: { notices: string[]; noticesSaid?: (Said | null)[] }): string[] {
  return msg.notices.map((n, i) => workerText(n, msg.noticesSaid?.[i]));
}
