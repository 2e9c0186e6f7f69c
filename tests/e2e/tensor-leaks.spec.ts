/**
 * Tensor bookkeeping in the browser: training, explaining and resetting each figure
 * three times leaves the worker's tf.memory().numTensors where it was.
 *
 * Every view the worker posts carries its live tensor count (src/worker/session-host.ts),
 * shown on the figure root as data-tensors. Baseline: the count after the FIRST cycle's
 * reset, not at page load, because the first cycle legitimately creates what is kept by
 * design for the worker's lifetime (TF.js's own cached scalars, kernels' constants,
 * data tensors a session reuses across rebuilds). After a reset the figure holds a fresh
 * session built from the same state, so cycles 2 and 3 must end at exactly that count:
 * anything more is a tensor some step, explainer or reset failed to dispose.
 *
 * One test per figure with a worker (components/figures/*-controller.ts), so the spec
 * splits across Playwright workers; budgets are small (one epoch, few samples) and the
 * backend is the CPU.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';

type Action = (root: Locator, page: Page, cycle: number) => Promise<void>;

interface Figure {
  kind: string;
  page: string;
  /** Link settings that keep the figure quick (its id prefix included). */
  query: string;
  /** The figure's "train" action; default: Step one epoch. */
  train?: Action;
  /** Its explain action (a new input to explain); null: the view itself is the explanation. */
  explain: Action | null;
  /** Its reset action; default: the Reset button (figures without one switch back to the first checkpoint). */
  reset?: Action;
}

