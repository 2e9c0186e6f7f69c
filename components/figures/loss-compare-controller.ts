/** Draws MSE and cross-entropy and their ∂L/∂z against ŷ; recomputed on every change. */
import { crossEntropy, crossEntropyGradZ, mse, mseGradZ } from '../../src/math/loss-curves.ts';
import { readState, type Schema } from '../../src/state/url-state.ts';
import { drawFunctionPlot } from '../views/function-plot.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';

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
  root.querySelector('[data-out="backend"]')!.textContent = 'Plain JavaScript (no TF.js needed)';

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
      xLabel: 'prediction ŷ',
      yLabel: 'loss',
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
      xLabel: 'prediction ŷ',
      yLabel: '∂L/∂z',
      marker: yHat,
    });
    const gm = mseGradZ(yHat, y);
    root.dataset.mseGrad = String(Math.abs(gm)); // for FigureTask
    const gc = crossEntropyGradZ(yHat, y);
    const ratio = Math.abs(gc) / Math.max(Math.abs(gm), 1e-12);
    root.querySelector('[data-out="readout"]')!.textContent =
      `y = ${y}, ŷ = ${yHat.toFixed(2)}: MSE ${formatNumber(mse(yHat, y))} with ∂L/∂z = ${formatNumber(gm)}; ` +
      `cross-entropy ${formatNumber(crossEntropy(yHat, y))} with ∂L/∂z = ${formatNumber(gc)} ` +
      `(${ratio >= 1 ? `${formatNumber(ratio)}× larger` : `${formatNumber(1 / ratio)}× smaller`}).`;
    drawTable(root.querySelector('[data-table="values"]')!, {
      caption: `One example with target y = ${y} and a sigmoid output ŷ = σ(z)`,
      columns: SAMPLE.map((p) => `ŷ = ${p}`),
      rows: [
        { label: 'MSE (ŷ − y)²', values: SAMPLE.map((p) => mse(p, y)) },
        { label: 'MSE ∂L/∂z', values: SAMPLE.map((p) => mseGradZ(p, y)) },
        { label: 'cross-entropy', values: SAMPLE.map((p) => crossEntropy(p, y)) },
        { label: 'cross-entropy ∂L/∂z', values: SAMPLE.map((p) => crossEntropyGradZ(p, y)) },
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
