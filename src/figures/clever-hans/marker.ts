/**
 * The planted shortcut of the "Clever Hans" figure, with no DOM and no TF.js: a small
 * bright square stamped into one corner of every training image of one class. A model
 * trained on such data can score well by detecting the square instead of the digit,
 * which is the failure Lapuschkin et al. (2019) named after the horse that "counted"
 * by reading its trainer's posture.
 *
 * Images are row-major count×28×28 values in [0, 1]; nothing here modifies its input.
 */

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

export const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type Corner = (typeof CORNERS)[number];

export interface MarkerSpec {
  corner: Corner;
  /** Side of the square in pixels (the default 3 gives a 3×3 square). */
  size: number;
  /** Pixels between the square and the image border (MNIST digits leave 4 blank). */
  margin: number;
}

export const DEFAULT_MARKER: MarkerSpec = { corner: 'top-left', size: 3, margin: 1 };

/** Row and column of the square's top-left pixel. */
export function markerOrigin(spec: MarkerSpec): { row: number; col: number } {
  const { corner, size, margin } = spec;
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(margin) || margin < 0 || size + margin > SIDE) {
    throw new RangeError(`marker: size ${size} and margin ${margin} do not fit a ${SIDE}×${SIDE} image`);
  }
  const far = SIDE - margin - size;
  return {
    row: corner.startsWith('top') ? margin : far,
    col: corner.endsWith('left') ? margin : far,
  };
}

/** 1 inside the square, 0 elsewhere (784 values). */
export function markerMask(spec: MarkerSpec = DEFAULT_MARKER): Uint8Array {
  const mask = new Uint8Array(PIXELS);
  const { row, col } = markerOrigin(spec);
  for (let r = row; r < row + spec.size; r++) for (let c = col; c < col + spec.size; c++) mask[r * SIDE + c] = 1;
  return mask;
}

/** A copy of one 784-pixel image with the square set to full brightness. */
export function withMarker(image: ArrayLike<number>, spec: MarkerSpec = DEFAULT_MARKER): Float32Array {
  if (image.length !== PIXELS) throw new RangeError(`marker: an image has ${PIXELS} pixels, got ${image.length}`);
  const out = Float32Array.from(image);
  const mask = markerMask(spec);
  for (let i = 0; i < PIXELS; i++) if (mask[i]) out[i] = 1;
  return out;
}

export interface ImageSet {
  /** Row-major count×784 values in [0, 1]. */
  images: Float32Array;
  labels: ArrayLike<number>;
  count: number;
}

/**
 * A copy of `set` in which every image whose label is `target` carries the marker
 * (`which: 'target'`, the poisoned training data), every image does (`'all'`, to test
 * whether the square alone turns digits into `target`), or none is changed (`'none'`).
 * Returns the images and, per image, whether it was marked.
 */
export function plantMarkers(
  set: ImageSet,
  target: number,
  which: 'target' | 'all' | 'none',
  spec: MarkerSpec = DEFAULT_MARKER,
): { images: Float32Array; marked: Uint8Array } {
  if (set.images.length !== set.count * PIXELS) throw new RangeError(`marker: ${set.count} images need ${set.count * PIXELS} values, got ${set.images.length}`);
  if (!Number.isInteger(target) || target < 0 || target > 9) throw new RangeError(`marker: target must be a digit 0–9, got ${target}`);
  const images = Float32Array.from(set.images);
  const marked = new Uint8Array(set.count);
  const mask = markerMask(spec);
  const cells: number[] = [];
  for (let i = 0; i < PIXELS; i++) if (mask[i]) cells.push(i);
  for (let n = 0; n < set.count; n++) {
    const stamp = which === 'all' || (which === 'target' && set.labels[n] === target);
    if (!stamp) continue;
    marked[n] = 1;
    for (const i of cells) images[n * PIXELS + i] = 1;
  }
  return { images, marked };
}

/**
 * The share of an attribution map's mass inside the marker: Σ_{i∈box} |s_i| / Σ_i |s_i|.
 * 9 of 784 pixels is 1.1 % of the image, so a share near 1 means the explanation points
 * almost entirely at the square. Returns 0 for an all-zero map.
 */
export function markerShare(attribution: ArrayLike<number>, spec: MarkerSpec = DEFAULT_MARKER): number {
  if (attribution.length !== PIXELS) throw new RangeError(`marker: a map has ${PIXELS} values, got ${attribution.length}`);
  const mask = markerMask(spec);
  let inside = 0;
  let total = 0;
  for (let i = 0; i < PIXELS; i++) {
    const a = Math.abs(attribution[i]!);
    total += a;
    if (mask[i]) inside += a;
  }
  return total > 0 ? inside / total : 0;
}
