/**
 * The inspector's drawing pad, with no DOM: a 14×14 grid of on/off cells, packed
 * into four 49-bit whole numbers for the link, and turned into a 28×28 MNIST-like
 * image (each cell a 2×2 block, softened by a small blur, as MNIST's anti-aliased
 * strokes are).
 */
export const DRAW_SIDE = 14;
export const MASK_WORD_BITS = 49;
const WORDS = Math.ceil((DRAW_SIDE * DRAW_SIDE) / MASK_WORD_BITS); // 4

/** Packs the 196 cells (0/1) into four integers below 2^49 (exact in a double). */
export function packMask(mask: ArrayLike<number>): number[] {
  const words = new Array<number>(WORDS).fill(0);
  for (let i = 0; i < DRAW_SIDE * DRAW_SIDE; i++) {
    if (mask[i]) words[Math.floor(i / MASK_WORD_BITS)]! += 2 ** (i % MASK_WORD_BITS);
  }
  return words;
}

export function unpackMask(words: readonly number[]): Uint8Array {
  const mask = new Uint8Array(DRAW_SIDE * DRAW_SIDE);
  for (let i = 0; i < mask.length; i++) {
    const w = words[Math.floor(i / MASK_WORD_BITS)] ?? 0;
    mask[i] = Math.floor(w / 2 ** (i % MASK_WORD_BITS)) % 2;
  }
  return mask;
}

/** The 28×28 image (0 paper … 1 ink) the model sees for a drawing. */
export function maskToPixels(mask: ArrayLike<number>): Float32Array {
  const size = DRAW_SIDE * 2;
  const up = new Float32Array(size * size);
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) up[r * size + c] = mask[(r >> 1) * DRAW_SIDE + (c >> 1)] ? 1 : 0;
  const kernel = [1, 2, 1, 2, 4, 2, 1, 2, 1].map((k) => k / 16);
  const out = new Float32Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      let s = 0;
      for (let u = -1; u <= 1; u++) {
        for (let v = -1; v <= 1; v++) {
          const rr = r + u;
          const cc = c + v;
          if (rr >= 0 && rr < size && cc >= 0 && cc < size) s += kernel[(u + 1) * 3 + v + 1]! * up[rr * size + cc]!;
        }
      }
      // Strokes stay solid inside and get a soft one-pixel rim.
      out[r * size + c] = Math.min(1, 1.6 * s);
    }
  }
  return out;
}
