// Page-level figures for scripts/bench.mjs:
//   lighthousePages: Lighthouse (its default mobile preset: Moto G-class CPU ×4 slowdown,
//     slow 4G, simulated) on every page of dist/: performance, accessibility, best
//     practices, bytes transferred (the server gzips text as static hosts do), total
//     blocking time, first and largest contentful paint, DOM size;
//   mainThreadWhileTraining: the documents' CNN training in the MNIST figure's worker
//     while the reader scrolls: long tasks (PerformanceObserver 'longtask'), frames per
//     second (requestAnimationFrame), and the main thread's busy share (Chromium's own
//     TaskDuration metric over wall time).
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findBrowser } from '../../tests/e2e/find-browser.mjs';

/** One Lighthouse run of one page, reduced to the figures the bench prints. */
async function lighthouseOnce(url, port) {
  const r = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
  const lhr = r.lhr;
  const score = (c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    bytes: lhr.audits['total-byte-weight']?.numericValue ?? null,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
    fcpMs: lhr.audits['first-contentful-paint']?.numericValue ?? null,
    domElements: lhr.audits['dom-size']?.numericValue ?? null,
    failed: Object.values(lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary').map((a) => a.id).slice(0, 6),
  };
}

/**
 * Lighthouse on each page, `runs` times: the simulated (Lantern) timings depend on the
 * order in which the real load happened to paint and fetch, so one page scores 92 on one
 * run and 99 on the next here. As Lighthouse's own docs advise, the bench reports the
 * run with the median performance score, and the range beside it.
 */
export async function lighthousePages(origin, pages, { log = () => {}, deadline = Infinity, runs = 3 } = {}) {
  const chrome = await launch({ chromePath: findBrowser(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const out = [];
  try {
    for (const page of pages) {
      if (Date.now() > deadline) {
        out.push({ page, error: 'out of time' });
        continue;
      }
      log(`lighthouse ${page} (${runs} runs)`);
      try {
        const results = [];
        for (let i = 0; i < runs && (i === 0 || Date.now() < deadline); i++) results.push(await lighthouseOnce(`${origin}${page}`, chrome.port));
        const sorted = [...results].sort((a, b) => a.performance - b.performance);
        const median = sorted[Math.floor((sorted.length - 1) / 2)];
        out.push({ page, ...median, runs: results.length, performanceRange: [sorted[0].performance, sorted[sorted.length - 1].performance] });
      } catch (e) {
        out.push({ page, error: String(e.message ?? e).split('\n')[0] });
      }
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

/**
 * The page's compositor layers at the end of the run: each is moved from the page's
 * thread to the compositor on every frame, so their count is part of the busy share.
 */
async function compositorLayers(cdp, page) {
  let count = null;
  cdp.on('LayerTree.layerTreeDidChange', (e) => {
    if (e.layers) count = e.layers.length;
  });
  await cdp.send('LayerTree.enable');
  await page.evaluate(() => scrollBy(0, 1));
  await page.waitForTimeout(500);
  await cdp.send('LayerTree.disable');
  return count;
}

/**
 * The documents' CNN trains on 200 images an epoch, so that several epochs end (and the
 * figure redraws its curves, confusion matrix and tables) while the page scrolls; with
 * the default 10,000 an epoch takes minutes and the window would see none. `idle` scrolls
 * the same page with nothing training: what this machine's renderer manages at all.
 */
export async function mainThreadWhileTraining(origin, { seconds = 20, backend: forced = null, pointerOff = false, idle = false, log = () => {} } = {}) {
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${origin}/how-networks-compute/convolutional-networks/?mnist.model=documents&mnist.epochs=30&mnist.images=200&mnist.tests=200${forced ? `&backend=${forced}` : ''}`);
    const fig = page.locator('[data-figure-id="mnist"]');
    await fig.scrollIntoViewIfNeeded();
    // The figure's first view (its tables, chart and confusion matrix) is start-up, which
    // Lighthouse's total blocking time measures; this section measures training.
    await fig.locator('xpath=self::*[@data-ready="true"][@data-view-ready="true"]').waitFor({ timeout: 180_000 });
    // Centred once mounted (mounting changes its height and the page above it), so that
    // scrolling 500 px either way keeps it in view: a figure that leaves the viewport
    // pauses its training, and the figures below would then flatter.
    await fig.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const backend = await fig.getAttribute('data-backend');
    log(`documents' CNN on ${backend}: ${idle ? 'not training, ' : 'training and '}scrolling for ${seconds} s`);
    if (!idle) await fig.locator('[data-action="train"]').click();
    // Otherwise the pointer rests on the Train button, over the content that scrolls.
    if (pointerOff) await page.mouse.move(640, 4);
    await page.waitForTimeout(3000); // past the first batches' kernel compilation
    const epochBefore = Number((await fig.getAttribute('data-epoch')) ?? 0);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? 0;
    await page.evaluate(() => (window.__longTasks = []));
    const task0 = await metric('TaskDuration');
    const t0 = Date.now();
    // Scroll the page up and down around the figure, a wheel step every frame, counting frames.
    const frames = await page.evaluate(async (ms) => {
      let n = 0;
      let dir = 1;
      const y0 = scrollY;
      const end = performance.now() + ms;
      await new Promise((resolve) => {
        const tick = () => {
          n++;
          scrollBy(0, dir * 12);
          if (Math.abs(scrollY - y0) > 500) dir = -dir;
          if (performance.now() < end) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return n;
    }, seconds * 1000);
    const wall = (Date.now() - t0) / 1000;
    const busy = (await metric('TaskDuration')) - task0;
    const longTasks = await page.evaluate(() => window.__longTasks);
    const epoch = await fig.getAttribute('data-epoch');
    const stillTraining = idle || (await fig.getAttribute('data-running')) === 'true';
    const layers = await compositorLayers(cdp, page);
    if (!idle) await fig.locator('[data-action="train"]').click();
    return {
      requested: `${forced ?? 'automatic'}${pointerOff ? ', pointer off the content' : ''}${idle ? ', nothing training' : ''}`,
      idle,
      epochsEnded: Number(epoch ?? 0) - epochBefore,
      backend,
      seconds: +wall.toFixed(1),
      fps: +(frames / wall).toFixed(1),
      longTasks: longTasks.length,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      busyShare: +(busy / wall).toFixed(3),
      trainedWhileMeasured: stillTraining,
      epoch: Number(epoch ?? 0),
      layers,
    };
  } finally {
    await browser.close();
  }
}
