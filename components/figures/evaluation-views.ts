/**
 * The evaluation figure's pictures, from the worker's plain answer: the judged maps,
 * the deletion and insertion curves with their areas, the randomisation check, the
 * agreement matrix and the comparison across checkpoints and seeds, each with its
 * numbers as a table. No model, no tensor.
 */
import type { EvalMethodId, EvaluationState, RandomisedId } from '../../src/figures/evaluation/state.ts';
import type { EvaluationView, RandomisedMethod } from '../../src/figures/evaluation/session.ts';
import { t } from '../../src/i18n/ui.ts';
import { colourFor, rgbTriple } from '../views/palette.ts';
import { drawHeatmap } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { drawDigit } from '../views/digit.ts';
import { drawXyPlot, type XySeries } from '../views/xy-plot.ts';
import { formatNumber } from '../views/format.ts';
import { figurePart as part } from './figure-part.ts';

/** What the reader chose that the pictures show without asking the worker: the similarity measure, and the seed named in the note. */
type Choice = Pick<EvaluationState, 'sim' | 'seed'>;

/** Okabe–Ito colours (colour-blind safe) plus dashes, one per method; see evaluation.css. */
const STYLE: Record<EvalMethodId | 'input', { colour: string; dash?: string }> = {
  saliency: { colour: 'var(--eval-saliency)' },
  gxi: { colour: 'var(--eval-gxi)', dash: '6 3' },
  smoothgrad: { colour: 'var(--eval-smoothgrad)', dash: '10 3' },
  ig: { colour: 'var(--eval-ig)', dash: '2 2' },
  gradcam: { colour: 'var(--eval-gradcam)', dash: '8 3 2 3' },
  lime: { colour: 'var(--eval-lime)' },
  random: { colour: 'var(--eval-random)', dash: '3 4' },
  input: { colour: 'var(--eval-input)', dash: '1 3' },
};
/** A method's full name, its short name (legends), a name that fits the heat map's label column, and a shorter column head. */
const LABEL = (id: EvalMethodId | 'input') => t(`eval.method.${id}`);
const SHORT = (id: EvalMethodId | 'input') => t(`eval.short.${id}`);
const TINY = (id: EvalMethodId) => t(`eval.tiny.${id}`);
const COLUMN = (id: EvalMethodId) => t(`eval.col.${id}`);
const SIMILARITY = (measure: string) => t(`eval.sim.${measure}`);
/** "after 1 epoch" or "after 3 epochs": the key for one and the key for more. */
export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** Paints a 28×28 map on the signed scale (|·| maps use its positive half). */
function paint(canvas: HTMLCanvasElement, values: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]!));
  const side = Math.round(Math.sqrt(values.length));
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) img.data.set([...rgbTriple(colourFor(values[i]!, 'signed', -(m || 1), m || 1)), 255], i * 4);
  const off = new OffscreenCanvas(side, side);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
}

export function renderEvaluation(root: HTMLElement, v: EvaluationView, choice: Choice): void {
  const d = root.dataset;
  d.checkpoint = String(v.epoch);
  d.digit = String(v.digits[0]?.index ?? '');
  d.n = String(v.digits.length);
  d.compare = String(v.stability !== null);
  // For a self-checking exercise: below 0, saliency's deletion curve falls faster than a random ranking's.
  const auc = (id: string) => v.curves.methods.find((m) => m.id === id)?.deletionAuc;
  const sal = auc('saliency');
  const rnd = auc('random');
  d.saliencyVsRandom = sal === undefined || rnd === undefined ? '' : String(sal - rnd);
  const accuracy = v.testAccuracy === null ? '' : t('eval.readoutAccuracy', { accuracy: (v.testAccuracy * 100).toFixed(1) });
  const digits = v.digits.map((g) => t('eval.readoutDigit', { index: g.index, label: g.label, predicted: g.predicted })).join(', ');
  part(root, '[data-out="readout"]').textContent = t(plural(v.epoch, 'eval.readout1', 'eval.readout'), { epochs: v.epoch, accuracy, digits });
  drawMaps(root, v);
  drawCurves(root, v);
  drawRandomisation(root, v, choice);
  drawAgreement(root, v);
  drawStability(root, v);
}

function drawMaps(root: HTMLElement, v: EvaluationView): void {
  drawDigit(part<HTMLCanvasElement>(root, '[data-view="digit"]'), v.firstPixels);
  const first = v.digits[0]!;
  part(root, '[data-out="digit-note"]').textContent = t('eval.digitNote', { index: first.index, label: first.label, predicted: first.predicted, p: formatNumber(first.probability) });
  for (const m of v.maps) {
    const canvas = part<HTMLCanvasElement>(root, `[data-map="${m.id}"]`);
    paint(canvas, m.values);
    canvas.setAttribute('aria-label', t('eval.mapLabel', { method: LABEL(m.id), index: first.index }));
  }
}

