/**
 * The helpers a runnable listing receives (src/livecode/output-helpers.ts makes them), declared
 * so that the listings in this folder are type-checked like the rest of the book.
 */
type ListingMatrix = import('@tensorflow/tfjs-core').Tensor | readonly (readonly number[])[];

/** Prints values under the listing, like console.log; a tensor is shown as a table. */
declare function print(...values: unknown[]): void;

declare const show: {
  /** A heat map of a matrix (rows × cols): PuOr if signed, viridis otherwise, with a table of its numbers. */
  heatmap(m: ListingMatrix, options?: { title?: string; rowLabels?: string[]; colLabels?: string[]; scale?: 'signed' | 'magnitude' }): void;
  /** A line chart of one array, or of several named arrays. */
  line(series: ArrayLike<number> | Record<string, ArrayLike<number>>, options?: { title?: string; yLabel?: string; xLabel?: string; log?: boolean; xs?: number[] }): void;
  /** Labelled bars. */
  bars(labels: string[], values: import('@tensorflow/tfjs-core').Tensor | ArrayLike<number>, options?: { title?: string }): void;
  /** A labelled table of a matrix. */
  table(m: ListingMatrix, options?: { title?: string; rowLabels?: string[]; colLabels?: string[] }): void;
};

/** Reports progress of a long loop (shown as a progress bar); cheap to call every step. */
declare function progress(done: number, total: number, label?: string): void;
