/**
 * Image segmentations into superpixels (the interpretable features of LIME for images).
 * Each returns per-pixel segment ids 0..K−1 in row-major order (Int32Array of h·w).
 */
import { assertInt, assertNumber, assertFiniteArray } from './validate.ts';

/** Square cells of `cell`×`cell` pixels (the last row/column of cells may be smaller). */
export function gridSegments(h: number, w: number, cell: number): Int32Array {
  assertInt('h', h, 1);
  assertInt('w', w, 1);
  assertInt('cell', cell, 1);
  const cols = Math.ceil(w / cell);
  const ids = new Int32Array(h * w);
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) ids[i * w + j] = Math.floor(i / cell) * cols + Math.floor(j / cell);
  return ids;
}

/** Number of segments: 1 + the largest id. */
export function countSegments(segments: Int32Array): number {
  let k = -1;
  for (const s of segments) k = Math.max(k, s);
  return k + 1;
}

export interface SlicOptions {
  /** Channels per pixel in `pixels` (default 1). */
  channels?: number;
  /** Approximate number of superpixels (default 16, ~7×7-pixel regions on a 28×28 digit). */
  nSegments?: number;
  /** Weight m of spatial against intensity distance (default 0.2 for intensities in [0, 1]). */
  compactness?: number;
  /** k-means iterations (default 10, as scikit-image's `slic`). */
  iterations?: number;
}

/**
 * SLIC-style superpixels: k-means on (intensity, y, x) with distance
 *   D² = ‖I_p − I_c‖² + m² (‖p − c‖ / S)²,  S = √(h·w / K),
 * centres seeded on a regular grid, each pixel compared with centres within 2S,
 * then connected components relabelled and fragments smaller than S²/4 merged
 * into a neighbour so every segment is one connected region.
 *
 * Reference: Achanta, Shaji, Smith, Lucchi, Fua & Süsstrunk, "SLIC Superpixels
 * Compared to State-of-the-Art Superpixel Methods", IEEE TPAMI 34(11):2274–2282, 2012.
 * lime_image defaults to scikit-image's quickshift(kernel_size=4, max_dist=200, ratio=0.2)
 * on RGB images; on a 28×28 grey digit quickshift yields a few large blobs, so this
 * small SLIC with intensities in [0, 1] is used instead (scikit-image's `slic` with
 * compactness on that scale behaves alike).
 */
