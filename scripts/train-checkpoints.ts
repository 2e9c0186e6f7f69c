/**
 * Trains the book's MNIST CNNs in Node and saves checkpoints for the page's
 * "skip ahead" button: public/checkpoints/<model>-seed<seed>-epoch<k>.ckpt and
 * public/checkpoints/index.json (committed; the format is in src/train/snapshot.ts,
 * the loader in src/train/checkpoints.ts).
 *
 *   npx tsx scripts/train-checkpoints.ts [--model fast|documents|all] [--epochs N] [--seed S] [--verify]
 *
 * It trains exactly as the MNIST figure does with its default settings (see
 * src/figures/mnist/state.ts): the book's Trainer, the CPU backend (the same kernels
 * as the page's `cpu` backend), the whole 10,000-image training subset from
 * scripts/build-mnist.mjs, seeded weights and shuffles. Hyperparameters ({@link MODELS}):
 *
 *   fast       fast CNN (6,218 parameters)          Adam, lr 0.003, batch 32, seed 1;
 *              10 epochs, checkpoints after epochs 1, 2, 3, 5, 10
 *   documents  the Keras-example CNN (225,034 par.)  Adam, lr 0.003, batch 32, seed 1;
 *              3 epochs, checkpoints after epochs 1, 2, 3 (≈ 900 KB each)
 *
 * Adam's β₁ = 0.9, β₂ = 0.999, ε = 1e-7 (src/train/optimizers.ts); loss categorical
 * cross-entropy. Test accuracy and loss are measured on the 2,000-image test subset.
 *
 * Reproducible: same seed → same bytes. Nothing time-dependent is written (the
 * index lists seconds per epoch only in the console output). `--verify` retrains a
 * model up to its first checkpoint and checks it is byte-identical to the file on disk.
 *
 * Running it: tfjs-core's ES-module files import paths without extensions (written
 * for bundlers), which Node's ESM loader refuses, and its Node platform code calls
 * a bare `require`. {@link installTfjsHooks} bridges both before anything imports
 * tfjs, so this file imports the book's modules dynamically, after installing them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainConfig } from '../src/train/config.ts';
import type { CheckpointEntry, CheckpointIndex } from '../src/train/checkpoints.ts';

/** Lets Node's ESM loader run tfjs-core's deep ES-module imports (see the file comment). */
function installTfjsHooks(): void {
  (globalThis as { require?: NodeJS.Require }).require ??= createRequire(import.meta.url);
  registerHooks({
    resolve(specifier, context, next) {
      const parent = context.parentURL;
      if (parent?.includes('/node_modules/@tensorflow/') && /^\.\.?\//.test(specifier) && !specifier.endsWith('.js')) {
        const url = new URL(specifier, parent);
        const path = fileURLToPath(url);
        if (existsSync(`${path}.js`)) return { url: `${url.href}.js`, format: 'module', shortCircuit: true };
        if (existsSync(join(path, 'index.js'))) return { url: `${url.href}/index.js`, format: 'module', shortCircuit: true };
      }
      return next(specifier, context);
    },
  });
}
installTfjsHooks();

const { tfCpu } = await import('../src/engine/tf-node.ts');
const { buildDocumentsCnn, buildFastCnn } = await import('../src/models/cnn.ts');
const { Trainer } = await import('../src/train/trainer.ts');
const { takeSnapshot, encodeCheckpoint } = await import('../src/train/snapshot.ts');
const { checkpointFileName, CHECKPOINT_INDEX_VERSION } = await import('../src/train/checkpoints.ts');
const { decodeMnist } = await import('../src/data/mnist/load.ts');
const { MNIST_FILES, parseMnistManifest } = await import('../src/data/mnist/manifest.ts');
const { registerFastCpuKernels } = await import('../src/engine/cpu-fast-kernels.ts');
const tf = await tfCpu();
// Bit-identical to the stock cpu kernel, ~25× faster (see that file): same bytes, minutes not hours.
registerFastCpuKernels();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'checkpoints');
const MNIST_DIR = join(ROOT, 'public', 'generated', 'mnist');

