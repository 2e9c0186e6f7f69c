/**
 * The decision boundary: the network's output p(y = 1 | x) over the input square,
 * painted on a canvas, with the training points on top. 0.5 is white, so the boundary
 * is where the two colours meet.
 */
import { colourFor } from './palette.ts';

export interface BoundaryData {
  /** p on a size×size grid, row-major, row 0 at the bottom (x₂ = min). */
  grid: ArrayLike<number>;
  size: number;
  min: number;
  max: number;
  points: { x: number; y: number; label: number; selected: boolean }[];
}

export function drawBoundary(canvas: HTMLCanvasElement, d: BoundaryData): void {
  const px = canvas.width;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const cell = px / d.size;
  for (let r = 0; r < d.size; r++) {
    for (let c = 0; c < d.size; c++) {
      // p − 0.5 on the signed scale: orange for class 1, purple for class 0.
      ctx.fillStyle = colourFor(d.grid[r * d.size + c]! - 0.5, 'signed', -0.5, 0.5);
      ctx.fillRect(c * cell, px - (r + 1) * cell, cell + 0.5, cell + 0.5);
    }
  }
  const toPx = (v: number) => ((v - d.min) / (d.max - d.min)) * px;
  for (const p of d.points) {
    ctx.beginPath();
    ctx.arc(toPx(p.x), px - toPx(p.y), p.selected ? 11 : 8, 0, 2 * Math.PI);
    ctx.fillStyle = p.label ? '#b35806' : '#542788';
    ctx.fill();
    ctx.lineWidth = p.selected ? 4 : 2;
    ctx.strokeStyle = p.selected ? '#000' : '#fff';
    ctx.stroke();
  }
}
