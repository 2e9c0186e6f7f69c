/**
 * The attribution methods the evaluation figure judges, each as one function of
 * (model, digit, class) returning a 28×28 map, with settings fixed so that every
 * number on the page is reproducible from the link. Runs in the worker and in Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { FAST_CNN_LAST_CONV } from '../../models/cnn.ts';
import { gradCam, gradientTimesInput, gridSegments, integratedGradients, limeImage, modelPredict, saliency, segmentMap, smoothGrad } from '../../explain/index.ts';
import { mulberry32, subSeed } from '../../engine/random.ts';
import type { EvalMethodId } from './state.ts';

const SIZE = 28;

/** Settings of the methods, fixed so that every number on the page is reproducible from the link. */
export const METHOD_SETTINGS = { smoothGradSamples: 10, smoothGradSigma: 0.15, igSteps: 16, limeSamples: 250, limeCell: 4 } as const;

/** One method's map as the tensor the deletion curve and the sanity check read (28×28 values). */
export async function explain(id: Exclude<EvalMethodId, 'random'> | 'input', model: tfl.LayersModel, x: tf.Tensor, target: number, seed = 0): Promise<tf.Tensor> {
  const predict = modelPredict(model);
  const s = METHOD_SETTINGS;
  switch (id) {
    case 'saliency':
      return saliency(predict, x, target, { abs: true });
    case 'gxi':
      return gradientTimesInput(predict, x, target);
    case 'smoothgrad':
      return smoothGrad(predict, x, target, { samples: s.smoothGradSamples, sigma: s.smoothGradSigma, seed, abs: true });
    case 'ig': {
      const r = await integratedGradients(predict, x, target, { steps: s.igSteps });
      return r.attributions;
    }
    case 'gradcam':
      return gradCam(model, x, target, { layerName: FAST_CNN_LAST_CONV });
    case 'lime': {
      const segments = gridSegments(SIZE, SIZE, s.limeCell);
      const r = await limeImage(predict, x, { segments, target, numSamples: s.limeSamples, seed });
      return tf.tensor(segmentMap(r.weights, segments), [SIZE, SIZE]);
    }
    case 'input':
      return tf.clone(x);
  }
}

/** A random ranking of the pixels, reproducible from the seed and the digit. */
export function randomMap(seed: number, digit: number): Float32Array {
  const rng = mulberry32(subSeed(seed, `random-ranking-${digit}`));
  return Float32Array.from({ length: SIZE * SIZE }, () => rng());
}