interface ModelPlan {
  /** Architecture id written into the checkpoints (and their file names). */
  id: string;
  build: (o: { seed: number }) => import('@tensorflow/tfjs-layers').LayersModel;
  config: TrainConfig;
  /** Epochs after which a checkpoint is written. */
  save: number[];
}

/** The MNIST figure's defaults: Adam, learning rate 0.003, batch 32, seed 1. */
const FIGURE_DEFAULTS = { optimizer: 'adam', learningRate: 0.003, batchSize: 32, loss: 'categoricalCrossentropy', seed: 1, shuffle: true } as const;

const MODELS: Record<'fast' | 'documents', ModelPlan> = {
  fast: { id: 'fast-cnn', build: buildFastCnn, config: { ...FIGURE_DEFAULTS, epochs: 10 }, save: [1, 2, 3, 5, 10] },
  documents: { id: 'documents-cnn', build: buildDocumentsCnn, config: { ...FIGURE_DEFAULTS, epochs: 3 }, save: [1, 2, 3] },
};

function parseArgs(argv: string[]) {
  const args = { models: ['fast'] as ('fast' | 'documents')[], epochs: undefined as number | undefined, seed: undefined as number | undefined, verify: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--model') {
      const m = value();
      if (m === 'all') args.models = ['fast', 'documents'];
      else if (m === 'fast' || m === 'documents') args.models = [m];
      else throw new Error(`--model must be fast, documents or all; got ${m}`);
    } else if (a === '--epochs') {
      args.epochs = Number(value());
      if (!Number.isInteger(args.epochs) || args.epochs < 1) throw new Error('--epochs must be a positive integer');
    } else if (a === '--seed') {
      args.seed = Number(value());
      if (!Number.isInteger(args.seed) || args.seed < 0) throw new Error('--seed must be a non-negative integer');
    } else if (a === '--verify') args.verify = true;
    else throw new Error(`unknown argument ${a}; usage: train-checkpoints.ts [--model fast|documents|all] [--epochs N] [--seed S] [--verify]`);
  }
  return args;
}

