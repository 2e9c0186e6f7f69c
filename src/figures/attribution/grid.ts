/** Plain-number helpers for the attribution figure's 28×28 maps (no TF.js: the page uses them too). */

export const SIZE = 28;
/** Side of the pooled tables: 28 / 4. */
export const POOLED = 7;
/** σ in pixels of the blurred-digit baseline. */
export const BLUR_SIGMA = 3;

/** Mean of every (side/out)×(side/out) block of a side×side map: by default 4×4 blocks of 28×28. */
export function pool(values: ArrayLike<number>, side = SIZE, out = POOLED): Float32Array {
  const f = side / out;
  const pooled = new Float32Array(out * out);
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) pooled[Math.floor(i / f) * out + Math.floor(j / f)]! += values[i * side + j]!;
  }
  return pooled.map((v) => v / (f * f));
}

/** Separable Gaussian blur of a 28×28 image, edges clamped. */
export function blur(pixels: ArrayLike<number>, sigma = BLUR_SIGMA, side = SIZE): Float32Array {
  const r = Math.ceil(3 * sigma);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const norm = k.reduce((a, b) => a + b, 0);
  const pass = (src: ArrayLike<number>, horizontal: boolean) => {
    const dst = new Float32Array(side * side);
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) {
        let s = 0;
        for (let t = -r; t <= r; t++) {
          const ii = horizontal ? i : Math.min(side - 1, Math.max(0, i + t));
          const jj = horizontal ? Math.min(side - 1, Math.max(0, j + t)) : j;
          s += k[t + r]! * src[ii * side + jj]!;
        }
        dst[i * side + j] = s / norm;
      }
    }
    return dst;
  };
  return pass(pass(pixels, true), false);
}

