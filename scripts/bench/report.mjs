// Readable tables for scripts/bench.mjs, and the comparison with the previous run.

/** Prints rows (arrays of strings) as an aligned table; the first row is the header. */
export function table(rows, say, { right = [] } = {}) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  const line = (r) => r.map((cell, c) => (right.includes(c) ? String(cell ?? '').padStart(widths[c]) : String(cell ?? '').padEnd(widths[c]))).join('  ').trimEnd();
  say(line(rows[0]));
  say(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) say(line(r));
}

const num = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const ms = (x) => (!Number.isFinite(x) ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
const short = (s, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const METHODS = ['saliency', 'gradCam', 'integratedGradients', 'limeImage', 'kernelShap', 'permutationImportance'];
const METHOD_LABEL = {
  saliency: 'saliency',
  gradCam: 'Grad-CAM',
  integratedGradients: 'integrated gradients',
  limeImage: 'LIME (image)',
  kernelShap: 'KernelSHAP',
  permutationImportance: 'permutation importance',
};

export function printTables(r, say) {
  say(`\n═══ Engine bench · ${r.date} · ${r.machine.cpus} CPU cores (${r.machine.cpuModel}) · load ${r.machine.loadAverageAtStart.join(' ')} → ${r.machine.loadAverageAtEnd?.join(' ')}`);
  if (r.machine.tfVersion) say(`TF.js ${r.machine.tfVersion} · ${r.machine.userAgent}`);
  say('\nBackends:');
  for (const [b, s] of Object.entries(r.backends)) say(`  ${b.padEnd(7)} ${s.started ? 'started' : `SKIPPED: ${s.reason}`}`);

  if (r.throughput.length) {
    say('\n1. Training throughput, MNIST 28×28, Adam, categorical cross-entropy (samples/s; median of the rounds, each after a warm-up batch)');
    const rows = [['backend', 'model', 'params', 'measured over', 'ours (Trainer)', 'model.fit', 'ours/fit', '']];
    for (const t of r.throughput) {
      if (t.error) {
        rows.push([t.backend, t.model, '', '', 'failed', '', '', short(t.error, 70)]);
        continue;
      }
      const over = `${t.rounds} × ${t.batches} batches of ${t.batchSize}`;
      const flag = t.ratio >= 0.95 ? 'ok (≥ 0.95)' : 'BELOW 0.95';
      rows.push([t.backend, t.model, String(t.parameters), over, num(t.oursSamplesPerSecond), num(t.fitSamplesPerSecond), num(t.ratio, 3), `${flag}${t.leakedTensors ? ` · ${t.leakedTensors} tensors leaked` : ''}`]);
    }
    table(rows, say, { right: [2, 4, 5, 6] });
  }

  const ex = Object.values(r.explainers);
  if (ex.length) {
    say('\n2. Explanation latency (median of up to 3 runs after a warm-up; "cold" = only the first call, kernel compilation included, too slow to repeat)');
    const backends = ex.map((e) => e.backend);
    const rows = [['method', 'size', ...backends]];
    const notes = [];
    for (const m of METHODS) {
      let size = '';
      const cells = ex.map((e) => {
        if (e.error) return 'failed';
        const x = e.methods?.find((y) => y.method === m);
        if (!x) return '';
        size ||= x.size;
        if (x.error) {
          notes.push(`${e.backend} ${METHOD_LABEL[m]}: ${short(x.error, 90)}`);
          return 'failed*';
        }
        const problems = [];
        if (x.tensorsBefore !== x.tensorsAfter) problems.push(`LEAK ${x.tensorsAfter - x.tensorsBefore}`);
        if (!x.finite) problems.push('NON-FINITE');
        if (!x.varying) problems.push('CONSTANT');
        return `${ms(x.ms)}${x.cold ? ' cold' : ''}${problems.length ? ` ${problems.join(',')}` : ''}`;
      });
      rows.push([METHOD_LABEL[m], size, ...cells]);
    }
    table(rows, say, { right: backends.map((_, i) => i + 2) });
    for (const e of ex) {
      if (e.error) notes.push(`${e.backend}: the scenario failed: ${short(e.error, 100)}`);
      else if (e.cnn?.trainError) notes.push(`${e.backend}: the CNN could not train (${short(e.cnn.trainError, 80)}), so it explains untrained weights`);
    }
    const clean = ex.filter((e) => !e.error).every((e) => e.methods.every((x) => x.error || (x.tensorsBefore === x.tensorsAfter && x.finite && x.varying)));
    say(clean ? 'Every method that ran: tensors before = after, outputs finite and non-constant.' : 'Some methods leaked tensors or gave non-finite or constant outputs (marked above).');
    for (const n of notes) say(`  * ${n}`);
    const first = ex.find((e) => !e.error);
    if (first) say(`  (fast CNN ${r.plan.explainers.cnnTrainBatches ? `trained ${r.plan.explainers.cnnTrainBatches} batches` : 'with fresh seeded weights'}, explaining test digit 0 "${first.cnn.label}" as class ${first.cnn.target}; MLP test accuracy ${num(first.mlp.testAccuracy * 100)}%)`);
  }

  if (r.accuracy) {
    const a = r.accuracy;
    say(`\n3. Time to ${num((a.target ?? 0.95) * 100, 0)}% test accuracy, fast CNN, on ${a.backend}`);
    if (a.error) say(`  failed: ${a.error}`);
    else {
      const where = `${a.trainRows} training images, batch ${a.batchSize}, Adam ${a.learningRate}, evaluated on ${a.testRows} test images every ${a.evalEveryBatches} batches`;
      say(a.reached ? `  reached in ${num(a.seconds)} s (${num(a.epochs, 2)} epochs; ${num(a.samplesPerSecond)} samples/s)` : `  NOT reached within ${num(a.seconds)} s: best ${num(a.bestAccuracy * 100)}% after ${num(a.epochs, 2)} epochs (${num(a.samplesPerSecond)} samples/s)`);
      say(`  ${where}`);
      say(`  curve: ${a.curve.map((c) => `${num(c.seconds, 0)}s ${num(c.testAccuracy * 100, 0)}%`).join(' · ')}`);
    }
  }
  for (const s of r.skipped) say(`skipped: ${s}`);
  if (r.sectionSeconds) say(`\nSeconds per section: ${Object.entries(r.sectionSeconds).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
  if (r.pageProblems?.length) say(`page problems: ${r.pageProblems.join(' | ')}`);
}

function delta(before, after, higherIsBetter) {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === 0) return { text: '—', mark: '' };
  const change = (after - before) / before;
  const better = higherIsBetter ? change > 0 : change < 0;
  const big = Math.abs(change) >= 0.1;
  return { text: `${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)}%`, mark: big ? (better ? 'better' : 'WORSE') : '' };
}

/** Prints the change of every figure that both runs measured. */
export function compare(prev, cur, say) {
  say(`\nChange vs the previous run (${prev.date}; load then ${prev.machine?.loadAverageAtStart?.join(' ') ?? '?'}, now ${cur.machine.loadAverageAtStart.join(' ')}; ±10% or more is marked — on a shared machine, load alone moves figures that much):`);
  const rows = [['figure', 'previous', 'now', 'change', '']];
  for (const t of cur.throughput) {
    if (t.error) continue;
    const p = prev.throughput?.find((x) => x.backend === t.backend && x.model === t.model && !x.error);
    if (!p) continue;
    const d1 = delta(p.oursSamplesPerSecond, t.oursSamplesPerSecond, true);
    rows.push([`train ${t.model} on ${t.backend}: ours samples/s`, num(p.oursSamplesPerSecond), num(t.oursSamplesPerSecond), d1.text, d1.mark]);
    const d2 = delta(p.ratio, t.ratio, true);
    rows.push([`train ${t.model} on ${t.backend}: ours/fit`, num(p.ratio, 3), num(t.ratio, 3), d2.text, d2.mark]);
  }
  for (const [backend, e] of Object.entries(cur.explainers)) {
    const pe = prev.explainers?.[backend];
    if (e.error || !pe || pe.error) continue;
    for (const x of e.methods) {
      const px = pe.methods?.find((y) => y.method === x.method);
      if (!px || x.error || px.error) continue;
      const d = delta(px.ms, x.ms, false);
      rows.push([`${METHOD_LABEL[x.method]} on ${backend}${px.size !== x.size ? ' (size changed)' : ''}`, ms(px.ms), ms(x.ms), d.text, d.mark]);
    }
  }
  const a = cur.accuracy;
  const pa = prev.accuracy;
  if (a && pa && !a.error && !pa.error && a.backend === pa.backend) {
    if (a.reached && pa.reached) {
      const d = delta(pa.seconds, a.seconds, false);
      rows.push([`time to ${num(a.target * 100, 0)}% on ${a.backend} (s)`, num(pa.seconds), num(a.seconds), d.text, d.mark]);
    } else {
      rows.push([`best accuracy in the time-to-${num(a.target * 100, 0)}% run on ${a.backend}`, `${num(pa.bestAccuracy * 100)}%${pa.reached ? ' (reached)' : ''}`, `${num(a.bestAccuracy * 100)}%${a.reached ? ' (reached)' : ''}`, '', '']);
    }
  }
  if (rows.length === 1) say('  nothing comparable (different backends or sections)');
  else table(rows, say, { right: [1, 2, 3] });
}

/** Reference figures from issue #9 (headless Chromium 156, 2 cores, SwiftShader). */
const REFERENCE = [
  ['TensorFlow Playground', '87–95', '73', '—', '341 KB', 'no long task while training, 60 fps, 70% busy'],
  ['CNN Explainer', '28–32', '71', '—', '7.4 MB', 'longest task 1.2 s at load'],
];

/** Build time, Lighthouse per page, and the main thread while the documents' CNN trains. */
export function printPageTables(r, say) {
  if (r.buildSeconds != null) say(`\n4. Build time (npm run build): ${num(r.buildSeconds)} s`);
  if (r.pages?.length) {
    say(`\n5. Pages: Lighthouse mobile preset, median of ${r.pages.find((p) => p.runs)?.runs ?? 1} runs (range in brackets) (goals: performance ≥ 98, accessibility 100, best practices 100), bytes, gzipped JS before interaction (goal ≤ 30 KB)`);
    const rows = [['page', 'perf', 'a11y', 'best pr.', 'bytes', 'JS before interaction', 'TBT', 'FCP', 'LCP', 'DOM', 'failed audits']];
    for (const p of r.pages) {
      if (p.error) rows.push([p.page, 'failed', '', '', '', '', '', '', '', '', short(p.error, 50)]);
      else rows.push([p.page, p.performanceRange && p.runs > 1 ? `${p.performance} (${p.performanceRange[0]}–${p.performanceRange[1]})` : String(p.performance), String(p.accessibility), String(p.bestPractices), kb(p.bytes), kb(p.jsBeforeInteractionGzip), ms(p.tbtMs), ms(p.fcpMs), ms(p.lcpMs), p.domElements == null ? '—' : String(p.domElements), (p.failed ?? []).join(' ')]);
    }
    for (const ref of REFERENCE) rows.push([`(reference) ${ref[0]}`, ref[1], ref[2], ref[3], ref[4], '', '', '', '', '', '']);
    table(rows, say, { right: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
  }
  const runs = r.mainThread ? [r.mainThread].flat() : [];
  if (runs.length) {
    say('\n6. Main thread while the documents\' CNN trains in its worker and the page scrolls (goals: no task > 50 ms, ≥ 58 fps, ≤ 15% busy)');
    const rows = [['', 'backend', 'measured', 'epochs ended', 'long tasks', 'longest', 'fps', 'busy', 'compositor layers']];
    for (const m of runs) {
      if (m.error) rows.push([`this book (${m.requested ?? 'automatic'})`, '', 'failed', '', '', '', '', short(m.error, 50), '']);
      else rows.push([`this book (${m.requested ?? 'automatic'})`, m.backend, `${num(m.seconds)} s${m.trainedWhileMeasured ? '' : ' (training ended early)'}`, m.idle ? '—' : String(m.epochsEnded ?? '—'), String(m.longTasks), ms(m.longestTaskMs), num(m.fps), `${num(m.busyShare * 100, 0)}%`, m.layers == null ? '—' : String(m.layers)]);
    }
    rows.push(['(reference) TensorFlow Playground', '', '', '', '0', '—', '60', '70%', '']);
    rows.push(['(reference) CNN Explainer', '', 'at load', '', '', '1.2 s', '', '', '']);
    table(rows, say, { right: [3, 4, 5, 6, 7, 8] });
  }
}

const kb = (b) => (Number.isFinite(b) ? (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`) : '—');

export function comparePages(prev, cur, say) {
  const rows = [['figure', 'previous', 'now', 'change', '']];
  if (prev.buildSeconds != null && cur.buildSeconds != null) {
    const d = delta(prev.buildSeconds, cur.buildSeconds, false);
    rows.push(['build time (s)', num(prev.buildSeconds), num(cur.buildSeconds), d.text, d.mark]);
  }
  for (const p of cur.pages ?? []) {
    const q = prev.pages?.find((x) => x.page === p.page && !x.error);
    if (!q || p.error) continue;
    for (const [key, label] of [['performance', 'perf'], ['accessibility', 'a11y'], ['bestPractices', 'best practices']]) {
      if (q[key] !== p[key]) rows.push([`${p.page} ${label}`, String(q[key]), String(p[key]), String(p[key] - q[key]), p[key] < q[key] ? 'WORSE' : 'better']);
    }
    for (const [key, label] of [['tbtMs', 'TBT'], ['lcpMs', 'LCP']]) {
      const t = delta(q[key], p[key], false);
      if (t.mark) rows.push([`${p.page} ${label}`, ms(q[key]), ms(p[key]), t.text, t.mark]);
    }
    const d = delta(q.jsBeforeInteractionGzip, p.jsBeforeInteractionGzip, false);
    if (d.mark) rows.push([`${p.page} JS before interaction`, kb(q.jsBeforeInteractionGzip), kb(p.jsBeforeInteractionGzip), d.text, d.mark]);
  }
  for (const b of [cur.mainThread ?? []].flat()) {
    const a = [prev.mainThread ?? []].flat().find((x) => (x.requested ?? 'automatic') === (b.requested ?? 'automatic'));
    if (!a || a.error || b.error) continue;
    const label = `training (${b.requested ?? 'automatic'})`;
    rows.push([`${label}: fps`, num(a.fps), num(b.fps), delta(a.fps, b.fps, true).text, delta(a.fps, b.fps, true).mark]);
    rows.push([`${label}: longest task`, ms(a.longestTaskMs), ms(b.longestTaskMs), delta(a.longestTaskMs, b.longestTaskMs, false).text, delta(a.longestTaskMs, b.longestTaskMs, false).mark]);
    rows.push([`${label}: busy share`, `${num(a.busyShare * 100, 0)}%`, `${num(b.busyShare * 100, 0)}%`, delta(a.busyShare, b.busyShare, false).text, delta(a.busyShare, b.busyShare, false).mark]);
  }
  if (rows.length > 1) {
    say('\nPages and main thread vs the previous run:');
    table(rows, say, { right: [1, 2, 3] });
  }
}
