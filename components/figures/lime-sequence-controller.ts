/**
 * The sequence LIME figure on the page: training through LiveFigure (the attention
 * figure's session runs in the worker), then LIME's weight per time step of the
 * chosen held-out sequence beside the attention weights, with the ground truth
 * marked, the surrogate's fit, and the numbers as tables.
 */
import {
  limeSequenceSchema,
  limeSequenceSelectionOf,
  type LimeSequenceSelection,
  type LimeSequenceState,
} from '../../src/figures/lime-sequence/state.ts';
import type { LimeSequenceView } from '../../src/figures/lime-sequence/session.ts';
import type { EpochReport } from '../../src/train/trainer.ts';
import { fieldLabel, parseField } from '../../src/state/url-state.ts';
import { t } from '../../src/i18n/ui.ts';
import { drawTable } from '../views/table.ts';
import { legend } from '../views/heatmap.ts';
import { formatNumber } from '../views/format.ts';
import { drawSignedStepBars } from '../views/signed-step-bars.ts';
import { tokenText } from '../../src/data/sequences.ts';
import { LiveFigure } from './live-figure.ts';

/** Controls that change what is explained, not the model. */
const SELECTION_KEYS = ['seq', 'n', 'kw', 'ls'] as const;
const SEQUENCES = limeSequenceSchema.seq.max + 1;

export function mount(root: HTMLElement): void {
  new LimeSequenceFigure(root);
}

