import { test, expect, type Page } from '@playwright/test';
import { expectFiniteAndVarying, tableNumbers, watchProblems } from './helpers.ts';

const CHAPTER = '/how-networks-compute/convolutional-networks/';
const CONV = '#fig-conv';
const MNIST = '#fig-mnist';
const INSPECTOR = '#fig-cnni';

async function open(page: Page, figure: string, query = ''): Promise<void> {
  await page.goto(`${CHAPTER}?backend=cpu${query}`);
  await page.locator(figure).scrollIntoViewIfNeeded();
}

/** Rows of a table's body as numbers (td[data-value]). */
async function tableRows(page: Page, selector: string): Promise<number[][]> {
  return page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td[data-value]')).map((td) => Number((td as HTMLElement).dataset.value))),
  );
}

/** The products listed for the current window, their sum plus the bias, and the output table's cell there. */
async function checkWindow(page: Page): Promise<{ i: number; j: number; h: number; w: number; z: number }> {
  const fig = page.locator(CONV);
  const i = Number(await fig.getAttribute('data-pos-i'));
  const j = Number(await fig.getAttribute('data-pos-j'));
  const h = Number(await fig.getAttribute('data-out-h'));
  const w = Number(await fig.getAttribute('data-out-w'));
  const terms = await tableRows(page, `${CONV} [data-table="terms"]`);
  expect(terms).toHaveLength(9);
  for (const [x, wt, product] of terms) expect(product).toBeCloseTo(x! * wt!, 6);
  const bias = Number(await page.locator(`${CONV} [data-table="terms"] table`).getAttribute('data-bias'));
  const z = terms.reduce((s, t) => s + t[2]!, bias);
  const out = await tableRows(page, `${CONV} [data-table="output"]`);
  expect(out).toHaveLength(h);
  expect(out[0]).toHaveLength(w);
  const relu = (await page.locator(`${CONV} select[name="act"]`).inputValue()) === 'relu';
  expect(out[i]![j]).toBeCloseTo(relu ? Math.max(0, z) : z, 5);
  return { i, j, h, w, z };
}

test('convolution figure: each output cell is the bias plus the nine products it lists, for every padding and stride', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, CONV);
  await expect(page.locator(`${CONV}[data-ready="true"]`)).toHaveCount(1);
  // No TF.js in this figure: it computes on the page at once.
  for (let n = 0; n < 12; n++) await page.locator(`${CONV} [data-action="forward"]`).click();
  let at = await checkWindow(page);
  expect([at.h, at.w, at.i, at.j]).toEqual([8, 8, 1, 4]);
  const valid = await tableNumbers(page, `${CONV} [data-table="output"]`);
  expectFiniteAndVarying(valid, 'valid feature map');

  // Keyboard: the arrow keys on the feature map move the window.
  await page.locator(`${CONV} [data-view="output"]`).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  at = await checkWindow(page);
  expect([at.i, at.j]).toEqual([2, 5]);

  await page.locator(`${CONV} select[name="pad"]`).selectOption('same');
  at = await checkWindow(page);
  expect([at.h, at.w]).toEqual([10, 10]);
  expect(await tableNumbers(page, `${CONV} [data-table="output"]`)).not.toEqual(valid);

  await page.locator(`${CONV} select[name="stride"]`).selectOption('2');
  await page.locator(`${CONV} [data-action="back"]`).click();
  at = await checkWindow(page);
  expect([at.h, at.w]).toEqual([5, 5]);
  // The last window with 'same' padding and stride 2 hangs over the border: it reads padding zeros.
  await page.locator(`${CONV} [data-view="output"]`).focus();
  await page.keyboard.press('End');
  at = await checkWindow(page);
  expect([at.i, at.j]).toEqual([4, 4]);
  await expect(page.locator(`${CONV} [data-table="terms"] tbody th`).filter({ hasText: '(padding)' })).toHaveCount(5);

  await page.locator(`${CONV} select[name="pad"]`).selectOption('valid');
  at = await checkWindow(page);
  expect([at.h, at.w]).toEqual([4, 4]);
  // Pooling: 2×2 max of the 4×4 map.
  const out = await tableRows(page, `${CONV} [data-table="output"]`);
  const pooled = await tableRows(page, `${CONV} [data-table="pooled"]`);
  expect(pooled[1]![0]).toBeCloseTo(Math.max(out[2]![0]!, out[2]![1]!, out[3]![0]!, out[3]![1]!), 6);

  // Editing a weight and the bias changes the sum, makes the kernel 'custom', and lives in the link.
  await page.locator(`${CONV} input[name="bias"]`).fill('-0.5');
  await page.locator(`${CONV} input[name="bias"]`).press('Enter');
  await page.locator(`${CONV} input[name="w4"]`).fill('3');
  await page.locator(`${CONV} input[name="w4"]`).press('Enter');
  await expect(page.locator(`${CONV} select[name="preset"]`)).toHaveValue('custom');
  at = await checkWindow(page);
  const url = new URL(page.url());
  expect(url.searchParams.get('conv.stride')).toBe('2');
  expect(url.searchParams.get('conv.w4')).toBe('3');
  expect(url.searchParams.get('conv.bias')).toBe('-0.5');
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await fresh.locator(CONV).scrollIntoViewIfNeeded();
  await expect(fresh.locator(`${CONV}[data-ready="true"]`)).toHaveCount(1);
  expect(await tableNumbers(fresh, `${CONV} [data-table="output"]`)).toEqual(await tableNumbers(page, `${CONV} [data-table="output"]`));
  expect(problems).toEqual([]);
});

