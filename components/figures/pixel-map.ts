/**
 * A 28×28 map painted on a canvas (viridis for magnitudes, PuOr for signed values),
 * with an optional box outlined on top: the Clever Hans figure's marker.
 */
import { pixelColours } from '../views/palette.ts';


export function paintMap(canvas: HTMLCanvasElement, values: ArrayLike<number>, scale: 'signed' | 'magnitude', lo: number, hi: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(28, 28);
  const colour = pixelColours(scale, lo, hi);
  for (let i = 0; i < 784; i++) img.data.set([...colour(values[i]!), 255], i * 4);
  const off = new OffscreenCanvas(28, 28);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

/** Outlines the bounding box of `mask` (784 values, 1 inside) in a dashed line. */
export function outlineBox(canvas: HTMLCanvasElement, mask: ArrayLike<number>, colour = '#e7298a'): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let [r0, c0, r1, c1] = [28, 28, -1, -1];
  for (let i = 0; i < 784; i++) {
    if (!mask[i]) continue;
    const r = Math.floor(i / 28);
    const c = i % 28;
    [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, c), Math.max(r1, r), Math.max(c1, c)];
  }
  if (r1 < 0) return;
  const cell = canvas.width / 28;
  ctx.save();
  ctx.setLineDash([3, 2]);
  ctx.lineWidth = 2;
  ctx.strokeStyle = colour;
  ctx.strokeRect(c0 * cell - 1, r0 * cell - 1, (c1 - c0 + 1) * cell + 2, (r1 - r0 + 1) * cell + 2);
  ctx.restore();
}
