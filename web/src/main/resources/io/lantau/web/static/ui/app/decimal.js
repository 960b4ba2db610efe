// Exact decimal arithmetic on strings with BigInt (no floating point for prices, quantities or notionals).

/** @return {v: BigInt, s: scale} or null if text is not a plain non-negative decimal. */
export function parseDecimal(text) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m) return null;
  const frac = m[2] || '';
  return { v: BigInt(m[1] + frac), s: frac.length };
}

function rescale(d, s) {
  return d.v * 10n ** BigInt(s - d.s);
}

export function compare(a, b) {
  const s = Math.max(a.s, b.s);
  const x = rescale(a, s);
  const y = rescale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a is a whole multiple of step (step > 0). */
export function isMultiple(a, step) {
  const s = Math.max(a.s, step.s);
  return rescale(a, s) % rescale(step, s) === 0n;
}

export function multiply(a, b) {
  return { v: a.v * b.v, s: a.s + b.s };
}

export function isZero(a) {
  return a.v === 0n;
}

/** Formats with exactly `places` decimals (rounding toward zero), for display. */
export function format(d, places) {
  const v = places >= d.s ? d.v * 10n ** BigInt(places - d.s) : d.v / 10n ** BigInt(d.s - places);
  const str = v.toString().padStart(places + 1, '0');
  return places === 0 ? str : `${str.slice(0, -places)}.${str.slice(-places)}`;
}

/** The number of decimals a step such as "0.001" has (for inputs and display). */
export function decimalsOf(step) {
  const d = parseDecimal(step);
  if (!d) return 0;
  let s = d.s;
  let v = d.v;
  while (s > 0 && v % 10n === 0n) { v /= 10n; s -= 1; }
  return s;
}
