/** Draws a 28×28 grey image (values 0..1) onto a canvas, scaled up without smoothing. */
export function drawDigit(canvas: HTMLCanvasElement, pixels: ArrayLike<number>, size = 28): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(size, size);
  for (let i = 0; i < size * size; i++) {
    const v = Math.round(255 * (1 - Math.min(1, Math.max(0, pixels[i]!))));
    img.data.set([v, v, v, 255], i * 4);
  }
  const off = new OffscreenCanvas(size, size);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}
