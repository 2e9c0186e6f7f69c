/**
 * The explainers library: attribution methods, surrogates, Shapley values and
 * their evaluation. Pure computation (no DOM): the same code runs in Node tests
 * and in the browser's Web Worker.
 */
export type { Predict, PlainTensor, MatrixLike, VectorLike } from './types.ts';
export { toPlain, toPlainAsync } from './plain.ts';
export { saliency, type SaliencyOptions } from './saliency.ts';
export { gradientTimesInput } from './gradient-times-input.ts';
export { smoothGrad, type SmoothGradOptions } from './smooth-grad.ts';
export { integratedGradients, type IntegratedGradientsOptions, type IntegratedGradientsResult } from './integrated-gradients.ts';
export { quadrature, gaussLegendre, type Quadrature, type QuadratureRule } from './quadrature.ts';
export { gradCam, lastConvLayer, type GradCamOptions } from './grad-cam.ts';
export { cam, type CamOptions } from './cam.ts';
export { upsampleBilinear } from './upsample.ts';
export { modelPredict, findLayer } from './model-graph.ts';
export { limeTabular, quartileEdges, type LimeTabularOptions, type LimeTabularResult } from './lime-tabular.ts';
export { limeImage, segmentMap, type LimeImageOptions, type LimeImageResult } from './lime-image.ts';
export { limeSequence, type LimeSequenceOptions } from './lime-sequence.ts';
export { type LimeResult } from './lime-kernel.ts';
export { gridSegments, slicSegments, countSegments, type SlicOptions } from './segmentation.ts';
export { kernelShap, type KernelShapOptions, type KernelShapResult } from './kernel-shap.ts';
export { permutationImportance, type PermutationImportanceOptions, type PermutationImportanceResult, type MetricName, type ScoreFn } from './permutation-importance.ts';
export { deletionCurve, insertionCurve, trapezoidAuc, type Curve, type CurveOptions } from './deletion-insertion.ts';
export { randomisationCheck, type ExplainMethod, type RandomisationCheckOptions, type RandomisationCheckResult, type RandomisationStep } from './randomisation-check.ts';
export { rankAgreement, spearman, averageRanks, topK, type RankAgreement, type RankAgreementOptions } from './rank-agreement.ts';
export { weightedRidge, solveLinear, type RidgeFit } from './linalg.ts';
export * from './activations.ts';
export * from './gradient-map.ts';
export { exactShapley, EXACT_SHAPLEY_MAX_FEATURES, type ExactShapleyOptions, type ExactShapleyResult } from './exact-shapley.ts';
