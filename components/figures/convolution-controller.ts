/**
 * The interactive convolution figure: keeps its state in the URL, recomputes the
 * view with the DOM-free code in src/figures/convolution/compute.ts on every change,
 * and draws the input, kernel, feature map and pooled map with their tables.
 */
import { fieldLabel, readState, parseField } from '../../src/state/url-state.ts';
import { applyPreset, convolutionSchema, KERNEL_PRESETS, PRESET_IDS, WEIGHT_KEYS, type ConvolutionState } from '../../src/figures/convolution/state.ts';
import { computeConvolution, KERNEL_SIDE, POOL_SIZE, type ConvolutionView } from '../../src/figures/convolution/compute.ts';
import type { Grid } from '../../src/math/convolution.ts';
import { colourFor, extent } from '../views/palette.ts';
import { legend } from '../views/heatmap.ts';
import { drawTable } from '../views/table.ts';
import { formatNumber } from '../views/format.ts';
import { drawGrid, shortNumber } from './conv-grid.ts';
import { copyFigureLink, syncUrl } from './figure-link.ts';
import { FigureNotices } from './notices.ts';
import { t } from '../../src/i18n/ui.ts';

const PLAY_MS = 700;
const SELECTS = ['img', 'preset', 'pad', 'stride', 'act', 'pool'] as const;

export function mount(root: HTMLElement): void {
  new ConvolutionFigure(root);
}

const grey = (v: number) => {
  const g = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
  return `rgb(${g}, ${g}, ${g})`;
};

function maxAbs(values: ArrayLike<number>): number {
  const [lo, hi] = extent(values);
  return Math.max(Math.abs(lo), Math.abs(hi)) || 1;
}

function gridRows(g: Grid, name: string) {
  return Array.from({ length: g.h }, (_, r) => ({ label: t('conv.row', { name, r }), values: g.values.slice(r * g.w, (r + 1) * g.w) }));
}

class ConvolutionFigure {
  private state: ConvolutionState;
  private readonly id: string;
  private readonly notices: FigureNotices;
  private timer: ReturnType<typeof setInterval> | null = null;
  private view: ConvolutionView | null = null;

  constructor(private readonly root: HTMLElement) {
    this.id = root.dataset.figureId!;
    this.notices = new FigureNotices(this.$('[data-out="notices"]'));
    const read = readState(convolutionSchema, this.id, new URLSearchParams(location.search));
    read.notices.forEach((n) => this.notices.add(n));
    this.state = applyPreset(read.state);
    this.$('[data-out="backend"]').textContent = t('conv.backend');
    this.bind();
    this.writeControls();
    this.update();
    root.dataset.ready = 'true';
    this.$('[data-out="status"]').textContent = t('live.ready');
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    const el = this.root.querySelector<T>(selector);
    if (!el) throw new Error(`figure ${this.id} has no element ${selector}`);
    return el;
  }

