/**
 * Paints a small matrix of numbers onto a canvas as an image, one cell per value,
 * scaled up without smoothing: attribution maps, feature maps, weight images.
 * PuOr (white zero) for signed values, viridis for magnitudes (palette.ts).
 */
import { pixelColours } from './palette.ts';

/** "rgb(r, g, b)" or "#rrggbb" (d3's scales return either) → [r, g, b]. */
export function rgb(css: string): [number, number, number] {
  if (/^#[0-9a-f]{3}$/i.test(css)) css = `#${css[1]}${css[1]}${css[2]}${css[2]}${css[3]}${css[3]}`;
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const m = css.match(/\d+(\.\d+)?/g) ?? ['136', '136', '136'];
  return [Number(m[0]), Number(m[1]), Number(m[2])];
}

export interface PaintOptions {
  scale: 'signed' | 'magnitude';
  /** Colour limits: [-limit, limit] for signed maps, [lo, hi] for magnitudes. */
  lo: number;
  hi: number;
  /** Values 0..1 of the same size (a digit's ink) that darken the colours underneath. */
  ink?: ArrayLike<number>;
  /** Start of this map inside `values` (several maps in one array). */
  offset?: number;
}

/** Paints a rows×cols map (row-major) onto the whole canvas. */
export function paintMap(canvas: HTMLCanvasElement, values: ArrayLike<number>, rows: number, cols: number, o: PaintOptions): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = new ImageData(cols, rows);
  const offset = o.offset ?? 0;
  const colour = pixelColours(o.scale, o.lo, o.hi);
  for (let i = 0; i < rows * cols; i++) {
    const [r, g, b] = colour(values[offset + i]!);
    const dark = o.ink ? 1 - 0.55 * Math.min(1, Math.max(0, o.ink[i]!)) : 1;
    img.data.set([r * dark, g * dark, b * dark, 255], i * 4);
  }
  const off = new OffscreenCanvas(cols, rows);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}
