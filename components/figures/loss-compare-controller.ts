/** Draws MSE and cross-entropy and their ∂L/∂z against ŷ; recomputed on every change. */
import { crossEntropy, crossEntropyGradZ, mse, mseGradZ } from '../../src/math/loss-curves.ts';
import { readState, type Schema } from '../../src/state/url-state.ts';
import { drawFunctionPlot } from '../views/function-plot.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';

const schema = {
  y: { kind: 'int', default: 1, min: 0, max: 1, label: 'target y' },
  yhat: { kind: 'number', default: 0.05, min: 0.01, max: 0.99, label: 'prediction ŷ' },
} satisfies Schema;

const XS = Array.from({ length: 197 }, (_, i) => 0.01 + i * 0.005);
const SAMPLE = [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99];

export function mount(root: HTMLElement): void {
  const id = root.dataset.figureId!;
  const notices = new FigureNotices(root.querySelector('[data-out="notices"]')!);
  const { state, notices: bad } = readState(schema, id, new URLSearchParams(location.search));
  bad.forEach((n) => notices.add(n));
  const ySel = root.querySelector<HTMLSelectElement>('[name="y"]')!;
  const slider = root.querySelector<HTMLInputElement>('[name="yhat"]')!;
  ySel.value = String(state.y);
  slider.value = String(state.yhat);
  root.querySelector('[data-out="backend"]')!.textContent = t('figure.plainJs');

  const draw = () => {
    const y = Number(ySel.value);
    const yHat = Number(slider.value);
    root.querySelector('[data-out="yhat"]')!.textContent = yHat.toFixed(2);
    drawFunctionPlot(root.querySelector<SVGSVGElement>('[data-view="loss"]')!, {
      xs: XS,
      curves: [
        { ys: XS.map((p) => mse(p, y)), className: 'mse' },
        { ys: XS.map((p) => crossEntropy(p, y)), className: 'ce' },
      ],
      yMin: 0,
      yMax: 5,
      xLabel: t('losses.xLabel'),
      yLabel: t('ctl.loss'),
      marker: yHat,
    });
    drawFunctionPlot(root.querySelector<SVGSVGElement>('[data-view="grad"]')!, {
      xs: XS,
      curves: [
        { ys: XS.map((p) => mseGradZ(p, y)), className: 'mse' },
        { ys: XS.map((p) => crossEntropyGradZ(p, y)), className: 'ce' },
      ],
      yMin: -1,
      yMax: 1,
      xLabel: t('losses.xLabel'),
      yLabel: '∂L/∂z',
      marker: yHat,
    });
    const gm = mseGradZ(yHat, y);
    root.dataset.mseGrad = String(Math.abs(gm)); // for FigureTask
    const gc = crossEntropyGradZ(yHat, y);
    const ratio = Math.abs(gc) / Math.max(Math.abs(gm), 1e-12);
    root.querySelector('[data-out="readout"]')!.textContent = t('losses.readout', {
      y,
      yhat: yHat.toFixed(2),
      mse: formatNumber(mse(yHat, y)),
      gm: formatNumber(gm),
      ce: formatNumber(crossEntropy(yHat, y)),
      gc: formatNumber(gc),
      ratio: ratio >= 1 ? t('losses.larger', { ratio: formatNumber(ratio) }) : t('losses.smaller', { ratio: formatNumber(1 / ratio) }),
    });
    drawTable(root.querySelector('[data-table="values"]')!, {
      caption: t('losses.caption', { y }),
      columns: SAMPLE.map((p) => `ŷ = ${p}`),
      rows: [
        { label: t('losses.rowMse'), values: SAMPLE.map((p) => mse(p, y)) },
        { label: t('losses.rowMseGrad'), values: SAMPLE.map((p) => mseGradZ(p, y)) },
        { label: t('losses.rowCe'), values: SAMPLE.map((p) => crossEntropy(p, y)) },
        { label: t('losses.rowCeGrad'), values: SAMPLE.map((p) => crossEntropyGradZ(p, y)) },
      ],
    });
    syncUrl(schema, id, { y, yhat: yHat });
  };
  [ySel, slider].forEach((el) => el.addEventListener('input', draw));
  root.querySelector<HTMLButtonElement>('[data-action="copy-link"]')!.addEventListener('click', (e) =>
    copyFigureLink(id, e.currentTarget as HTMLButtonElement),
  );
  draw();
  root.dataset.ready = 'true';
}
