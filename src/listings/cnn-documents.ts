// The documents' CNN in TF.js (src/models/cnn.ts), layer by layer, and one forward pass.
import * as tf from '@tensorflow/tfjs-core';
import { buildDocumentsCnn } from '../models/cnn.ts';

const model = buildDocumentsCnn({ seed: 1 });
for (const layer of model.layers) {
  const shape = (layer.outputShape as number[]).slice(1).join('×');
  print(`${layer.name.padEnd(10)} ${layer.getClassName().padEnd(13)} → ${shape.padEnd(9)} ${layer.countParams()} parameters`);
}
print(`total: ${model.countParams()} parameters`);

// An untrained network on a blank image: every bias starts at zero, so each class gets exactly 1/10.
const probs = model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor;
show.bars(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], probs, { title: 'class probabilities (untrained)' });