/** Trains briefly on the cpu backend and checks the loss fell and the tables hold real numbers. */
async function trainBriefly(page: Page, model: 'fast' | 'documents', images: number, tests: number, parameters: string): Promise<number> {
  await open(page, MNIST, `&mnist.model=${model}&mnist.images=${images}&mnist.tests=${tests}&mnist.epochs=2`);
  await expect(page.locator(`${MNIST}[data-view-ready="true"]`)).toHaveCount(1, { timeout: 120_000 });
  await expect(page.locator(`${MNIST} select[name="model"]`)).toHaveValue(model);
  await expect(page.locator(`${MNIST} [data-table="summary"] caption`)).toContainText(`${parameters} parameters`);
  const untrainedLoss = Number(await page.locator(MNIST).getAttribute('data-test-loss'));
  await page.locator(`${MNIST} [data-action="train"]`).click();
  await expect(page.locator(`${MNIST}[data-running="false"][data-epoch="2"]`)).toHaveCount(1, { timeout: 170_000 });
  const history = await tableRows(page, `${MNIST} [data-table="history"]`);
  expect(history).toHaveLength(2);
  const [first, second] = history as [number[], number[]];
  // Columns: loss, accuracy, test loss, test accuracy, samples/s.
  expect(second[0]).toBeLessThan(first[0]!);
  expect(second[2]).toBeLessThan(untrainedLoss);
  expect(Number(await page.locator(MNIST).getAttribute('data-test-loss'))).toBeLessThan(untrainedLoss);
  expectFiniteAndVarying(history.flat(), `${model}: training history`);
  const cm = await tableNumbers(page, `${MNIST} [data-table="confusion"]`);
  expect(cm.reduce((a, b) => a + b, 0)).toBe(tests);
  expectFiniteAndVarying(cm, `${model}: confusion matrix`);
  expectFiniteAndVarying(await tableNumbers(page, `${MNIST} [data-table="metrics"]`), `${model}: per-class metrics`);
  return second[4]!;
}

test('the fast CNN trains briefly on cpu: loss falls, curves and confusion matrix hold real numbers', async ({ page }) => {
  test.setTimeout(200_000);
  const problems = watchProblems(page);
  const speed = await trainBriefly(page, 'fast', 1000, 500, '6,218');
  test.info().annotations.push({ type: 'fast CNN samples/s (cpu)', description: speed.toFixed(1) });
  expect(problems).toEqual([]);
});

test("the documents' CNN trains briefly on cpu: loss falls, curves and confusion matrix hold real numbers", async ({ page }) => {
  test.setTimeout(200_000);
  const problems = watchProblems(page);
  const speed = await trainBriefly(page, 'documents', 256, 200, '225,034');
  test.info().annotations.push({ type: "documents' CNN samples/s (cpu)", description: speed.toFixed(1) });
  expect(problems).toEqual([]);
});

async function probabilities(page: Page): Promise<number[]> {
  return tableNumbers(page, `${INSPECTOR} [data-table="probabilities"]`);
}

