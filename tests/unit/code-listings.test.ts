// The build step that moves Expressive Code's stylesheet into <head> and writes each
// listing's line count (src/build/code-listings.mjs).
import { describe, expect, it } from 'vitest';
import { deferLongListings, hoistCodeStyles, LONG_LISTING, markCodeLines } from '../../src/build/code-listings.mjs';

const listing = (lines: number) =>
  `<div class="expressive-code"><figure class="frame has-title"><figcaption class="header"><span class="title">src/explain/x.ts</span></figcaption><pre><code>${'<div class="ec-line"><div class="code">x</div></div>'.repeat(lines)}</code></pre></figure></div>`;
const page = (body: string) =>
  `<html><head><link rel="stylesheet" href="/_astro/common.abc.css"></head><body>${body}</body></html>`;
const sheet = '<link rel="stylesheet" href="/_astro/ec.w36nc.css">';
const script = '<script type="module" src="/_astro/ec.0vx5m.js"></script>';

describe('hoistCodeStyles', () => {
  it('moves the stylesheet links of every listing into <head>, once', () => {
    const html = page(`<p>a</p>${sheet}${script}${listing(2)}<p>b</p><link rel="stylesheet" href="/_astro/ec.w36nc.css"/>${script}${listing(3)}`);
    const out = hoistCodeStyles(html);
    const head = out.slice(0, out.indexOf('</head>'));
    const body = out.slice(out.indexOf('</head>'));
    expect(head.match(/ec\.w36nc\.css/g)).toHaveLength(1);
    expect(head.indexOf('common.abc.css')).toBeLessThan(head.indexOf('ec.w36nc.css'));
    expect(body).not.toContain('ec.w36nc.css');
    expect(body.match(/ec\.0vx5m\.js/g)).toHaveLength(1);
    expect(body).toContain(listing(2));
    expect(body).toContain(listing(3));
  });

  it('leaves a page without listings byte for byte', () => {
    const html = page('<p>no code here</p>');
    expect(hoistCodeStyles(html)).toBe(html);
    expect(markCodeLines(html)).toBe(html);
  });
});

describe('markCodeLines', () => {
  it('gives each listing its own line count, prose between listings adding none', () => {
    const out = markCodeLines(page(`${listing(258)}<p class="ec-line-lookalike">text</p>${listing(13)}`));
    expect([...out.matchAll(/<div class="expressive-code" data-lines="(\d+)">/g)].map((m) => Number(m[1]))).toEqual([258, 13]);
  });
});

describe('every listing is reachable by keyboard', () => {
  it('gives each listing’s <pre> a tab stop, once', () => {
    const out = markCodeLines(page(`${listing(3)}<pre>not a listing</pre>${listing(2)}`));
    expect(out.match(/<pre tabindex="0">/g)).toHaveLength(2);
    expect(out).toContain('<pre>not a listing</pre>');
    expect(markCodeLines(out).match(/tabindex=/g)).toHaveLength(2);
  });
});

describe('deferLongListings', () => {
  const zhPage = (body: string) => page(body).replace('<html>', '<html lang="zh-CN">');

  it('moves a listing longer than the threshold out of the page, behind a <details> naming the file and its length', () => {
    const stored: string[] = [];
    const store = (html: string) => (stored.push(html), `/_listings/${stored.length}.html`);
    const short = listing(LONG_LISTING);
    const long = listing(LONG_LISTING + 1);
    const out = deferLongListings(markCodeLines(page(`${short}<p>between</p>${long}`)), store);
    expect(stored).toEqual([markCodeLines(long)]);
    expect(out).toContain(markCodeLines(short));
    expect(out).not.toContain(`data-lines="${LONG_LISTING + 1}"><figure`);
    const box = /<details class="listing-on-demand"[\s\S]*?<\/details>/.exec(out)![0];
    expect(box).toContain('data-listing-src="/_listings/1.html"');
    expect(box).toContain('<span class="listing-title">src/explain/x.ts</span>');
    expect(box).toContain(`${LONG_LISTING + 1} lines`);
    expect(box).toContain('<a href="/_listings/1.html">Open the listing on its own</a>');
  });

  it('speaks the page’s language', () => {
    const out = deferLongListings(markCodeLines(zhPage(listing(120))), () => '/_listings/a.html');
    expect(out).toContain('共 120 行');
    expect(out).toContain('单独打开这段代码');
  });
});
