/**
 * A data version of Keras's `model.summary()`, for rendering a model's table in
 * the page (layer, type, output shape, parameters) instead of printing it to a
 * console. Numbers match Keras for the same architecture: parameters per layer
 * are its weights' sizes, trainable parameters those of trainable weights.
 */
import type * as tfl from '@tensorflow/tfjs-layers';

export interface SummaryRow {
  /** Layer name, e.g. 'conv1'. */
  name: string;
  /** Layer class, e.g. 'Conv2D' (the same names Keras uses). */
  type: string;
  /** Output shape with `null` for the batch dimension, e.g. [null, 26, 26, 32]. */
  outputShape: (number | null)[];
  params: number;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

export function modelSummary(model: tfl.LayersModel): ModelSummary {
  const rows = model.layers.map((layer): SummaryRow => {
    const shape = layer.outputShape;
    // Layers with several outputs report a list of shapes; the table shows the first.
    const first = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
    return {
      name: layer.name,
      type: layer.getClassName(),
      outputShape: [...first],
      params: layer.countParams(),
    };
  });
  const totalParams = model.weights.reduce((s, w) => s + size(w.shape as number[]), 0);
  const trainableParams = model.trainableWeights.reduce((s, w) => s + size(w.shape as number[]), 0);
  return { rows, totalParams, trainableParams };
}
