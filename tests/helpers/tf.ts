import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { tfCpu } from '../../src/engine/tf-node.ts';

/**
 * Runs `body` and asserts it left no tensor behind: `tf.memory().numTensors`
 * must return to where it started. Every test of a model or explainer uses it.
 */
export async function expectNoLeak<T>(body: () => T | Promise<T>): Promise<T> {
  await tfCpu();
  const before = tf.memory().numTensors;
  const result = await body();
  expect(tf.memory().numTensors, 'tensors leaked').toBe(before);
  return result;
}
