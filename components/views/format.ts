/** Numbers as the figures print them: 4 significant digits, exponent for tiny values. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2);
  return v.toPrecision(4).replace(/\.?0+$/, '');
}