function drawCurves(root: HTMLElement, v: EvaluationView): void {
  const xs = v.curves.fractions;
  const series = (which: 'deletion' | 'insertion'): XySeries[] =>
    v.curves.methods.map((m) => ({ label: t('eval.auc', { method: SHORT(m.id), auc: formatNumber(which === 'deletion' ? m.deletionAuc : m.insertionAuc) }), ...STYLE[m.id], ys: m[which] }));
  const n = v.digits.length;
  const yLabel = n > 1 ? t('eval.yLabelMean', { n }) : t('eval.yLabel');
  drawXyPlot(part(root, '[data-view="deletion"]'), { xs, series: series('deletion'), xLabel: t('eval.deletedAxis'), yLabel });
  drawXyPlot(part(root, '[data-view="insertion"]'), { xs, series: series('insertion'), xLabel: t('eval.insertedAxis'), yLabel });
  drawTable(part(root, '[data-table="auc"]'), {
    caption: t(plural(n, 'eval.aucCaption1', 'eval.aucCaption'), { n }),
    columns: [t('eval.deletionAuc'), t('eval.insertionAuc'), t('eval.aucDifference')],
    rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: [m.deletionAuc, m.insertionAuc, m.insertionAuc - m.deletionAuc] })),
  });
  part(root, '[data-table="auc"] table').dataset.methods = v.curves.methods.map((m) => m.id).join(' ');
  const digitCols = v.digits.map((g) => `#${g.index}`);
  drawTable(part(root, '[data-table="auc-digits"]'), {
    caption: t('eval.deletionDigitsCaption'),
    columns: digitCols,
    rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.deletionAucs })),
  });
  drawTable(part(root, '[data-table="ins-digits"]'), {
    caption: t('eval.insertionDigitsCaption'),
    columns: digitCols,
    rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.insertionAucs })),
  });
  drawTable(part(root, '[data-table="curves"]'), {
    caption: t('eval.deletionCurvesCaption'),
    columns: Array.from(xs, (x) => formatNumber(x)),
    rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.deletion })),
  });
  drawTable(part(root, '[data-table="insertion-curves"]'), {
    caption: t('eval.insertionCurvesCaption'),
    columns: Array.from(xs, (x) => formatNumber(x)),
    rows: v.curves.methods.map((m) => ({ label: LABEL(m.id), values: m.insertion })),
  });
}

export function drawRandomisation(root: HTMLElement, v: EvaluationView, choice: Choice): void {
  const r = v.randomisation;
  const measure = choice.sim;
  const pick = (m: RandomisedMethod) => (measure === 'signed' ? m.spearman : measure === 'ssim' ? m.ssim : measure === 'top' ? m.topOverlap : m.spearmanAbs);
  const steps = [t('eval.trained'), ...r.layers.map((l, i) => (i === 0 ? `${l}` : `+${l}`))];
  drawXyPlot(part(root, '[data-view="randomisation"]'), {
    xs: steps.map((_, i) => i),
    xTickLabels: steps,
    series: r.methods.map((m) => ({ label: SHORT(m.id), ...STYLE[m.id], ys: pick(m) })),
    xLabel: t('eval.reinitAxis'),
    yLabel: SIMILARITY(measure),
    yRange: measure === 'top' || measure === 'ssim' ? [0, 1] : [-1, 1],
  });
  for (const m of r.methods) {
    paint(part<HTMLCanvasElement>(root, `[data-rand="${m.id}-before"]`), m.before);
    paint(part<HTMLCanvasElement>(root, `[data-rand="${m.id}-after"]`), m.after);
  }
  part(root, '[data-out="rand-note"]').textContent = t('eval.randNote', { digit: r.digit, target: r.target, seed: choice.seed });
  const table = (key: string, values: (m: RandomisedMethod) => Float64Array) =>
    drawTable(part(root, `[data-table="rand-${key}"]`), {
      caption: t('eval.randCaption', { measure: SIMILARITY(key), digit: r.digit }),
      columns: steps,
      rows: r.methods.map((m) => ({ label: LABEL(m.id as RandomisedId), values: values(m) })),
    });
  table('abs', (m) => m.spearmanAbs);
  table('signed', (m) => m.spearman);
  table('ssim', (m) => m.ssim);
  table('top', (m) => m.topOverlap);
}

function drawAgreement(root: HTMLElement, v: EvaluationView): void {
  const labels = v.agreement.methods.map((id) => SHORT(id));
  const rowLabels = v.agreement.methods.map((id) => TINY(id));
  drawHeatmap(part(root, '[data-view="agreement"]'), { values: v.agreement.matrix, rows: labels.length, cols: labels.length, rowLabels, colLabels: v.agreement.methods.map((id) => COLUMN(id)), scale: 'signed' });
  const k = labels.length;
  drawTable(part(root, '[data-table="agreement"]'), {
    caption: t(plural(v.digits.length, 'eval.agreementCaption1', 'eval.agreementCaption'), { n: v.digits.length }),
    columns: labels,
    rows: labels.map((l, a) => ({ label: l, values: v.agreement.matrix.slice(a * k, a * k + k) })),
  });
}

function drawStability(root: HTMLElement, v: EvaluationView): void {
  const box = part(root, '[data-part="stability"]');
  box.hidden = v.stability === null;
  if (!v.stability) return;
  const s = v.stability;
  const cols = s.columns.map((c) => `s${c.seed} e${c.epoch}`);
  const values = new Float64Array(s.methods.length * cols.length);
  s.methods.forEach((m, i) => values.set(m.rho, i * cols.length));
  drawHeatmap(part(root, '[data-view="stability"]'), { values, rows: s.methods.length, cols: cols.length, rowLabels: s.methods.map((m) => TINY(m.id)), colLabels: cols, scale: 'signed' });
  drawTable(part(root, '[data-table="stability"]'), {
    caption: t(plural(v.digits.length, 'eval.stabilityCaption1', 'eval.stabilityCaption'), { epochs: v.epoch, n: v.digits.length }),
    columns: s.columns.map((c) => `${t('eval.stabilityColumn', { seed: c.seed, epoch: c.epoch })}${c.testAccuracy === null ? '' : ` (${(c.testAccuracy * 100).toFixed(1)}%)`}`),
    rows: s.methods.map((m) => ({ label: LABEL(m.id), values: m.rho })),
  });
}
