/**
 * Eager execution of a tfjs-layers model with one layer's output replaced, so
 * a model can be split at an internal layer (input → layer, layer → output).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

type Layer = tfl.LayersModel['layers'][number];

/** The layer called `name`, or an Error listing the layers that exist. */
export function findLayer(model: tfl.LayersModel, name: string, argName = 'options.layerName'): Layer {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) {
    throw new Error(`${argName}: no layer named ${JSON.stringify(name)}; the model's layers are: ${model.layers.map((l) => l.name).join(', ')}`);
  }
  return layer;
}

/** The rank of a layer's (first) output, or −1 if it has none yet. */
export function outputRank(layer: Layer): number {
  try {
    const s = layer.outputShape;
    const first = Array.isArray(s[0]) || s[0] === undefined ? (s[0] as unknown as (number | null)[] | undefined) : s;
    return Array.isArray(first) ? first.length : -1;
  } catch {
    return -1;
  }
}

/**
 * Runs `model` eagerly on `x`, layer by layer following its graph, returning
 * the output of `cut` and the model output. When `replacement` is given it is
 * used as `cut`'s output, so the model output becomes a differentiable function
 * of it (Grad-CAM's layer → output sub-model). Works for Sequential and
 * functional models whose layers are each called once (no shared layers at `cut`).
 * Call inside `tf.tidy`: intermediate tensors are not disposed here.
 */
export function runSplit(model: tfl.LayersModel, x: tf.Tensor, cut: Layer, replacement?: tf.Tensor): { cutValue: tf.Tensor; output: tf.Tensor } {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error(`model must have exactly one input and one output (it has ${model.inputs.length} and ${model.outputs.length})`);
  }
  const values = new Map<number, tf.Tensor>();
  values.set(model.inputs[0]!.id, x);
  let cutValue: tf.Tensor | undefined;
  const outId = model.outputs[0]!.id;
  // model.layers is in topological order; run each node whose inputs are known.
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    for (const node of layer.inboundNodes) {
      const ins = node.inputTensors.map((s) => values.get(s.id));
      if (ins.some((v) => v === undefined)) continue;
      if (node.outputTensors.every((s) => values.has(s.id))) continue;
      let out: tf.Tensor | tf.Tensor[];
      if (layer === cut && replacement) {
        out = replacement;
        cutValue = replacement;
      } else {
        out = layer.apply(ins.length === 1 ? ins[0]! : (ins as tf.Tensor[]), {}) as tf.Tensor | tf.Tensor[];
        if (layer === cut) cutValue = Array.isArray(out) ? out[0] : out;
      }
      const outs = Array.isArray(out) ? out : [out];
      node.outputTensors.forEach((s, i) => values.set(s.id, outs[i]!));
    }
  }
  const output = values.get(outId);
  if (!cutValue || !output) throw new Error(`layer ${JSON.stringify(cut.name)} is not on the path from the model's input to its output`);
  return { cutValue, output };
}

/** A `Predict` that runs a tfjs-layers model in inference mode (differentiable). */
export function modelPredict(model: tfl.LayersModel): (x: tf.Tensor) => tf.Tensor {
  return (x) => model.apply(x, { training: false }) as tf.Tensor;
}

export type { Layer };