class LimeSequenceFigure extends LiveFigure<typeof limeSequenceSchema, LimeSequenceSelection, LimeSequenceView> {
  constructor(root: HTMLElement) {
    super(root, limeSequenceSchema, ['seed', 'epochs'], (name) =>
      new Worker(new URL('../../src/worker/lime-sequence.worker.ts', import.meta.url), { type: 'module', name }),
    );
    for (const key of SELECTION_KEYS) {
      const input = this.$<HTMLInputElement>(`input[name="${key}"]`);
      input.value = String(this.state[key]);
      input.addEventListener('change', () => {
        const field = limeSequenceSchema[key];
        const parsed = parseField(field, input.value);
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(field), reason: parsed.reason, value: String(this.state[key]) }));
          input.value = String(this.state[key]);
          return;
        }
        this.explainAgain({ [key]: parsed.value });
      });
    }
    const moveTo = (seq: number) => {
      this.$<HTMLInputElement>('input[name="seq"]').value = String(seq);
      this.explainAgain({ seq });
    };
    this.$('[data-action="prev-seq"]').addEventListener('click', () => moveTo((this.state.seq + SEQUENCES - 1) % SEQUENCES));
    this.$('[data-action="next-seq"]').addEventListener('click', () => moveTo((this.state.seq + 1) % SEQUENCES));
    this.$('[data-action="random-seq"]').addEventListener('click', () =>
      // Any other held-out sequence; the link then records which one.
      moveTo((this.state.seq + 1 + Math.floor(Math.random() * (SEQUENCES - 1))) % SEQUENCES),
    );
    this.start();
  }

  private explainAgain(patch: Partial<LimeSequenceState>): void {
    this.root.dataset.viewReady = 'false';
    this.$('[data-out="readout"]').textContent = t('limeSeq.explaining');
    this.select(patch);
  }

  protected selection(): LimeSequenceSelection {
    return limeSequenceSelectionOf(this.state);
  }

  protected onReports(_reports: EpochReport[]): void {}

  protected onReset(): void {
    this.$('[data-out="training"]').textContent = t('limeSeq.notTrained');
  }

  protected render(v: LimeSequenceView): void {
    const T = v.tokens.length;
    const step = (s: number) => s + 1;
    Object.assign(this.root.dataset, {
      seq: String(v.index),
      topStep: String(step(v.topStep)),
      answerStep: String(step(v.answerStep)),
      markerStep: String(step(v.markerStep)),
      predicted: String(v.predicted),
      label: String(v.label),
      r2: String(v.score),
      valAccuracy: String(v.valAccuracy),
      limeKey: `${v.epoch}:${v.index}:${v.numSamples}:${v.kernelWidth}:${v.limeSeed}`,
    });
    this.$('[data-out="training"]').textContent = t('limeSeq.training', {
      epoch: v.epoch,
      epochs: this.state.epochs,
      acc: (v.valAccuracy * 100).toFixed(1),
      untrained: v.epoch === 0 ? t('limeSeq.untrainedNote') : '',
    });
    this.$('[data-out="readout"]').textContent = t('limeSeq.readout', {
      index: v.index,
      label: v.label,
      predicted: v.predicted,
      p: formatNumber(v.prediction),
      n: v.numSamples,
      kw: formatNumber(v.kernelWidth),
      seed: v.limeSeed,
    });
    const which = v.topStep === v.answerStep ? 'limeSeq.whichAnswer' : v.topStep === v.markerStep ? 'limeSeq.whichMarker' : 'limeSeq.whichOther';
    this.$('[data-out="verdict"]').textContent = t('limeSeq.verdict', {
      top: step(v.topStep),
      which: t(which),
      answer: step(v.answerStep),
      marker: step(v.markerStep),
    });
    this.$('[data-out="fit"]').textContent = t('limeSeq.fit', {
      g: formatNumber(v.localPrediction),
      f: formatNumber(v.prediction),
      r2: formatNumber(v.score),
      pa: formatNumber(v.maskedAnswer),
      pm: formatNumber(v.maskedMarker),
      ms: v.ms.toFixed(0),
    });

    const tokens = Array.from(v.tokens, tokenText);
    const mark = (s: number) =>
      s === v.answerStep ? `, ${t('limeSeq.answerMark')}` : s === v.markerStep ? `, ${t('limeSeq.markerMark')}` : '';
    const limit = Math.max(...Array.from(v.weights, Math.abs), 1e-9);
    drawSignedStepBars(this.$('[data-view="weights"]'), {
      values: v.weights,
      tokens,
      mode: 'signed',
      limit,
      starred: [v.answerStep],
      title: (s) => t('limeSeq.stepTitle', { step: step(s), token: tokens[s], value: formatNumber(v.weights[s]!) }) + mark(s),
      label: t('limeSeq.weightsLabel', { index: v.index }),
    });
    this.$('[data-view="legend"]').replaceChildren(legend('signed', -limit, limit));
    drawSignedStepBars(this.$('[data-view="alpha"]'), {
      values: v.alpha,
      tokens,
      mode: 'magnitude',
      limit: Math.max(...v.alpha, 1e-9),
      starred: [v.answerStep],
      title: (s) => t('limeSeq.stepTitle', { step: step(s), token: tokens[s], value: formatNumber(v.alpha[s]!) }) + mark(s),
      label: t('limeSeq.alphaLabel', { index: v.index }),
    });

    const order = Array.from(v.weights, (_, s) => s).sort((a, b) => Math.abs(v.weights[b]!) - Math.abs(v.weights[a]!));
    drawTable(this.$('[data-table="steps"]'), {
      caption: t('limeSeq.tableCaption', { index: v.index, label: v.label, predicted: v.predicted, epoch: v.epoch }),
      columns: Array.from({ length: T }, (_, s) => `t${s + 1}`),
      rows: [
        { label: t('limeSeq.rowToken'), values: v.tokens },
        { label: t('limeSeq.rowTruth'), values: Array.from({ length: T }, (_, s) => (s === v.answerStep ? 1 : s === v.markerStep ? 2 : 0)) },
        { label: t('limeSeq.rowWeight'), values: v.weights },
        { label: t('limeSeq.rowRank'), values: Array.from({ length: T }, (_, s) => order.indexOf(s) + 1) },
        { label: t('limeSeq.rowAlpha'), values: v.alpha },
      ],
    });
    drawTable(this.$('[data-table="fit"]'), {
      caption: t('limeSeq.fitCaption', { n: v.numSamples, kw: formatNumber(v.kernelWidth), seed: v.limeSeed }),
      columns: ['colF', 'colG', 'colIntercept', 'colR2', 'colMaskAnswer', 'colMaskMarker'].map((c) => t(`limeSeq.${c}`)),
      rows: [{ label: t('limeSeq.fitRow', { c: v.predicted }), values: [v.prediction, v.localPrediction, v.intercept, v.score, v.maskedAnswer, v.maskedMarker] }],
    });
  }
}
