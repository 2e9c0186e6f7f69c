/**
 * Convolutional networks for 28×28×1 MNIST digits (see src/data/mnist/).
 *
 * - {@link buildDocumentsCnn}: the CNN of the Keras "simple MNIST convnet" example,
 *   the one most readers will have met, with exactly its layer sizes (225,034 parameters).
 * - {@link buildFastCnn}: a ~6k-parameter network that trains in seconds on weak
 *   hardware and ends conv → global average pooling → dense, the architecture that
 *   class activation maps (CAM; Zhou et al., 2016) require.
 *
 * Both output class probabilities (softmax over 10 digits) for input [batch, 28, 28, 1].
 */
import * as tfl from '@tensorflow/tfjs-layers';
import { glorot } from './seeds.ts';

export interface CnnOptions {
  /** Seed for the initial weights; same seed → identical weights. */
  seed: number;
}

export const MNIST_INPUT_SHAPE = [28, 28, 1];

/**
 * Conv2D(32, 3×3, relu) → MaxPool(2) → Conv2D(64, 3×3, relu) → MaxPool(2) →
 * Flatten → Dense(128, relu) → Dense(10, softmax). Valid padding, so the maps
 * shrink 28 → 26 → 13 → 11 → 5 and Flatten gives 5·5·64 = 1600 values.
 * Parameters: 320 + 18,496 + 204,928 + 1,290 = 225,034.
 */
export function buildDocumentsCnn({ seed }: CnnOptions): tfl.Sequential {
  const model = tfl.sequential({ name: 'documents_cnn' });
  model.add(
    tfl.layers.conv2d({
      name: 'conv1',
      inputShape: MNIST_INPUT_SHAPE,
      filters: 32,
      kernelSize: 3,
      activation: 'relu',
      kernelInitializer: glorot(seed, 'conv1'),
    }),
  );
  model.add(tfl.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }));
  model.add(
    tfl.layers.conv2d({ name: 'conv2', filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(seed, 'conv2') }),
  );
  model.add(tfl.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }));
  model.add(tfl.layers.flatten({ name: 'flatten' }));
  model.add(tfl.layers.dense({ name: 'dense1', units: 128, activation: 'relu', kernelInitializer: glorot(seed, 'dense1') }));
  model.add(tfl.layers.dense({ name: 'output', units: 10, activation: 'softmax', kernelInitializer: glorot(seed, 'output') }));
  return model;
}

/** Name of the fast CNN's last convolution, whose maps CAM and Grad-CAM weight. */
export const FAST_CNN_LAST_CONV = 'last_conv';

export interface FastCnnOptions extends CnnOptions {
  /** Filters of the three convolutions (default [8, 16, 32]). */
  filters?: [number, number, number];
}

/**
 * Conv2D(8, 3×3, relu, same) → MaxPool(2) → Conv2D(16, 3×3, relu, same) → MaxPool(2)
 * → Conv2D(32, 3×3, relu, same) ['last_conv'] → GlobalAveragePooling2D → Dense(10, softmax).
 * 'same' padding keeps the last maps at 7×7, so a CAM has 49 cells rather than 9.
 * Parameters with the default filters: 80 + 1,168 + 4,640 + 330 = 6,218.
 * Because the classifier sees only the per-channel averages of 'last_conv',
 * CAM_c(i, j) = Σ_k w_{k,c} · A_k(i, j) is exact for this network.
 */
export function buildFastCnn({ seed, filters = [8, 16, 32] }: FastCnnOptions): tfl.Sequential {
  const [f1, f2, f3] = filters;
  const model = tfl.sequential({ name: 'fast_cnn' });
  const conv = (name: string, n: number, first = false) =>
    tfl.layers.conv2d({
      name,
      ...(first ? { inputShape: MNIST_INPUT_SHAPE } : {}),
      filters: n,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: glorot(seed, name),
    });
  model.add(conv('conv1', f1, true));
  model.add(tfl.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }));
  model.add(conv('conv2', f2));
  model.add(tfl.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }));
  model.add(conv(FAST_CNN_LAST_CONV, f3));
  model.add(tfl.layers.globalAveragePooling2d({ name: 'gap' }));
  model.add(tfl.layers.dense({ name: 'output', units: 10, activation: 'softmax', kernelInitializer: glorot(seed, 'output') }));
  return model;
}