test('CNN inspector: feature maps of every layer, and a drawn vertical stroke is classified live', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await open(page, INSPECTOR);
  await expect(page.locator(`${INSPECTOR}[data-view-ready="true"][data-epoch="10"]`)).toHaveCount(1, { timeout: 120_000 });
  for (const layer of ['conv1', 'pool1', 'conv2', 'pool2', 'last_conv']) {
    expectFiniteAndVarying(await tableNumbers(page, `${INSPECTOR} [data-table="maps-${layer}"]`), `feature maps of ${layer}`);
  }
  await expect(page.locator(`${INSPECTOR} [data-maps="conv2"] canvas`)).toHaveCount(16);
  expectFiniteAndVarying(await tableNumbers(page, `${INSPECTOR} [data-table="filters-conv1"]`), 'conv1 filters');
  expectFiniteAndVarying(await tableNumbers(page, `${INSPECTOR} [data-table="norms-last_conv"]`), 'last_conv kernel norms');
  const sum = (p: number[]) => p.reduce((a, b) => a + b, 0);
  expect(sum(await probabilities(page))).toBeCloseTo(1, 4);
  const conv1 = await tableNumbers(page, `${INSPECTOR} [data-table="maps-conv1"]`);

  // Next test digit: new maps.
  await page.locator(`${INSPECTOR} [data-action="next-digit"]`).click();
  await expect(page.locator(`${INSPECTOR}[data-view-ready="true"]`)).toHaveCount(1);
  expect(await tableNumbers(page, `${INSPECTOR} [data-table="maps-conv1"]`)).not.toEqual(conv1);

  // Draw a vertical stroke down the middle of the pad with the mouse.
  const pad = page.locator(`${INSPECTOR} [data-view="pad"]`);
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const x = box.x + box.width * 0.53;
  await page.mouse.move(x, box.y + box.height * 0.16);
  await page.mouse.down();
  for (let t = 0.16; t <= 0.85; t += 0.05) await page.mouse.move(x, box.y + box.height * t);
  await page.mouse.up();
  await expect(page.locator(`${INSPECTOR}[data-view-ready="true"][data-source="drawn"]`)).toHaveCount(1);
  const drawn = await probabilities(page);
  expect(drawn).toHaveLength(10);
  expect(sum(drawn)).toBeCloseTo(1, 4);
  // The epoch-10 model reads a plain vertical stroke as a 1 (the same drawing is checked in Node).
  await expect(page.locator(INSPECTOR)).toHaveAttribute('data-predicted', '1');
  for (const layer of ['conv1', 'pool2', 'last_conv']) {
    expectFiniteAndVarying(await tableNumbers(page, `${INSPECTOR} [data-table="maps-${layer}"]`), `drawn: ${layer}`);
  }

  // The drawing lives in the link: a fresh page shows the same prediction.
  await expect.poll(() => new URL(page.url()).searchParams.get('cnni.src')).toBe('drawn');
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  await fresh.locator(INSPECTOR).scrollIntoViewIfNeeded();
  await expect(fresh.locator(`${INSPECTOR}[data-view-ready="true"][data-source="drawn"]`)).toHaveCount(1, { timeout: 120_000 });
  expect(await probabilities(fresh)).toEqual(drawn);
  await fresh.close();

  // Keyboard alternative: clear, then ink cells with Shift + arrows.
  await page.locator(`${INSPECTOR} [data-action="clear"]`).click();
  await pad.focus();
  for (let n = 0; n < 5; n++) await page.keyboard.press('Shift+ArrowDown');
  await expect(page.locator(`${INSPECTOR}[data-view-ready="true"]`)).toHaveCount(1);
  expect(sum(await probabilities(page))).toBeCloseTo(1, 4);

  // Another checkpoint: the untrained network's filters differ.
  const trained = await tableNumbers(page, `${INSPECTOR} [data-table="filters-conv1"]`);
  await page.locator(`${INSPECTOR} select[name="ckpt"]`).selectOption('0');
  await expect(page.locator(`${INSPECTOR}[data-view-ready="true"][data-epoch="0"]`)).toHaveCount(1);
  expect(await tableNumbers(page, `${INSPECTOR} [data-table="filters-conv1"]`)).not.toEqual(trained);
  expect(problems).toEqual([]);
});
