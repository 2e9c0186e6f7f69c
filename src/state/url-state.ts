/**
 * One typed, validated state per figure, kept in the page URL so a link restores
 * exactly what a teacher saw (seed, hyperparameters, training step, input, method).
 *
 * A figure declares its fields once; `readState` parses `?fig.key=value` parameters,
 * replacing anything malformed or out of range by the default and saying so, and
 * `writeState` puts only non-default values back, so links stay short.
 */
import { t, tOr } from '../i18n/ui.ts';

export type Field =
  | { kind: 'int'; default: number; min: number; max: number; label: string }
  | { kind: 'number'; default: number; min: number; max: number; label: string }
  | { kind: 'enum'; default: string; options: readonly string[]; label: string };

export type Schema = Record<string, Field>;

export type StateOf<S extends Schema> = {
  [K in keyof S]: S[K] extends { kind: 'enum' } ? string : number;
};

export interface ReadResult<S extends Schema> {
  state: StateOf<S>;
  /** One sentence per value that was ignored, to show the reader. */
  notices: string[];
}

const MAX_RAW_LENGTH = 64;

/**
 * A field's label in the page's language: `state.field.<label>` in the translation
 * catalogue (src/i18n/), or the schema's own (English) label when none is given.
 */
export function fieldLabel(field: Field): string {
  return tOr(`state.field.${field.label}`, field.label);
}

export function defaults<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, number | string> = {};
  for (const [key, field] of Object.entries(schema)) out[key] = field.default;
  return out as StateOf<S>;
}

/** Parses one raw value; returns the parsed value or a reason it was refused. */
export function parseField(field: Field, raw: string): { ok: true; value: number | string } | { ok: false; reason: string } {
  if (raw.length > MAX_RAW_LENGTH) return { ok: false, reason: t('state.tooLong') };
  if (field.kind === 'enum') {
    return field.options.includes(raw)
      ? { ok: true, value: raw }
      : { ok: false, reason: t('state.oneOf', { options: field.options.join(', ') }) };
  }
  // Number("") is 0 and Number("0x10") is 16: accept plain decimal notation only.
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw)) return { ok: false, reason: t('state.notNumber') };
  const value = Number(raw);
  if (field.kind === 'int' && !Number.isInteger(value)) return { ok: false, reason: t('state.whole') };
  if (!(value >= field.min && value <= field.max)) return { ok: false, reason: t('state.between', { min: field.min, max: field.max }) };
  return { ok: true, value };
}

export function readState<S extends Schema>(schema: S, figureId: string, params: URLSearchParams): ReadResult<S> {
  const state = defaults(schema) as Record<string, number | string>;
  const notices: string[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const raw = params.get(`${figureId}.${key}`);
    if (raw === null) continue;
    const parsed = parseField(field, raw);
    if (parsed.ok) state[key] = parsed.value;
    else notices.push(t('state.ignored', { label: fieldLabel(field), reason: parsed.reason, value: String(field.default) }));
  }
  return { state: state as StateOf<S>, notices };
}

/** Writes the figure's non-default values into `params` (others' parameters are kept). */
export function writeState<S extends Schema>(schema: S, figureId: string, state: StateOf<S>, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, number | string>)[key];
    if (value === undefined || value === field.default) out.delete(`${figureId}.${key}`);
    else out.set(`${figureId}.${key}`, String(value));
  }
  return out;
}