const click = (action: string): Action => (root) => root.locator(`[data-action="${action}"]`).click();
const choose = (name: string, value: (cycle: number) => string): Action => async (root, _page, cycle) => {
  await root.locator(`select[name="${name}"]`).selectOption(value(cycle));
};
const setNumber = (name: string, value: (cycle: number) => number): Action => async (root, _page, cycle) => {
  const input = root.locator(`input[name="${name}"]`);
  await input.fill(String(value(cycle)));
  await input.dispatchEvent('change');
};
const slide = (name: string, value: (cycle: number) => number): Action => (root, _page, cycle) =>
  root.locator(`input[name="${name}"]`).evaluate((el, v) => {
    (el as HTMLInputElement).value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value(cycle));

/**
 * For the CNNs and the LSTM, whose epoch takes minutes on a shared CPU: Train until the worker has
 * reported a batch (data-batch), then Pause. The trainer and its optimizer state exist
 * and have stepped; Reset then has to dispose a session caught mid-epoch.
 */
const trainFewBatches: Action = async (root) => {
  await root.evaluate((el) => delete (el as HTMLElement).dataset.batch);
  await root.locator('[data-action="train"]').click();
  await expect(root).toHaveAttribute('data-batch', /\d+:\d+/, { timeout: 120_000 });
  await root.locator('[data-action="train"]').click();
  await expect(root).toHaveAttribute('data-running', 'false');
  await expect(root.locator('[data-out="status"]')).toHaveText(/paused|已暂停/);
};

const FIGURES: Figure[] = [
  { kind: 'xor', page: '/how-networks-compute/forward-and-backward/', query: 'xor.epochs=5', explain: (root, _p, cycle) => root.locator('input[name="input"]').nth(cycle % 4).check() },
  { kind: 'mlp-activations', page: '/seeing-inside/activation-maps/', query: 'mlpact.epochs=2', explain: click('next-digit') },
  { kind: 'mnist', page: '/how-networks-compute/convolutional-networks/', query: 'mnist.images=200&mnist.tests=200&mnist.epochs=2', explain: click('next-digit') },
  { kind: 'attn', page: '/how-networks-compute/attention/', query: 'attn.rows=100&attn.epochs=2', explain: click('next-example') },
  { kind: 'lstm', train: trainFewBatches, page: '/how-networks-compute/recurrent-networks/', query: 'lstm.epochs=2', explain: click('next-example') },
  { kind: 'vanish', page: '/how-networks-compute/recurrent-networks/', query: 'vanish.epochs=2&vanish.steps=8', explain: null },
  { kind: 'optimizer-race', page: '/how-networks-compute/training-and-evaluation/', query: 'race.epochs=2', explain: null },
  { kind: 'clever-hans', page: '/opening-the-black-box/why-explain/', query: 'hans.train=200&hans.epochs=2', explain: click('next-digit') },
  { kind: 'tradeoff', page: '/opening-the-black-box/concepts/', query: 'tradeoff.epochs=2', explain: slide('depth', (c) => 2 + (c % 3)) },
  { kind: 'importance', page: '/explaining-predictions/feature-importance/', query: 'importance.epochs=2&importance.reps=1', explain: setNumber('reps', (c) => 2 + (c % 2)) },
  { kind: 'shap', page: '/explaining-predictions/shap/', query: 'shap.epochs=2&shap.ns=32', explain: click('next-row') },
  { kind: 'lime', page: '/explaining-predictions/lime/', query: 'lime.epochs=2&lime.n=50', explain: click('next-row') },
  { kind: 'lime-image', train: trainFewBatches, page: '/explaining-predictions/lime/', query: 'limg.n=20&limg.seg=grid', explain: click('next-digit') },
  { kind: 'digit-shap', train: trainFewBatches, page: '/explaining-predictions/shap/', query: 'dshap.ns=16', explain: click('next-digit') },
  { kind: 'attribution', train: trainFewBatches, page: '/seeing-inside/gradient-maps/', query: 'attr.sgn=2&attr.steps=4', explain: click('next-digit') },
  // No training here: "train" loads another checkpoint, "reset" goes back to the first.
  {
    kind: 'cnn-inspector',
    page: '/seeing-inside/activation-maps/',
    query: '',
    train: choose('ckpt', () => '1'),
    explain: click('next-digit'),
    reset: choose('ckpt', () => '10'),
  },
  {
    kind: 'evaluation',
    page: '/judging-explanations/evaluating-explanations/',
    query: 'eval.n=1&eval.steps=4',
    train: choose('ckpt', () => '5'),
    explain: click('next-digit'),
    reset: choose('ckpt', () => '10'),
  },
];

/** Runs `action` and waits for the worker's answer (the next view it posts). */
async function settle(root: Locator, page: Page, action: () => Promise<void>, timeout = 120_000): Promise<void> {
  await root.evaluate((el) => ((el as HTMLElement).dataset.viewReady = 'false'));
  await action();
  await expect(root).toHaveAttribute('data-view-ready', 'true', { timeout });
}

async function tensors(root: Locator): Promise<number> {
  const n = Number(await root.getAttribute('data-tensors'));
  expect(Number.isInteger(n), 'data-tensors is a whole number').toBe(true);
  return n;
}

for (const fig of FIGURES) {
  test(`${fig.kind}: train → explain → reset three times leaves numTensors where it was`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${fig.page}?backend=cpu${fig.query ? `&${fig.query}` : ''}`);
    const root = page.locator(`[data-figure-kind="${fig.kind}"]`).first();
    await root.scrollIntoViewIfNeeded();
    await expect(root).toHaveAttribute('data-view-ready', 'true', { timeout: 150_000 });
    await expect(root).toHaveAttribute('data-backend', 'cpu');
    const start = await root.getAttribute('data-epoch');
    const counts: number[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      if (fig.train === trainFewBatches) {
        await trainFewBatches(root, page, cycle);
      } else if (fig.train) {
        await settle(root, page, () => fig.train!(root, page, cycle));
      } else {
        await settle(root, page, () => click('step')(root, page, cycle));
        await expect(root).toHaveAttribute('data-epoch', String(Number(start) + 1));
        await expect(root).toHaveAttribute('data-running', 'false');
      }
      if (fig.explain) await settle(root, page, () => fig.explain!(root, page, cycle));
      if (fig.reset) {
        await settle(root, page, () => fig.reset!(root, page, cycle));
      } else {
        await settle(root, page, () => click('reset')(root, page, cycle));
        await expect(root).toHaveAttribute('data-epoch', start!);
      }
      counts.push(await tensors(root));
    }
    console.log(`${fig.kind}: numTensors after each cycle ${counts.join(', ')}`);
    expect(counts[0], 'the figure holds a model').toBeGreaterThan(0);
    expect(counts, `${fig.kind} leaks tensors (counts after cycles 1, 2, 3)`).toEqual([counts[0], counts[0], counts[0]]);
    await expect(root.locator('[data-out="notices"]')).toBeHidden();
    expect(errors).toEqual([]);
  });
}
