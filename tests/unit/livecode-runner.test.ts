/** The listing runner and the sandbox policy: error lines, imports, output, disposal, URL rules. */
import { describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { outputLines, runListing, transpile } from '../../src/livecode/runner.ts';
import { isAllowedUrl } from '../../src/livecode/sandbox-policy.ts';
import type { OutputEvent } from '../../src/livecode/protocol.ts';

async function run(code: string): Promise<OutputEvent[]> {
  const events: OutputEvent[] = [];
  await runListing(code, { tf, emit: (e) => events.push(e) });
  return events;
}

describe('listing runner', () => {
  test('sucrase keeps every line where it was', () => {
    const code = "import * as tf from '@tensorflow/tfjs-core';\ninterface A { x: number }\nconst a: number = 1;\ntype B = string;\nexport default a;\n";
    expect(transpile(code).split('\n').length).toBe(code.split('\n').length);
  });

  test('a runtime error reports the line of the listing it was thrown on', async () => {
    const events = await run("import * as tf from '@tensorflow/tfjs-core';\ntype T = number;\nconst x: T = 1;\n\nconst y = (null as unknown as { z: number }).z;\n");
    const error = events.find((e) => e.type === 'error');
    expect(error).toMatchObject({ type: 'error', line: 5 });
    expect(error && 'message' in error ? error.message : '').toMatch(/TypeError/);
  });

  test('an error thrown inside the book library points at the listing line that called it', async () => {
    const events = await run("import { buildMlp } from 'book/models/mlp';\nconst ok = 1;\nbuildMlp({ inputs: 0, hidden: [2], outputs: 1, activation: 'tanh', seed: 1 });\n");
    expect(events.find((e) => e.type === 'error')).toMatchObject({ line: 3, message: expect.stringMatching(/inputs must be a positive integer/) });
  });

  test('a syntax error reports its line', async () => {
    const events = await run('const a = 1;\nconst b = ;\n');
    expect(events.find((e) => e.type === 'error')).toMatchObject({ line: 2, message: expect.stringMatching(/SyntaxError/) });
  });

  test('imports outside the module map and from the network are refused with the list of what is allowed', async () => {
    const remote = await run("import x from 'https://example.com/x.js';\nprint(x);\n");
    expect(remote.find((e) => e.type === 'error')).toMatchObject({ line: 1, message: expect.stringMatching(/cannot load code from the network/) });
    const unknown = await run("import fs from 'node:fs';\n");
    expect(unknown.find((e) => e.type === 'error')).toMatchObject({ message: expect.stringMatching(/book\/models\/mlp/) });
  });

  test('print, console.log, tensors as tables, the default export, in call order', async () => {
    const events = await run("import * as tf from '@tensorflow/tfjs-core';\nconsole.log('first', 1, [2, 3]);\nprint('m', tf.tensor2d([[1, 2], [3, 4]]));\nprint('last');\nexport default { answer: 42 };\n");
    expect(outputLines(events)).toEqual(['first 1 [2, 3]', 'm Tensor float32 [2, 2]', '0 1 2', '1 3 4', 'last', '{ answer: 42 }']);
    expect(events.at(-1)).toMatchObject({ type: 'done' });
  });

  test('tensors and variables the listing leaves behind are disposed after the run', async () => {
    const before = tf.memory().numTensors;
    const events = await run("import * as tf from '@tensorflow/tfjs-core';\nconst a = tf.ones([10]);\nconst v = tf.variable(tf.zeros([3]));\nfor (let i = 0; i < 5; i++) tf.add(a, i);\n");
    const done = events.find((e) => e.type === 'done');
    expect(done && 'leftTensors' in done ? done.leftTensors : 0).toBeGreaterThanOrEqual(7);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('show helpers post plain data', async () => {
    const events = await run("show.heatmap([[1, -1], [0, 2]], { title: 'h' });\nshow.line({ a: [1, 2, 3] }, { title: 'l' });\nshow.bars(['x', 'y'], [0.25, 0.75], { title: 'b' });\n");
    expect(events.find((e) => e.type === 'heatmap')).toMatchObject({ rows: 2, cols: 2, values: [1, -1, 0, 2], scale: 'signed' });
    expect(events.find((e) => e.type === 'line')).toMatchObject({ xs: [1, 2, 3], series: [{ label: 'a', ys: [1, 2, 3] }] });
    expect(events.find((e) => e.type === 'bars')).toMatchObject({ labels: ['x', 'y'], values: [0.25, 0.75] });
  });
});

describe('sandbox URL policy', () => {
  const origin = 'https://book.example.org';
  test('only same-origin data files pass', () => {
    expect(isAllowedUrl('/generated/mnist/train.bin', origin, '/')).toBe(true);
    expect(isAllowedUrl('https://book.example.org/sub/checkpoints/x.json', origin, '/sub/')).toBe(true);
    expect(isAllowedUrl('/sub/generated/../secret.json', origin, '/sub/')).toBe(false);
    expect(isAllowedUrl('/generated/%2e%2e/x', origin, '/')).toBe(false);
    expect(isAllowedUrl('/index.html', origin, '/')).toBe(false);
    expect(isAllowedUrl('https://example.com/generated/x', origin, '/')).toBe(false);
    expect(isAllowedUrl('http://book.example.org/generated/x', origin, '/')).toBe(false);
  });
});
