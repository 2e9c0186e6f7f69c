/**
 * Draws a big view in slices: runs its steps in order and gives the browser the main
 * thread back whenever the current task has run for `sliceMs`, so a scroll or a key
 * press never waits behind a whole view. The CNN inspector's answer (five layers of
 * tables, legends and 90 feature-map canvases) was one task of 60–75 ms when it
 * arrived while the reader scrolled past it; the goal is no task over 50 ms.
 *
 * A newer view supersedes an older one: `run` again and the steps the older run had
 * not reached are dropped, so the reader never sees a half-new, half-stale figure for
 * longer than one slice and the numbers in the last step are always the newest.
 */
export class SlicedRender {
  private generation = 0;

  constructor(private readonly sliceMs = 12) {}

  /**
   * Runs `steps` in order, yielding between slices. Resolves `true` once every step
   * ran, `false` when a later `run` (or `cancel`) superseded this one first.
   */
  async run(steps: ReadonlyArray<() => void>): Promise<boolean> {
    const mine = ++this.generation;
    let sliceStart = performance.now();
    for (const step of steps) {
      if (performance.now() - sliceStart >= this.sliceMs) {
        await nextTask();
        if (mine !== this.generation) return false;
        sliceStart = performance.now();
      }
      step();
    }
    return mine === this.generation;
  }

  /** Drops whatever a running `run` has not drawn yet. */
  cancel(): void {
    this.generation++;
  }
}

interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Ends this task; the rest of the view continues in a new one. `scheduler.yield()`
 * (Chromium 129+, Firefox 142+) lets input and frames run, then resumes ahead of other
 * queued work; elsewhere a zero timeout does the same, at the back of the queue.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