function loadData() {
  if (!existsSync(join(MNIST_DIR, 'manifest.json'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-mnist.mjs')], { stdio: 'inherit' });
  }
  const manifest = parseMnistManifest(JSON.parse(readFileSync(join(MNIST_DIR, 'manifest.json'), 'utf8')));
  const files = Object.fromEntries(MNIST_FILES.map((f) => [f, new Uint8Array(readFileSync(join(MNIST_DIR, f)))]));
  const mnist = decodeMnist(manifest, files as Parameters<typeof decodeMnist>[1]);
  const tensors = (s: typeof mnist.train) =>
    tf.tidy(() => ({
      x: tf.tensor4d(s.images, [s.count, 28, 28, 1]),
      y: tf.oneHot(tf.tensor1d(Int32Array.from(s.labels), 'int32'), 10).toFloat(),
    }));
  return { train: tensors(mnist.train), test: tensors(mnist.test), testLabels: mnist.test.labels };
}

/** Test loss and accuracy, predicted in chunks (as the figure does) to bound memory. */
async function evaluateTest(model: import('@tensorflow/tfjs-layers').LayersModel, x: import('@tensorflow/tfjs-core').Tensor, labels: Uint8Array) {
  const n = labels.length;
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < n; start += 250) {
    const size = Math.min(250, n - start);
    const p = tf.tidy(() => model.predict(tf.slice(x, start, size)) as import('@tensorflow/tfjs-core').Tensor);
    const probs = await p.data();
    p.dispose();
    for (let i = 0; i < size; i++) {
      let best = 0;
      for (let c = 1; c < 10; c++) if (probs[i * 10 + c]! > probs[i * 10 + best]!) best = c;
      const label = labels[start + i]!;
      if (best === label) correct++;
      loss -= Math.log(Math.min(1 - 1e-7, Math.max(1e-7, probs[i * 10 + label]!)));
    }
  }
  return { loss: loss / n, accuracy: correct / n };
}

const round = (v: number, digits = 6) => Number(v.toPrecision(digits));

async function trainModel(plan: ModelPlan, data: ReturnType<typeof loadData>, opts: { verifyOnly: boolean }): Promise<CheckpointEntry[]> {
  const { config } = plan;
  const model = plan.build({ seed: config.seed });
  const trainer = new Trainer(model, data.train, config);
  const entries: CheckpointEntry[] = [];
  const save = plan.save.filter((e) => e <= config.epochs);
  const last = opts.verifyOnly ? save[0]! : config.epochs;
  const params = model.countParams();
  console.log(`${plan.id}: ${params} parameters, ${JSON.stringify(config)}; saving after epochs ${save.join(', ')}`);
  try {
    while (trainer.epoch < last) {
      const t0 = performance.now();
      const report = (await trainer.runEpoch())!;
      const seconds = (performance.now() - t0) / 1000;
      if (!save.includes(report.epoch)) {
        console.log(`  epoch ${report.epoch}: train loss ${report.loss.toFixed(4)}, ${seconds.toFixed(1)} s`);
        continue;
      }
      const test = await evaluateTest(model, data.test.x, data.testLabels);
      const meta = {
        model: plan.id,
        seed: config.seed,
        epoch: report.epoch,
        step: report.step,
        hyperparameters: { ...config },
        trainLoss: round(report.loss),
        trainAccuracy: round(report.accuracy),
        testLoss: round(test.loss),
        testAccuracy: round(test.accuracy),
      };
      const bytes = encodeCheckpoint(await takeSnapshot(model), meta);
      const file = checkpointFileName(plan.id, config.seed, report.epoch);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      console.log(
        `  epoch ${report.epoch}: train loss ${report.loss.toFixed(4)}, test accuracy ${(test.accuracy * 100).toFixed(2)}%, ` +
          `${seconds.toFixed(1)} s; ${file} ${bytes.length} bytes sha256 ${sha256.slice(0, 16)}`,
      );
      if (opts.verifyOnly) {
        const path = join(OUT, file);
        if (!existsSync(path)) throw new Error(`--verify: ${path} does not exist; run without --verify first`);
        const disk = readFileSync(path);
        if (!Buffer.from(bytes).equals(disk)) throw new Error(`--verify: ${file} differs from a fresh training run (not reproducible!)`);
        console.log(`  --verify: ${file} is byte-identical to a fresh run`);
      } else {
        writeAtomic(join(OUT, file), bytes);
      }
      entries.push({ ...meta, file, bytes: bytes.length, sha256, params });
    }
  } finally {
    trainer.dispose();
    model.dispose();
  }
  return entries;
}

function writeAtomic(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const data = loadData();
  const indexPath = join(OUT, 'index.json');
  const previous: CheckpointIndex | null = existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as CheckpointIndex) : null;
  let entries = previous?.checkpoints ?? [];
  try {
    for (const name of args.models) {
      const base = MODELS[name];
      const plan: ModelPlan = { ...base, config: { ...base.config, epochs: args.epochs ?? base.config.epochs, seed: args.seed ?? base.config.seed } };
      if (!plan.save.some((e) => e <= plan.config.epochs)) plan.save = [plan.config.epochs];
      const made = await trainModel(plan, data, { verifyOnly: args.verify });
      if (args.verify) continue;
      // Replace this model and seed's entries; keep other models' and seeds'.
      entries = [...entries.filter((e) => !(e.model === plan.id && e.seed === plan.config.seed)), ...made];
    }
  } finally {
    tf.dispose([data.train.x, data.train.y, data.test.x, data.test.y]);
  }
  if (args.verify) return;
  entries.sort((a, b) => a.model.localeCompare(b.model) || a.seed - b.seed || a.epoch - b.epoch);
  for (const e of entries) {
    if (!existsSync(join(OUT, e.file)) || statSync(join(OUT, e.file)).size !== e.bytes) throw new Error(`index entry ${e.file} has no matching file`);
  }
  const index: CheckpointIndex = {
    version: CHECKPOINT_INDEX_VERSION,
    generatedBy: 'scripts/train-checkpoints.ts',
    data: 'MNIST subset of scripts/build-mnist.mjs: 10,000 training images, accuracy on its 2,000 test images',
    checkpoints: entries,
  };
  writeAtomic(indexPath, `${JSON.stringify(index, null, 2)}\n`);
  console.log(`wrote ${indexPath} (${entries.length} checkpoints)`);
}

await main();
