/**
 * Every live figure on the book's pages: the `data-figure-kind` of its root (set in its
 * .astro component) and the controller that mounts it. The page's one boot script
 * (components/book/islands.ts) starts a controller only when a figure of its kind comes
 * near the viewport, so a chapter's first download holds none of them. A new figure
 * adds one line here.
 */
export interface FigureController {
  mount(root: HTMLElement): void;
}

export const FIGURE_CONTROLLERS: Record<string, () => Promise<FigureController>> = {
  'attn': () => import('./attention-controller.ts'), // AttentionFigure.astro
  'attn-sum': () => import('./attention-by-hand-controller.ts'), // AttentionByHandFigure.astro
  'attribution': () => import('./attribution-controller.ts'), // AttributionFigure.astro
  'clever-hans': () => import('./clever-hans-controller.ts'), // CleverHansFigure.astro
  'cnn-inspector': () => import('./cnn-inspector-controller.ts'), // CnnInspectorFigure.astro
  'convolution': () => import('./convolution-controller.ts'), // ConvolutionFigure.astro
  'digit-shap': () => import('./digit-shap-controller.ts'), // DigitShapFigure.astro
  'evaluation': () => import('./evaluation-controller.ts'), // EvaluationFigure.astro
  'importance': () => import('./importance-controller.ts'), // ImportanceFigure.astro
  'lime': () => import('./lime-controller.ts'), // LimeFigure.astro
  'lime-image': () => import('./lime-image-controller.ts'), // LimeImageFigure.astro
  'limeseq': () => import('./lime-sequence-controller.ts'), // LimeSequenceFigure.astro
  'loss-compare': () => import('./loss-compare-controller.ts'), // LossCompareFigure.astro
  'lstm': () => import('./lstm-controller.ts'), // LstmFigure.astro
  'mlp-activations': () => import('./mlp-activations-controller.ts'), // MlpActivationsFigure.astro
  'mnist': () => import('./mnist-controller.ts'), // MnistFigure.astro
  'neuron': () => import('./neuron-controller.ts'), // NeuronExplorerFigure.astro
  'optimizer-race': () => import('./optimizer-race-controller.ts'), // OptimizerRaceFigure.astro
  'preprocessing': () => import('./preprocessing-controller.ts'), // PreprocessingFigure.astro
  'shap': () => import('./shap-controller.ts'), // ShapFigure.astro
  'tradeoff': () => import('./tradeoff-controller.ts'), // TradeoffFigure.astro
  'vanish': () => import('./vanish-controller.ts'), // VanishFigure.astro
  'xor': () => import('./xor-controller.ts'), // XorFigure.astro
};
