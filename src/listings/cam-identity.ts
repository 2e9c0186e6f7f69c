// CAM on a toy GAP network: the mean of the class activation map plus the bias is the class score.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { cam } from '../explain/cam.ts';

const model = tfl.sequential({
  layers: [
    tfl.layers.conv2d({ inputShape: [8, 8, 1], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 7 }) }),
    tfl.layers.globalAveragePooling2d({}),
    tfl.layers.dense({ units: 2, kernelInitializer: tfl.initializers.glorotUniform({ seed: 8 }), biasInitializer: tfl.initializers.constant({ value: 0.25 }) }),
  ],
});
// A bright 3×3 square on a dark 8×8 image.
const pixels = Array.from({ length: 64 }, (_, k) => (Math.floor(k / 8) >= 2 && Math.floor(k / 8) < 5 && k % 8 >= 3 && k % 8 < 6 ? 1 : 0));
const x = tf.tensor4d(pixels, [1, 8, 8, 1]);

const target = 1;
const map = await cam(model, x, target, { upsample: false }); // [8, 8]: Σ_k w_k A^k
const score = (await (model.predict(x) as tf.Tensor).data())[target]!;
const meanMap = (await map.mean().data())[0]!;
print(`score y_c = ${score.toFixed(5)}`);
print(`mean(CAM) + b_c = ${(meanMap + 0.25).toFixed(5)}`);
print(`the two agree to 1e-5: ${Math.abs(score - meanMap - 0.25) < 1e-5}`);
show.heatmap(map, { title: `CAM for class ${target}`, scale: 'signed' });
