import { registerHooks } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync, statSync } from 'node:fs';
const ESM: Record<string, string> = {
  '@tensorflow/tfjs-core': 'dist/index.js',
  '@tensorflow/tfjs-layers': 'dist/index.js',
  '@tensorflow/tfjs-backend-cpu': 'dist/index.js',
};
registerHooks({
  resolve(specifier, context, next) {
    const pkg = ESM[specifier];
    if (pkg) {
      const base = next(`${specifier}/package.json`, context).url;
      return { url: new URL(pkg, base).href, format: 'module', shortCircuit: true };
    }
    const parent = context.parentURL;
    if (parent && parent.includes('/node_modules/@tensorflow/') && /^\.\.?\//.test(specifier) && !specifier.endsWith('.js')) {
      const u = new URL(specifier, parent);
      const p = fileURLToPath(u);
      if (existsSync(`${p}.js`)) return { url: `${u.href}.js`, format: 'module', shortCircuit: true };
      if (existsSync(p) && statSync(p).isDirectory() && existsSync(`${p}/index.js`)) return { url: `${u.href}/index.js`, format: 'module', shortCircuit: true };
    }
    if (parent && parent.includes('/node_modules/@tensorflow/') && /^@tensorflow\/tfjs-core\/dist\/.*[^s]$/.test(specifier)) {
      const r = next(`${specifier}.js`, context);
      return { ...r, format: 'module', shortCircuit: true };
    }
    return next(specifier, context);
  },
});
import { createRequire } from 'node:module';
(globalThis as any).require ??= createRequire(import.meta.url);
const { tfCpu } = await import('../src/engine/tf-node.ts');
const { buildFastCnn } = await import('../src/models/cnn.ts');
const tf = await tfCpu();
const a = buildFastCnn({ seed: 1 }); const b = buildFastCnn({ seed: 1 });
console.log(a.weights.map(w => [w.name, w.originalName, w.shape, w.dtype, w.trainable]));
console.log(b.weights.map(w => [w.name, w.originalName]));
const x = tf.ones([2,28,28,1]);
console.log(tf.getBackend(), x.add(1).shape, (a.predict(x) as any).shape);
const g = tf.grad((v: any) => tf.sum(tf.square(v)))(tf.ones([3]));
console.log(await g.data());
