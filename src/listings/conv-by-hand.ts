// A 3×3 vertical-edge filter on a 6×6 image: tf.conv2d against the sliding window by hand.
import * as tf from '@tensorflow/tfjs-core';

// A dark left half and a bright right half.
const image = Array.from({ length: 6 }, () => [0, 0, 0, 1, 1, 1]);
const kernel = [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]];

// By hand ('valid' padding, stride 1): out[i][j] = Σ_u Σ_v image[i+u][j+v] · kernel[u][v].
const byHand: number[][] = [];
for (let i = 0; i + 3 <= 6; i++) {
  byHand.push([]);
  for (let j = 0; j + 3 <= 6; j++) {
    let s = 0;
    for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) s += image[i + u]![j + v]! * kernel[u]![v]!;
    byHand[i]!.push(s);
  }
}

// TF.js: input [batch, height, width, channels], filter [height, width, in, out].
const x = tf.tensor4d(image.flat(), [1, 6, 6, 1]);
const w = tf.tensor4d(kernel.flat(), [3, 3, 1, 1]);
const out = tf.conv2d(x, w, 1, 'valid').reshape([4, 4]);
const tfValues = await out.data();
const maxDiff = Math.max(...byHand.flat().map((v, k) => Math.abs(v - tfValues[k]!)));
print(`output 4×4; largest difference between tf.conv2d and the loop: ${maxDiff}`);
show.heatmap(out, { title: 'feature map (the edge lights up)' });
