// KaTeX's fonts cut to the characters the book prints (src/build/subset-math-fonts.mjs):
// the cut font must still hold a glyph for every character a page prints that the
// whole font had, and be smaller.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import subsetFont from 'subset-font';
import { Blob, Face } from 'harfbuzzjs';
import { pageCharacters, printableAscii } from '../../src/build/subset-math-fonts.mjs';

const require = createRequire(import.meta.url);
const font = (name: string) => readFileSync(require.resolve(`katex/dist/fonts/${name}.woff2`));
/** The code points a font maps, read with HarfBuzz from its uncompressed (sfnt) form. */
const codePoints = async (woff2: Buffer) => new Set(new Face(new Blob(await subsetFont(woff2, String.fromCodePoint(...Array.from({ length: 0x3000 }, (_, i) => i + 32)), { targetFormat: 'sfnt' }))).collectUnicodes());

describe('pageCharacters', () => {
  it('reads the text of a page, not its markup, scripts or styles, and decodes entities', () => {
    const chars = pageCharacters('<html><head><style>.q{color:red}</style><script>let zzz = 1;</script></head><body><p class="x">a &lt; b &amp;&#x3c6;&#966; <span>∑</span></p></body></html>');
    expect([...chars].sort().join('')).toBe([...' &<ab∑φ'].sort().join(''));
  });
});

describe('a KaTeX font cut to a page’s characters', () => {
  it('keeps every glyph the page needs and drops the rest', async () => {
    const page = '<p>The Shapley value φ<sub>j</sub> ≥ 0, ∑<sub>j</sub> φ<sub>j</sub> = f(x) − E[f]; α, β, ∂L/∂w.</p>';
    const text = [...new Set([...pageCharacters(page), ...printableAscii()])].join('');
    for (const name of ['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_AMS-Regular']) {
      const original = font(name);
      const cut = await subsetFont(original, text, { targetFormat: 'woff2' });
      expect(cut.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(cut.length).toBeLessThan(original.length);
      const had = await codePoints(original);
      const has = await codePoints(cut);
      const needed = [...text].map((c) => c.codePointAt(0)!).filter((c) => had.has(c));
      expect(needed.length).toBeGreaterThan(10);
      expect(needed.filter((c) => !has.has(c))).toEqual([]);
      // Nothing beyond what was asked for (HarfBuzz may keep a few glyphs it needs itself).
      expect([...has].filter((c) => !text.includes(String.fromCodePoint(c))).length).toBeLessThan(5);
    }
  });
});