export function slicSegments(pixels: ArrayLike<number>, h: number, w: number, options: SlicOptions = {}): Int32Array {
  assertInt('h', h, 1);
  assertInt('w', w, 1);
  const c = options.channels ?? 1;
  assertInt('options.channels', c, 1);
  if (pixels == null || pixels.length !== h * w * c) {
    throw new Error(`pixels must hold h·w·channels = ${h * w * c} values, got ${pixels?.length}`);
  }
  assertFiniteArray('pixels', pixels);
  const K = options.nSegments ?? 16;
  const m = options.compactness ?? 0.2;
  const iters = options.iterations ?? 10;
  assertInt('options.nSegments', K, 1, h * w);
  assertNumber('options.compactness', m, 0);
  assertInt('options.iterations', iters, 1);
  const S = Math.sqrt((h * w) / K);
  // Grid seeds.
  const ny = Math.max(1, Math.round(h / S));
  const nx = Math.max(1, Math.round(w / S));
  const k = ny * nx;
  const cy = new Float64Array(k);
  const cx = new Float64Array(k);
  const cI = new Float64Array(k * c);
  for (let a = 0; a < ny; a++) {
    for (let b = 0; b < nx; b++) {
      const id = a * nx + b;
      cy[id] = ((a + 0.5) * h) / ny - 0.5;
      cx[id] = ((b + 0.5) * w) / nx - 0.5;
      const p = Math.min(h - 1, Math.round(cy[id]!)) * w + Math.min(w - 1, Math.round(cx[id]!));
      for (let ch = 0; ch < c; ch++) cI[id * c + ch] = pixels[p * c + ch]!;
    }
  }
  const label = new Int32Array(h * w);
  const best = new Float64Array(h * w);
  const spatial = (m / S) ** 2;
  for (let it = 0; it < iters; it++) {
    best.fill(Infinity);
    for (let id = 0; id < k; id++) {
      const y0 = Math.max(0, Math.floor(cy[id]! - 2 * S));
      const y1 = Math.min(h - 1, Math.ceil(cy[id]! + 2 * S));
      const x0 = Math.max(0, Math.floor(cx[id]! - 2 * S));
      const x1 = Math.min(w - 1, Math.ceil(cx[id]! + 2 * S));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const p = y * w + x;
          let dc = 0;
          for (let ch = 0; ch < c; ch++) dc += (pixels[p * c + ch]! - cI[id * c + ch]!) ** 2;
          const dist = dc + spatial * ((y - cy[id]!) ** 2 + (x - cx[id]!) ** 2);
          if (dist < best[p]!) {
            best[p] = dist;
            label[p] = id;
          }
        }
      }
    }
    // Update centres.
    const cnt = new Float64Array(k);
    cy.fill(0);
    cx.fill(0);
    const sumI = new Float64Array(k * c);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const p = y * w + x;
        const id = label[p]!;
        cnt[id] = cnt[id]! + 1;
        cy[id] = cy[id]! + y;
        cx[id] = cx[id]! + x;
        for (let ch = 0; ch < c; ch++) sumI[id * c + ch] = sumI[id * c + ch]! + pixels[p * c + ch]!;
      }
    }
    for (let id = 0; id < k; id++) {
      if (cnt[id] === 0) {
        cy[id] = -1e9; // empty cluster: park it far away
        cx[id] = -1e9;
        continue;
      }
      cy[id] = cy[id]! / cnt[id]!;
      cx[id] = cx[id]! / cnt[id]!;
      for (let ch = 0; ch < c; ch++) cI[id * c + ch] = sumI[id * c + ch]! / cnt[id]!;
    }
  }
  return enforceConnectivity(label, h, w, Math.max(1, Math.floor((S * S) / 4)));
}

/**
 * Relabels 4-connected components of `label` to consecutive ids 0..K−1, merging
 * components smaller than `minSize` into the previously labelled neighbouring component.
 */
export function enforceConnectivity(label: Int32Array, h: number, w: number, minSize: number): Int32Array {
  const out = new Int32Array(h * w).fill(-1);
  const queue = new Int32Array(h * w);
  let next = 0;
  const dy = [-1, 1, 0, 0];
  const dx = [0, 0, -1, 1];
  for (let start = 0; start < h * w; start++) {
    if (out[start] !== -1) continue;
    // Remember an already-labelled neighbour to merge into if the component is tiny.
    let adjacent = -1;
    const sy = Math.floor(start / w);
    const sx = start % w;
    for (let t = 0; t < 4; t++) {
      const y = sy + dy[t]!;
      const x = sx + dx[t]!;
      if (y >= 0 && y < h && x >= 0 && x < w && out[y * w + x]! >= 0) adjacent = out[y * w + x]!;
    }
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    out[start] = next;
    while (head < tail) {
      const p = queue[head++]!;
      const py = Math.floor(p / w);
      const px = p % w;
      for (let t = 0; t < 4; t++) {
        const y = py + dy[t]!;
        const x = px + dx[t]!;
        if (y < 0 || y >= h || x < 0 || x >= w) continue;
        const q = y * w + x;
        if (out[q] === -1 && label[q] === label[start]) {
          out[q] = next;
          queue[tail++] = q;
        }
      }
    }
    if (tail < minSize && adjacent >= 0) {
      for (let i = 0; i < tail; i++) out[queue[i]!] = adjacent;
    } else {
      next++;
    }
  }
  return out;
}
