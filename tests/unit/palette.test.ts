import { describe, expect, it } from 'vitest';
import { colourFor, pixelColours, rgbTriple } from '../../components/views/palette.ts';

// Pixels are painted from a table of the scale (pixelColours); a reader must see the
// colours colourFor gives the legend, within one step of viridis's 256 colours.
describe('pixel colours match the book colour scales', () => {
  const close = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

  it.each([
    ['signed', -2.5, 2.5],
    ['signed', -0.013, 0.013],
    ['magnitude', 0, 3.627],
    ['magnitude', -1, 62.24],
  ] as const)('%s scale on [%f, %f]: every value within one step of colourFor', (scale, lo, hi) => {
    const colour = pixelColours(scale, lo, hi);
    let worst = 0;
    for (let k = 0; k <= 1000; k++) {
      const v = lo - 0.1 * (hi - lo) + (k / 1000) * 1.2 * (hi - lo); // past both ends too
      worst = Math.max(worst, close(colour(v), rgbTriple(colourFor(v, scale, lo, hi))));
    }
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('keeps the ends and the middle of each scale apart', () => {
    const signed = pixelColours('signed', -1, 1);
    expect(signed(-1)).not.toEqual(signed(1));
    expect(close(signed(0), rgbTriple(colourFor(0, 'signed', -1, 1)))).toBeLessThanOrEqual(1); // PuOr's pale zero
    const magnitude = pixelColours('magnitude', 0, 1);
    expect(magnitude(0)).toEqual(rgbTriple(colourFor(0, 'magnitude', 0, 1)));
    expect(magnitude(1)).toEqual(rgbTriple(colourFor(1, 'magnitude', 0, 1)));
  });

  it('paints a missing value grey and a flat map in one colour', () => {
    expect(pixelColours('signed', -1, 1)(NaN)).toEqual([136, 136, 136]);
    const flat = pixelColours('magnitude', 2, 2);
    expect(flat(2)).toEqual(rgbTriple(colourFor(2, 'magnitude', 2, 2)));
    expect(flat(5)).toEqual(flat(-5));
  });
});