  private bind(): void {
    for (const key of SELECTS) {
      const el = this.$<HTMLSelectElement>(`select[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(convolutionSchema[key], el.value);
        if (!parsed.ok) return;
        this.set({ [key]: parsed.value } as Partial<ConvolutionState>);
        if (key === 'preset') this.state = applyPreset(this.state);
        this.writeControls();
        this.update();
      });
    }
    for (const key of [...WEIGHT_KEYS, 'bias'] as const) {
      const el = this.$<HTMLInputElement>(`input[name="${key}"]`);
      el.addEventListener('change', () => {
        const parsed = parseField(convolutionSchema[key], el.value.trim());
        if (!parsed.ok) {
          this.notices.add(t('live.badControl', { label: fieldLabel(convolutionSchema[key]), reason: parsed.reason, value: String(this.state[key]) }));
          el.value = String(this.state[key]);
          return;
        }
        this.notices.clear();
        this.set({ [key]: parsed.value } as Partial<ConvolutionState>);
        if (key !== 'bias') this.set({ preset: this.matchingPreset() });
        this.writeControls();
        this.update();
      });
    }
    this.$('[data-action="forward"]').addEventListener('click', () => this.move(1));
    this.$('[data-action="back"]').addEventListener('click', () => this.move(-1));
    this.$('[data-action="play"]').addEventListener('click', () => (this.timer ? this.stop() : this.play()));
    this.$('[data-action="copy-link"]').addEventListener('click', (e) => copyFigureLink(this.id, e.currentTarget as HTMLButtonElement));
    this.$('[data-view="output"]').addEventListener('keydown', (e) => {
      const v = this.view;
      if (!v) return;
      const { i, j } = v.position;
      const w = v.z.w;
      const h = v.z.h;
      const to: Record<string, [number, number]> = {
        ArrowLeft: [i, j - 1], ArrowRight: [i, j + 1], ArrowUp: [i - 1, j], ArrowDown: [i + 1, j], Home: [0, 0], End: [h - 1, w - 1],
      };
      const target = to[e.key];
      if (!target) return;
      e.preventDefault();
      this.stop();
      const [r, c] = [Math.min(h - 1, Math.max(0, target[0])), Math.min(w - 1, Math.max(0, target[1]))];
      this.set({ pos: r * w + c });
      this.update();
    });
  }

  /** The preset whose weights are the current ones, or 'custom'. */
  private matchingPreset(): string {
    const w = WEIGHT_KEYS.map((k) => this.state[k]);
    return PRESET_IDS.find((p) => KERNEL_PRESETS[p].weights.every((x, i) => x === w[i])) ?? 'custom';
  }

  private set(patch: Partial<ConvolutionState>): void {
    this.state = { ...this.state, ...patch };
  }

  private writeControls(): void {
    for (const key of SELECTS) this.$<HTMLSelectElement>(`select[name="${key}"]`).value = String(this.state[key]);
    for (const key of [...WEIGHT_KEYS, 'bias'] as const) this.$<HTMLInputElement>(`input[name="${key}"]`).value = String(this.state[key]);
  }

  private move(delta: number): void {
    const count = this.view?.position.count ?? 1;
    const index = this.view?.position.index ?? 0;
    this.set({ pos: (index + delta + count) % count });
    this.update();
  }

  private play(): void {
    const button = this.$('[data-action="play"]');
    button.textContent = t('train.pause');
    button.setAttribute('aria-pressed', 'true');
    this.timer = setInterval(() => {
      const v = this.view;
      if (!v || v.position.index >= v.position.count - 1) return this.stop();
      this.move(1);
    }, PLAY_MS);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const button = this.$('[data-action="play"]');
    button.textContent = t('conv.play');
    button.setAttribute('aria-pressed', 'false');
  }

  private update(): void {
    const v = computeConvolution(this.state);
    this.view = v;
    // Keep the clamped position in the link, so the link shows what the reader saw.
    this.set({ pos: v.position.index });
    syncUrl(convolutionSchema, this.id, this.state);
    this.render(v);
  }

  private render(v: ConvolutionView): void {
    const d = this.root.dataset;
    const { i, j } = v.position;
    const { top, left, padRows, padCols, stride } = v.geometry;
    d.posI = String(i);
    d.posJ = String(j);
    d.outH = String(v.z.h);
    d.outW = String(v.z.w);
    d.cellZ = String(v.cell.z);
    d.cellA = String(v.cell.a);

    // Input with its zero padding; the window outlined.
    const rows = v.input.h + padRows;
    const cols = v.input.w + padCols;
    drawGrid(this.$('[data-view="input"]'), {
      rows,
      cols,
      size: 30,
      frame: { row: i * stride, col: j * stride, rows: KERNEL_SIDE, cols: KERNEL_SIDE },
      cell: (r, c) => {
        const ir = r - top;
        const ic = c - left;
        const inside = ir >= 0 && ir < v.input.h && ic >= 0 && ic < v.input.w;
        if (!inside) return { value: 0, fill: 'transparent', text: '0', classes: ['pad'] };
        const x = v.input.values[ir * v.input.w + ic]!;
        return { value: x, fill: grey(x) };
      },
    });
    this.$('[data-out="input-note"]').textContent = t(padRows || padCols ? 'conv.inputNotePadded' : 'conv.inputNote', { h: v.input.h, w: v.input.w, rows, cols });

    // The kernel's inputs, coloured on their own signed scale.
    const km = maxAbs(v.kernel);
    WEIGHT_KEYS.forEach((key, n) => {
      const el = this.$<HTMLInputElement>(`input[name="${key}"]`);
      const fill = colourFor(v.kernel[n]!, 'signed', -km, km);
      el.style.background = fill;
      el.style.color = Math.abs(v.kernel[n]!) / km > 0.6 ? '#fff' : '#111';
    });
    this.$('[data-view="kernel-legend"]').replaceChildren(legend('signed', -km, km));

    const am = maxAbs(v.a.values);
    const onPick = (r: number, c: number) => {
      this.stop();
      this.set({ pos: r * v.z.w + c });
      this.update();
    };
    drawGrid(this.$('[data-view="output"]'), {
      rows: v.a.h,
      cols: v.a.w,
      size: 30,
      onPick,
      cell: (r, c) => {
        const a = v.a.values[r * v.a.w + c]!;
        return { value: a, fill: colourFor(a, 'signed', -am, am), classes: r === i && c === j ? ['current'] : [] };
      },
    });
    const act = this.state.act === 'relu' ? 'a = ReLU(z)' : 'z';
    this.$('[data-out="output-note"]').textContent = t('conv.outputNote', { act, h: v.a.h, w: v.a.w });

    const pooledHost = this.$('[data-view="pooled"]');
    if (v.pooled) {
      const pooled = v.pooled;
      // Pooled values are maxima or means of the map's values: the map's scale fits them.
      const pm = am;
      drawGrid(pooledHost, {
        rows: pooled.h,
        cols: pooled.w,
        size: 30,
        cell: (r, c) => {
          const p = pooled.values[r * pooled.w + c]!;
          const here = v.pooledCell && v.pooledCell.i === r && v.pooledCell.j === c;
          return { value: p, fill: colourFor(p, 'signed', -pm, pm), classes: here ? ['read'] : [] };
        },
      });
      this.$('[data-out="pool-note"]').textContent = t(this.state.pool === 'avg' ? 'conv.poolNoteAvg' : 'conv.poolNoteMax', { h: pooled.h, w: pooled.w });
    } else {
      pooledHost.replaceChildren();
      this.$('[data-out="pool-note"]').textContent = this.state.pool === 'none' ? t('conv.poolOff') : t('conv.poolTooSmall', { n: POOL_SIZE });
    }
    this.$('[data-view="legend"]').replaceChildren(legend('signed', -am, am));

    this.$('[data-out="position"]').textContent = t('conv.position', { i, j, n: v.position.index + 1, count: v.position.count });
    const padZero = t('conv.padZero');
    const parts = v.terms.map((term) => `${shortNumber(term.w)}×${term.inside ? shortNumber(term.x) : padZero}`);
    const actText = this.state.act === 'relu' ? ` → a = ReLU(z) = ${formatNumber(v.cell.a)}` : '';
    this.$('[data-out="sum"]').textContent =
      `z(${i}, ${j}) = b + Σ w·x = ${shortNumber(v.bias)} + ${parts.join(' + ')} = ${formatNumber(v.cell.z)}${actText}`;

    drawTable(this.$('[data-table="terms"]'), {
      caption: t('conv.termsCaption', { i, j, r: i * stride - top, c: j * stride - left }),
      columns: ['x', 'w', 'w·x'],
      rows: [
        ...v.terms.map((term) => ({ label: `u=${term.u}, v=${term.v}: x[${term.row}, ${term.col}]${term.inside ? '' : t('conv.padMark')}`, values: [term.x, term.w, term.product] })),
      ],
    });
    const termsTable = this.$<HTMLTableElement>('[data-table="terms"] table');
    termsTable.dataset.bias = String(v.bias);
    termsTable.dataset.z = String(v.cell.z);
    termsTable.dataset.a = String(v.cell.a);
    const summary = termsTable.createTFoot();
    const addRow = (label: string, value: number) => {
      const tr = summary.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      tr.append(th);
      tr.insertCell().colSpan = 2;
      tr.insertCell().textContent = formatNumber(value);
    };
    addRow(t('conv.biasB'), v.bias);
    addRow('z = b + Σ w·x', v.cell.z);
    if (this.state.act === 'relu') addRow('a = ReLU(z)', v.cell.a);

    const colLabels = (n: number) => Array.from({ length: n }, (_, c) => t('conv.col', { c }));
    drawTable(this.$('[data-table="input"]'), {
      caption: t('conv.inputCaption', { h: v.input.h, w: v.input.w }),
      columns: colLabels(v.input.w),
      rows: gridRows(v.input, 'x'),
    });
    drawTable(this.$('[data-table="kernel"]'), {
      caption: t('conv.kernelCaption', { b: formatNumber(v.bias) }),
      columns: colLabels(KERNEL_SIDE),
      rows: Array.from({ length: KERNEL_SIDE }, (_, r) => ({ label: t('conv.row', { name: 'W', r }), values: v.kernel.slice(r * 3, r * 3 + 3) })),
    });
    drawTable(this.$('[data-table="output"]'), {
      caption: t('conv.outputCaption', { act, h: v.a.h, w: v.a.w, pad: this.state.pad, stride }),
      columns: colLabels(v.a.w),
      rows: gridRows(v.a, t('conv.outName')),
    });
    if (v.pooled) {
      drawTable(this.$('[data-table="pooled"]'), {
        caption: t(this.state.pool === 'avg' ? 'conv.pooledCaptionAvg' : 'conv.pooledCaptionMax', { h: v.pooled.h, w: v.pooled.w }),
        columns: colLabels(v.pooled.w),
        rows: gridRows(v.pooled, t('conv.pooledName')),
      });
    } else {
      this.$('[data-table="pooled"]').replaceChildren();
    }
  }
}
