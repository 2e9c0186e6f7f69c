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
