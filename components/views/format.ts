/**
 * Numbers as the figures print them: whole numbers in full (counts, parameters),
 * others to 4 significant digits, with an exponent only for very small or very
 * large values.
 */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e9) return String(v);
  if (a < 1e-3 || a >= 1e6) return v.toExponential(2);
  if (a >= 1000) return v.toFixed(1);
  const s = v.toPrecision(4);
  // Strip trailing zeros of a fraction only: 8480 must not become 848.
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}
