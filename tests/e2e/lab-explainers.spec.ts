import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './helpers.ts';
import type { ExplainersOptions, ExplainersResult } from '../../src/lab/protocol.ts';

// The engine lab (/lab/engine/) runs the book's real explainers in a real worker on
// each backend: every method must leave tf.memory().numTensors as it found it and
// give finite, non-constant outputs. Sizes are small so each test stays well under
// a minute on 2 cores with software WebGL/WebGPU.

const LAB = '/lab/engine/';

const SMALL: ExplainersOptions = {
  igSteps: 16,
  limeSamples: 200,
  shapCoalitions: 256,
  shapBackground: 20,
  permutationRepeats: 2,
  permutationRows: 200,
  runs: 1,
  noWarmup: true,
  cnnTrainBatches: 8,
  mlpEpochs: 3,
};

// Software WebGPU (SwiftShader) runs a conv net forward ~5× slower than software WebGL,
// so its perturbation methods get fewer samples; what is checked is the same.
const PER_BACKEND: Record<string, ExplainersOptions> = {
  cpu: SMALL,
  webgl: SMALL,
  webgpu: { ...SMALL, igSteps: 8, limeSamples: 64, shapCoalitions: 128, shapBackground: 10, permutationRows: 100, cnnTrainBatches: 4, mlpEpochs: 2 },
};

async function openLab(page: Page): Promise<void> {
  await page.goto(LAB);
  await page.waitForFunction(() => 'lab' in window);
}

test('the engine lab page is bare, unindexed and starts no worker by itself', async ({ page }) => {
  const problems = watchProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openLab(page);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(page.locator('h1')).toHaveText('Engine lab');
  expect(requests.filter((u) => /worker|tfjs/i.test(u))).toEqual([]);
  expect(problems).toEqual([]);
});

for (const backend of ['cpu', 'webgl', 'webgpu'] as const) {
  test(`explainers on ${backend}: no leaked tensors, finite and varying outputs`, async ({ page }) => {
    const problems = watchProblems(page);
    await openLab(page);
    const options = { ...PER_BACKEND[backend], backend };
    const r = (await page.evaluate((o) => (window as unknown as { lab: { run(s: string, o: unknown): Promise<unknown> } }).lab.run('explainers', o), options)) as ExplainersResult;
    expect(r.backend).toBe(backend);
    expect(r.methods.map((m) => m.method).sort()).toEqual(['gradCam', 'integratedGradients', 'kernelShap', 'limeImage', 'permutationImportance', 'saliency']);
    for (const m of r.methods) {
      expect(m.error, `${m.method} threw`).toBeUndefined();
      expect(m.tensorsAfter, `${m.method}: tf.memory().numTensors after vs before`).toBe(m.tensorsBefore);
      expect(m.finite, `${m.method}: non-finite output`).toBe(true);
      expect(m.varying, `${m.method}: constant output (min ${m.min}, max ${m.max})`).toBe(true);
      expect(m.outputLength, `${m.method}: output length`).toBe(m.method === 'limeImage' ? 49 : m.method === 'kernelShap' || m.method === 'permutationImportance' ? 20 : 784);
    }
    // Integrated gradients keep completeness: Σ IG ≈ f(x) − f(baseline).
    const ig = r.methods.find((m) => m.method === 'integratedGradients')!;
    expect(Math.abs(Number(ig.extra?.gap))).toBeLessThan(0.05);
    // KernelSHAP values add up to f(x) − E[f].
    const shap = r.methods.find((m) => m.method === 'kernelShap')!;
    expect(Number(shap.extra?.additivityGap)).toBeLessThan(1e-3);
    expect(problems).toEqual([]);
  });
}
