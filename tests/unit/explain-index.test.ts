import { describe, expect, it } from 'vitest';
import * as explain from '../../src/explain/index.ts';

describe('explain index', () => {
  it('exports the public API', () => {
    for (const name of ['saliency', 'gradientTimesInput', 'smoothGrad', 'integratedGradients', 'gradCam', 'cam', 'limeTabular', 'limeImage', 'limeSequence', 'gridSegments', 'slicSegments', 'kernelShap', 'permutationImportance', 'deletionCurve', 'insertionCurve', 'randomisationCheck', 'rankAgreement', 'toPlain', 'upsampleBilinear'] as const) {
      expect(typeof explain[name], name).toBe('function');
    }
  });
});
