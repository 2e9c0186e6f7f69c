#!/usr/bin/env node
// `npm run bench`: runs the book's real engine in a real browser worker (the engine
// lab, /lab/engine/) on every TF.js backend that starts, and prints figures, not a
// verdict:
//   1. training throughput, samples/s of our Trainer.runEpoch vs tfjs-layers model.fit,
//      for the documents' CNN and the fast CNN (target ratio ≥ 0.95);
//   2. time for the fast CNN to reach 95% test accuracy, on the backend that trained it
//      fastest (capped: on this 2-core machine it cannot get there in the budget);
//   3. explanation latencies (saliency, Grad-CAM, integrated gradients, LIME, KernelSHAP,
//      permutation importance) with finiteness and tensor-leak checks;
//   4. build time (npm run build);
//   5. Lighthouse (mobile preset) on every page of dist/: performance, accessibility,
//      best practices, bytes, and gzipped JavaScript before interaction (size budgets);
//   6. the main thread while the documents' CNN trains and the reader scrolls: long
//      tasks, frames per second, busy share.
// Saves bench/last.json (the previous one becomes bench/previous.json) and prints the
// change against the previous run.
//
// Options: --backends cpu,webgl   only these backends
//          --only build,throughput,explainers,accuracy,pages,mainthread   only these sections
//          --accuracy-seconds N   cap for the time-to-accuracy run (default: at most 120 s,
//                                 less if the budget needs it; e.g. 900 to see it reach 95%)
//          --budget-seconds N     whole-run budget (default 900); sections left when it
//                                 runs out are skipped and say so
//          --pages a/b,c/d        Lighthouse only these pages (default: every page of dist/,
//                                 about a minute each on a busy 2-core machine)
//          --lighthouse-runs N    Lighthouse runs per page, median reported (default 3)
//          --no-save              print only
// Builds the site first if dist/ has no lab page. Stops its server and browser on exit,
// error or Ctrl-C.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { openLab } from './bench/lab-session.mjs';
import { compare, printTables, printPageTables, comparePages } from './bench/report.mjs';
import { lighthousePages, mainThreadWhileTraining } from './bench/pages.mjs';
import { measure as measureSizes, htmlPages } from './size-budget.mjs';

const ALL_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'];
const SECTIONS = ['build', 'throughput', 'explainers', 'accuracy', 'pages', 'mainthread'];

function parseArgs(argv) {
  const o = { backends: ALL_BACKENDS, only: SECTIONS, accuracySeconds: null, budgetSeconds: 900, save: true, lighthouseRuns: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--backends') o.backends = value().split(',').filter((b) => ALL_BACKENDS.includes(b));
    else if (a === '--only') o.only = value().split(',').filter((s) => SECTIONS.includes(s));
    else if (a === '--accuracy-seconds') o.accuracySeconds = Number(value());
    else if (a === '--budget-seconds') o.budgetSeconds = Number(value());
    else if (a === '--no-save') o.save = false;
    else if (a === '--lighthouse-runs') o.lighthouseRuns = Math.max(1, Math.round(Number(value())) || 1);
    else if (a === '--pages') o.pages = value().split(',').map((p) => `/${p.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'));
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a} (see --help)`);
  }
  return o;
}

/** What each section runs, sized for a 2-core machine with software WebGL/WebGPU. */
const PLAN = {
  throughput: [
    // Sized from one warm batch to take ~3 s per loop; two rounds, ours then fit.
    { model: 'fast', batchSize: 64, seconds: 3, rounds: 2 },
    // 225k parameters: ~1 s a batch on cpu and webgl, so three rounds of ~4 s loops;
    // 5–10 s a batch on software WebGPU, so there two batches, one round.
    { model: 'documents', batchSize: 64, seconds: 4, rounds: 3, webgpu: { batches: 2, rounds: 1, seconds: undefined } },
  ],
  // Latency does not depend on what the weights learned: the CNN keeps its fresh seeded
  // weights (training it would cost minutes on software WebGPU); the MLP trains briefly.
  explainers: { igSteps: 64, limeSamples: 1000, shapCoalitions: 2048, shapBackground: 50, permutationRepeats: 10, permutationRows: 1000, runs: 3, maxSecondsPerMethod: 8, cnnTrainBatches: 0, mlpEpochs: 5 },
  accuracy: { target: 0.95, batchSize: 64, learningRate: 0.01, evalEveryBatches: 25, testRows: 1000 },
};

