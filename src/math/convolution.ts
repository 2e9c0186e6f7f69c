/**
 * Convolution and pooling written out as loops, with no TF.js, for the interactive
 * convolution figure: small enough to read, and checked against tf.conv2d,
 * tf.maxPool and tf.avgPool in tests/unit/convolution.test.ts.
 *
 * Layout is TensorFlow's: an image is height × width × channels, row-major
 * (index (r·W + c)·C + ch); a kernel is k × k × inChannels × outChannels.
 * As in every deep-learning library, "convolution" here is a cross-correlation:
 * the kernel is not flipped.
 */

export type Padding = 'valid' | 'same';
export type PoolOp = 'max' | 'avg';

/** A height × width × channels array of numbers. */
export interface Grid {
  h: number;
  w: number;
  c: number;
  values: Float32Array;
}

export interface ConvKernel {
  /** Side of the square kernel. */
  k: number;
  cin: number;
  cout: number;
  /** k × k × cin × cout, row-major. */
  weights: ArrayLike<number>;
  /** One bias per output channel. */
  bias: ArrayLike<number>;
}

/** The leading padding and the output length along one axis, as TensorFlow computes them. */
export function axisGeometry(n: number, k: number, stride: number, padding: Padding): { out: number; before: number; total: number } {
  if (!(n >= 1 && k >= 1 && stride >= 1)) throw new RangeError(`need n, k, stride ≥ 1; got ${n}, ${k}, ${stride}`);
  if (padding === 'valid') {
    if (k > n) throw new RangeError(`a ${k}-wide window does not fit in ${n} values without padding`);
    return { out: Math.floor((n - k) / stride) + 1, before: 0, total: 0 };
  }
  // 'same': out = ⌈n / s⌉, and just enough zeros to reach it, the odd one after.
  const out = Math.ceil(n / stride);
  const total = Math.max((out - 1) * stride + k - n, 0);
  return { out, before: Math.floor(total / 2), total };
}

/** One term of the sum behind an output cell: kernel weight × input value. */
export interface Term {
  u: number;
  v: number;
  /** Input row and column (may lie in the zero padding: outside 0..h-1). */
  row: number;
  col: number;
  channel: number;
  x: number;
  w: number;
  product: number;
  /** False where the window hangs over the border and reads a padded zero. */
  inside: boolean;
}

/** Output geometry of a convolution. */
export function convShape(input: Pick<Grid, 'h' | 'w'>, k: number, stride: number, padding: Padding) {
  const rows = axisGeometry(input.h, k, stride, padding);
  const cols = axisGeometry(input.w, k, stride, padding);
  return { h: rows.out, w: cols.out, top: rows.before, left: cols.before, padRows: rows.total, padCols: cols.total };
}

/**
 * The k·k·cin terms of output cell (i, j), channel `out`:
 * z = b + Σ_{u,v,c} W[u,v,c,out] · x[i·s + u − top, j·s + v − left, c].
 */
export function window(input: Grid, kernel: ConvKernel, i: number, j: number, out: number, stride: number, padding: Padding): Term[] {
  const { top, left } = convShape(input, kernel.k, stride, padding);
  const terms: Term[] = [];
  for (let u = 0; u < kernel.k; u++) {
    for (let v = 0; v < kernel.k; v++) {
      for (let c = 0; c < input.c; c++) {
        const row = i * stride + u - top;
        const col = j * stride + v - left;
        const inside = row >= 0 && row < input.h && col >= 0 && col < input.w;
        const x = inside ? input.values[(row * input.w + col) * input.c + c]! : 0;
        const w = kernel.weights[((u * kernel.k + v) * kernel.cin + c) * kernel.cout + out]!;
        terms.push({ u, v, row, col, channel: c, x, w, product: x * w, inside });
      }
    }
  }
  return terms;
}

/** z = b + Σ terms, summed in the order the figure lists them. */
export function cellSum(terms: readonly Term[], bias: number): number {
  let z = bias;
  for (const t of terms) z += t.product;
  return z;
}

/** The convolution's pre-activation z for every output cell and channel. */
export function conv2d(input: Grid, kernel: ConvKernel, stride: number, padding: Padding): Grid {
  if (kernel.cin !== input.c) throw new RangeError(`kernel expects ${kernel.cin} input channels; the image has ${input.c}`);
  const shape = convShape(input, kernel.k, stride, padding);
  const values = new Float32Array(shape.h * shape.w * kernel.cout);
  for (let i = 0; i < shape.h; i++) {
    for (let j = 0; j < shape.w; j++) {
      for (let o = 0; o < kernel.cout; o++) {
        values[(i * shape.w + j) * kernel.cout + o] = cellSum(window(input, kernel, i, j, o, stride, padding), kernel.bias[o]!);
      }
    }
  }
  return { h: shape.h, w: shape.w, c: kernel.cout, values };
}

export function relu(g: Grid): Grid {
  return { ...g, values: g.values.map((v) => Math.max(0, v)) };
}

/**
 * Pooling over size × size windows with the given stride. With 'same' padding, the
 * padded cells are left out of the max and of the average's count, as TensorFlow does.
 */
export function pool2d(input: Grid, op: PoolOp, size: number, stride: number, padding: Padding): Grid {
  const rows = axisGeometry(input.h, size, stride, padding);
  const cols = axisGeometry(input.w, size, stride, padding);
  const values = new Float32Array(rows.out * cols.out * input.c);
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      for (let c = 0; c < input.c; c++) {
        let acc = op === 'max' ? -Infinity : 0;
        let count = 0;
        for (let u = 0; u < size; u++) {
          for (let v = 0; v < size; v++) {
            const r = i * stride + u - rows.before;
            const q = j * stride + v - cols.before;
            if (r < 0 || r >= input.h || q < 0 || q >= input.w) continue;
            const x = input.values[(r * input.w + q) * input.c + c]!;
            acc = op === 'max' ? Math.max(acc, x) : acc + x;
            count++;
          }
        }
        values[(i * cols.out + j) * input.c + c] = op === 'max' ? acc : acc / count;
      }
    }
  }
  return { h: rows.out, w: cols.out, c: input.c, values };
}

/** The input cells (row, col) that pooled cell (i, j) reads, for highlighting. */
export function poolWindow(input: Pick<Grid, 'h' | 'w'>, size: number, stride: number, i: number, j: number): { row: number; col: number }[] {
  const cells: { row: number; col: number }[] = [];
  for (let u = 0; u < size; u++) {
    for (let v = 0; v < size; v++) {
      const row = i * stride + u;
      const col = j * stride + v;
      if (row < input.h && col < input.w) cells.push({ row, col });
    }
  }
  return cells;
}
