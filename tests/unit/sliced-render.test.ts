import { describe, expect, it } from 'vitest';
import { SlicedRender } from '../../components/views/sliced-render.ts';

/** Busy-waits `ms`, as a slow drawing step does. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('SlicedRender: a big view drawn in slices', () => {
  it('runs every step in order and says it finished', async () => {
    const seen: number[] = [];
    const done = await new SlicedRender(5).run([0, 1, 2, 3, 4].map((k) => () => seen.push(k)));
    expect(done).toBe(true);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the thread back between slices: no task runs much past the slice', async () => {
    const render = new SlicedRender(10);
    // A timer queued before the view: it must run before the view is done, not after.
    let timerRanAfterStep = -1;
    let stepsRun = 0;
    setTimeout(() => (timerRanAfterStep = stepsRun), 0);
    // A microtask queued by one step has run before the next step only if a task ended in between.
    const slices: number[] = [];
    let sameTask = false;
    let sliceStart = 0;
    let last = 0;
    const steps = Array.from({ length: 12 }, () => () => {
      const now = performance.now();
      if (!sameTask) {
        if (stepsRun > 0) slices.push(last - sliceStart);
        sliceStart = now;
      }
      sameTask = true;
      queueMicrotask(() => (sameTask = false));
      work(4);
      stepsRun++;
      last = performance.now();
    });
    expect(await render.run(steps)).toBe(true);
    slices.push(last - sliceStart);
    expect(stepsRun).toBe(12);
    expect(timerRanAfterStep).toBeGreaterThan(0);
    expect(timerRanAfterStep).toBeLessThan(12);
    // 12 steps of 4 ms in slices of 10 ms: several slices, none longer than slice + one step.
    expect(slices.length).toBeGreaterThanOrEqual(3);
    for (const s of slices) expect(s).toBeLessThan(10 + 4 + 3);
  });

  it('a newer view drops the steps the older one had not reached', async () => {
    const render = new SlicedRender(1);
    const drawn: string[] = [];
    const steps = (name: string) => Array.from({ length: 6 }, (_, k) => () => {
      work(2);
      drawn.push(`${name}${k}`);
    });
    const first = render.run(steps('old'));
    const second = render.run(steps('new'));
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    // The older run drew at most its first slice; the newer one drew everything, last.
    expect(drawn.slice(-6)).toEqual(['new0', 'new1', 'new2', 'new3', 'new4', 'new5']);
    expect(drawn.filter((d) => d.startsWith('old')).length).toBeLessThan(6);
  });

  it('cancel stops a run part-way', async () => {
    const render = new SlicedRender(1);
    let n = 0;
    const running = render.run(Array.from({ length: 10 }, () => () => {
      work(2);
      n++;
    }));
    render.cancel();
    expect(await running).toBe(false);
    expect(n).toBeLessThan(10);
  });
});
