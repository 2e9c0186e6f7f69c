/**
 * Colour scales for every picture in the book. Both are colour-blind safe:
 * viridis for magnitudes, and purple–orange (PuOr) for signed values, where white
 * is zero, so a positive and a negative attribution never look alike.
 */
import { interpolatePuOr, interpolateViridis } from 'd3-scale-chromatic';

export type Scale = 'signed' | 'magnitude';

/** Maps a value to a CSS colour. Signed scales are symmetric around 0 with limit ±`max`. */
export function colourFor(value: number, scale: Scale, min: number, max: number): string {
  if (!Number.isFinite(value)) return '#888';
  if (scale === 'signed') {
    const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
    // d3's PuOr runs purple (0) → white (0.5) → orange (1): orange for positive values.
    return interpolatePuOr(Math.min(1, Math.max(0, 0.5 + value / (2 * m))));
  }
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return interpolateViridis(Math.min(1, Math.max(0, t)));
}

export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** A colour from `colourFor` ("rgb(r, g, b)" or "#rrggbb", as d3's scales return) → [r, g, b], for painting pixels. */
export function rgbTriple(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const m = css.match(/\d+(\.\d+)?/g) ?? ['136', '136', '136'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

const LEVELS = 1024;
const GREY: readonly [number, number, number] = [136, 136, 136];
const TABLES = new Map<Scale, ReadonlyArray<readonly [number, number, number]>>();

/** The scale's colours at LEVELS evenly spaced points of 0..1, made once per page. */
function tableFor(scale: Scale): ReadonlyArray<readonly [number, number, number]> {
  let table = TABLES.get(scale);
  if (!table) {
    // On [-1, 1] (signed) or [0, 1] (magnitude), colourFor's position on the scale is t itself.
    const valueAt = scale === 'signed' ? (t: number) => 2 * t - 1 : (t: number) => t;
    const lo = scale === 'signed' ? -1 : 0;
    table = Array.from({ length: LEVELS }, (_, k) => rgbTriple(colourFor(valueAt(k / (LEVELS - 1)), scale, lo, 1)));
    TABLES.set(scale, table);
  }
  return table;
}

/**
 * `colourFor` for painting pixels: one look-up per pixel in the scale sampled at 1024
 * points (once per page). Asking d3 for a CSS string and parsing it back for every
 * pixel was most of a figure's drawing time (the CNN inspector's 90 maps, one long task
 * as it came into view). 1024 points are finer than viridis's own 256 colours, so a
 * pixel is at most one of its steps from the legend's colour.
 */
export function pixelColours(scale: Scale, min: number, max: number): (value: number) => readonly [number, number, number] {
  const table = tableFor(scale);
  const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
  // Where a value falls on the scale, 0..1, as colourFor places it.
  const unit = scale === 'signed' ? (v: number) => 0.5 + v / (2 * m) : max > min ? (v: number) => (v - min) / (max - min) : () => 0.5;
  return (value) => {
    if (!Number.isFinite(value)) return GREY;
    const t = unit(value);
    return table[Math.round((t < 0 ? 0 : t > 1 ? 1 : t) * (LEVELS - 1))]!;
  };
}
