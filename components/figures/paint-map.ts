/**
 * Paints a small h×w map onto a canvas, scaled up without smoothing, on one of the
 * book's colour scales (palette.ts): viridis for magnitudes, PuOr for signed values.
 */
import { colourFor, type Scale } from '../views/palette.ts';

/** "rgb(r, g, b)" or "#rrggbb" (d3's scales return either) → [r, g, b]. */
function rgb(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const m = css.match(/\d+(\.\d+)?/g) ?? ['136', '136', '136'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

/** `at(i)` gives the value of cell i (row-major), so channel slices need no copy. */
export function paintMap(canvas: HTMLCanvasElement, h: number, w: number, at: (i: number) => number, scale: Scale, lo: number, hi: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(w, h);
  for (let i = 0; i < h * w; i++) img.data.set([...rgb(colourFor(at(i), scale, lo, hi)), 255], i * 4);
  const off = new OffscreenCanvas(w, h);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}
