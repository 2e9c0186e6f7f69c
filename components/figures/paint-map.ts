/**
 * Paints a small h×w map onto a canvas, scaled up without smoothing, on one of the
 * book's colour scales (palette.ts): viridis for magnitudes, PuOr for signed values.
 */
import { pixelColours, type Scale } from '../views/palette.ts';


/** `at(i)` gives the value of cell i (row-major), so channel slices need no copy. */
export function paintMap(canvas: HTMLCanvasElement, h: number, w: number, at: (i: number) => number, scale: Scale, lo: number, hi: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(w, h);
  const colour = pixelColours(scale, lo, hi);
  for (let i = 0; i < h * w; i++) {
    const [r, g, b] = colour(at(i));
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  const off = new OffscreenCanvas(w, h);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}
