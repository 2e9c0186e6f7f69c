/** prefers-reduced-motion: no smooth scrolling, no running CSS animation or transition. */
import { test, expect } from '@playwright/test';

test('with reduced motion asked for, nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/how-networks-compute/forward-and-backward/');
  const r = await page.evaluate(() => {
    const all = [document.documentElement, ...document.querySelectorAll('*')];
    const moving = all.filter((el) => {
      const s = getComputedStyle(el);
      const long = (v: string) => v.split(',').some((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000) > 1);
      return (s.animationName !== 'none' && long(s.animationDuration)) || long(s.transitionDuration) || s.scrollBehavior === 'smooth';
    });
    return moving.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  });
  expect(r).toEqual([]);
});
