/**
 * The small images the convolution figure slides its kernel over. The two digits are
 * real MNIST test digits (#0, a 7, and #4, a 4 of the book's subset), cropped to their
 * central 20×20 pixels and averaged over 2×2 blocks to 10×10, values 0 (paper) to 1 (ink).
 */
export const IMAGE_SIDE = 10;

const SEVEN = [
  0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00,
  0.00, 0.26, 0.30, 0.09, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00,
  0.00, 0.64, 0.68, 0.87, 0.86, 0.89, 0.88, 0.86, 0.60, 0.00,
  0.00, 0.00, 0.00, 0.02, 0.08, 0.13, 0.12, 0.58, 0.58, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.15, 0.96, 0.12, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.68, 0.50, 0.00, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.00, 0.13, 0.87, 0.06, 0.00, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.02, 0.79, 0.45, 0.00, 0.00, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.49, 0.79, 0.03, 0.00, 0.00, 0.00,
  0.00, 0.00, 0.00, 0.16, 0.97, 0.16, 0.00, 0.00, 0.00, 0.00,
];

const FOUR = [
  0.00, 0.00, 0.00, 0.27, 0.00, 0.00, 0.00, 0.07, 0.03, 0.00,
  0.00, 0.00, 0.00, 0.76, 0.00, 0.00, 0.00, 0.24, 0.38, 0.00,
  0.00, 0.00, 0.34, 0.60, 0.00, 0.00, 0.00, 0.30, 0.54, 0.00,
  0.00, 0.08, 0.85, 0.05, 0.00, 0.00, 0.00, 0.65, 0.46, 0.00,
  0.00, 0.40, 0.60, 0.00, 0.00, 0.00, 0.16, 0.93, 0.06, 0.00,
  0.00, 0.48, 0.38, 0.00, 0.00, 0.00, 0.44, 0.76, 0.00, 0.00,
  0.00, 0.21, 0.85, 0.66, 0.66, 0.74, 0.93, 0.61, 0.00, 0.00,
  0.00, 0.00, 0.05, 0.16, 0.16, 0.00, 0.78, 0.54, 0.00, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.75, 0.50, 0.00, 0.00,
  0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.84, 0.35, 0.00, 0.00,
];

/** A drawn pattern: a filled square, whose four edges the edge kernels pick out. */
const SQUARE = Array.from({ length: IMAGE_SIDE * IMAGE_SIDE }, (_, i) => {
  const r = Math.floor(i / IMAGE_SIDE);
  const c = i % IMAGE_SIDE;
  return r >= 3 && r <= 6 && c >= 3 && c <= 6 ? 1 : 0;
});

export const IMAGES = {
  seven: { label: 'MNIST test digit #0 (a 7), 10×10', values: Float32Array.from(SEVEN) },
  four: { label: 'MNIST test digit #4 (a 4), 10×10', values: Float32Array.from(FOUR) },
  square: { label: 'a filled square (drawn)', values: Float32Array.from(SQUARE) },
} as const;

export type ImageId = keyof typeof IMAGES;