const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;
const say = (s) => console.log(s);

async function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const remaining = () => opts.budgetSeconds - elapsed();

  let buildSeconds = null;
  if (opts.only.includes('build')) {
    say('· build time: npm run build…');
    const t = Date.now();
    const r = spawnSync('npm', ['run', 'build'], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('npm run build failed');
    buildSeconds = +((Date.now() - t) / 1000).toFixed(1);
  } else if (!existsSync('dist/lab/engine/index.html')) {
    say('dist/ has no engine lab: building the site first (npm run build)…');
    const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
  }

  const result = {
    version: 1,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)) },
    plan: PLAN,
    backends: {},
    throughput: [],
    explainers: {},
    accuracy: null,
    skipped: [],
    sectionSeconds: {},
    buildSeconds,
    pages: [],
    mainThread: null,
  };

  const lab = await openLab({ log: (s) => say(`· ${s}`) });
  try {
    // Which backends start, and compute a matmul correctly.
    for (const backend of opts.backends) {
      try {
        const info = await withTimeout(lab.run('info', { backend }), 90, `starting ${backend}`);
        if (info.backend !== backend) {
          result.backends[backend] = { started: false, reason: `fell back to ${info.backend}: ${info.backendNotices.join(' ')}` };
        } else if (!info.matmulOk) {
          result.backends[backend] = { started: false, reason: 'started but computed a wrong 64×64 matmul' };
        } else {
          result.backends[backend] = { started: true };
        }
        result.machine.userAgent ??= info.userAgent;
        result.machine.tfVersion ??= info.tfVersion;
      } catch (e) {
        result.backends[backend] = { started: false, reason: e.message.split('\n')[0] };
      }
      say(`· ${backend}: ${result.backends[backend].started ? 'started' : `skipped (${result.backends[backend].reason})`}`);
    }
    const usable = opts.backends.filter((b) => result.backends[b]?.started);
    let mark = 0;
    const lap = (name) => {
      result.sectionSeconds[name] = +(elapsed() - mark).toFixed(1);
      mark = elapsed();
    };
    lap('start');

    // 1. Training throughput.
    if (opts.only.includes('throughput')) {
      for (const backend of usable) {
        for (const p of PLAN.throughput) {
          if (remaining() < 60) {
            result.skipped.push(`throughput ${p.model} on ${backend}: out of time`);
            continue;
          }
          say(`· throughput: ${p.model} CNN on ${backend}…`);
          try {
            const { webgpu, ...plan } = p;
            const sized = backend === 'webgpu' && webgpu ? { ...plan, ...webgpu } : plan;
            const r = await withTimeout(lab.run('train-throughput', { backend, ...sized }), 240, `throughput on ${backend}`);
            result.throughput.push(r);
          } catch (e) {
            result.throughput.push({ scenario: 'train-throughput', backend, model: p.model, error: firstLine(e) });
            if (/took longer/.test(e.message)) await lab.reset(backend);
          }
        }
      }
    }

    lap('throughput');

    // 2. Time to 95% on the backend that trained the fast CNN fastest.
    if (opts.only.includes('accuracy')) {
      const ranked = result.throughput.filter((r) => r.model === 'fast' && !r.error).sort((a, b) => b.oursSamplesPerSecond - a.oursSamplesPerSecond);
      const backend = ranked[0]?.backend ?? usable.find((b) => b !== 'wasm');
      const maxSeconds = Math.floor(opts.accuracySeconds ?? Math.min(120, remaining() - 200));
      if (!backend) result.skipped.push('time to accuracy: no backend trains the fast CNN');
      else if (maxSeconds < 20) result.skipped.push(`time to accuracy: out of time (${Math.round(remaining())} s left)`);
      else {
        say(`· time to ${PLAN.accuracy.target * 100}%: fast CNN on ${backend}, at most ${maxSeconds} s…`);
        try {
          result.accuracy = await withTimeout(lab.run('time-to-accuracy', { backend, maxSeconds, ...PLAN.accuracy }), maxSeconds + 120, 'time to accuracy');
        } catch (e) {
          result.accuracy = { scenario: 'time-to-accuracy', backend, error: firstLine(e) };
        }
      }
    }
    lap('accuracy');

    // 3. Explainers (last: the slowest backends are skipped if time runs out).
    if (opts.only.includes('explainers')) {
      for (const backend of usable) {
        if (remaining() < 90) {
          result.skipped.push(`explainers on ${backend}: out of time`);
          continue;
        }
        say(`· explainers on ${backend}…`);
        try {
          result.explainers[backend] = await withTimeout(lab.run('explainers', { backend, ...PLAN.explainers }), 300, `explainers on ${backend}`);
        } catch (e) {
          result.explainers[backend] = { scenario: 'explainers', backend, error: firstLine(e) };
          if (/took longer/.test(e.message)) await lab.reset(backend);
        }
      }
    }

    lap('explainers');

    // 5. Lighthouse on every page, with the gzipped JavaScript each loads before interaction.
    if (opts.only.includes('pages')) {
      const sizes = new Map(measureSizes('dist', '/').pages.map((p) => [p.page, p.bytes]));
      const built = htmlPages('dist');
      // A --pages entry that is not a built page would be measured as the 404 page.
      const unknown = (opts.pages ?? []).filter((p) => !built.includes(p));
      if (unknown.length) say(`· not built pages, skipped: ${unknown.join(', ')} (the paths are those under dist/, e.g. how-networks-compute/recurrent-networks)`);
      const pages = opts.pages ? opts.pages.filter((p) => built.includes(p)) : built.filter((p) => !p.startsWith('/lab/'));
      const lh = await lighthousePages(lab.origin, pages, { log: (s) => say(`· ${s}`), deadline: started + Math.max(60, remaining() - 90) * 1000, runs: opts.lighthouseRuns });
      result.pages = lh.map((p) => ({ ...p, jsBeforeInteractionGzip: sizes.get(p.page) ?? null }));
    }
    lap('pages');

    // 6. The main thread while the documents' CNN trains in its worker.
    if (opts.only.includes('mainthread')) {
      if (remaining() < 60) result.skipped.push('main thread while training: out of time');
      else {
        // The book's automatic backend choice, then the CPU (on SwiftShader, WebGL in the
        // worker competes with the compositor for the same software GPU).
        // The CPU run once more with the pointer moved off the content after pressing
        // Train: content scrolling under a resting pointer makes Chromium hit-test (and
        // send pointer events) on every frame, about half the busy share on a chapter page.
        // Last, the same scroll with nothing training: the frame rate this machine's
        // renderer reaches at all, against which the training runs' frame rates read.
        result.mainThread = [];
        for (const [backend, pointerOff, idle] of [[null, false, false], ['cpu', false, false], ['cpu', true, false], ['cpu', true, true]]) {
          try {
            result.mainThread.push(await withTimeout(mainThreadWhileTraining(lab.origin, { seconds: 20, backend, pointerOff, idle, log: (s) => say(`· ${s}`) }), 300, 'main thread while training'));
          } catch (e) {
            result.mainThread.push({ requested: `${backend ?? 'automatic'}${pointerOff ? ', pointer off the content' : ''}${idle ? ', nothing training' : ''}`, error: firstLine(e) });
          }
        }
      }
    }
    lap('mainthread');
    result.pageProblems = lab.problems;
  } finally {
    await lab.close();
  }
  result.durationSeconds = +elapsed().toFixed(1);
  result.machine.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));

  printTables(result, say);
  printPageTables(result, say);

  let previous = null;
  if (existsSync('bench/last.json')) {
    try {
      previous = JSON.parse(readFileSync('bench/last.json', 'utf8'));
    } catch {
      previous = null;
    }
  }
  if (previous) {
    compare(previous, result, say);
    comparePages(previous, result, say);
  }
  else say('\n(no previous run in bench/last.json to compare with)');

  if (opts.save) {
    mkdirSync('bench', { recursive: true });
    if (existsSync('bench/last.json')) renameSync('bench/last.json', 'bench/previous.json');
    writeFileSync('bench/last.json', `${JSON.stringify(result, null, 2)}\n`);
    say(`\nSaved bench/last.json${previous ? ' (the run before is bench/previous.json)' : ''}. Whole run: ${result.durationSeconds} s.`);
  }
}

function firstLine(e) {
  return String(e?.message ?? e).replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0];
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench failed: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
