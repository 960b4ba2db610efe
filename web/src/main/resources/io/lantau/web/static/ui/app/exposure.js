// The retail client's exposure and its limit (HK-04), always in the header once a risk profile sets it: GET
// /suitability gives the limit, the tier and the exposure the core counts now (holdings and resting buys at
// reference prices).
import { native } from './api.js';
import { t } from './i18n.js';
import { currentUser } from './session.js';
import { loadProfile } from './profile.js';

/** Minor units of the valuation currency → a display string, with the currency's own decimals (ISO 4217). */
export function money(minor, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  const s = BigInt(minor).toString().padStart(digits + 1, '0');
  const whole = (digits ? s.slice(0, -digits) : s).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${currency} ${whole}${digits ? `.${s.slice(-digits)}` : ''}`;
}

/** Decimal text in the valuation currency → minor units as a digit string, or null if it is not a plain amount. */
export function toMinor(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(text).replace(/,/g, '').trim());
  if (!m || (m[2] || '').length > digits) return null;
  return BigInt(m[1] + (m[2] || '').padEnd(digits, '0')).toString();
}

let last = null;

/** Re-reads the client's suitability and redraws the header figure; returns the suitability (or null). */
export async function refreshExposure() {
  const el = document.getElementById('exposure');
  if (!el) return null;
  const profile = await loadProfile();
  last = null;
  if (currentUser()) {
    try { last = await native('GET', '/suitability'); } catch { last = null; }
  }
  render(el, profile);
  return last;
}

function render(el, profile) {
  const risk = last?.riskProfile;
  const retail = last?.retailGates && last?.classification?.investorClass === 'RETAIL';
  if (!last || !retail) { el.hidden = true; return; }
  el.hidden = false;
  if (!risk) { el.textContent = t('exposure.none'); return; }
  const limit = money(risk.exposureLimitMinor, profile.valuationCurrency);
  const tier = t(`risk.tier.${risk.tier}`);
  el.textContent = last.exposureMinor == null
    ? t('exposure.limit', { limit, tier })
    : t('exposure.current', { exposure: money(last.exposureMinor, profile.valuationCurrency), limit, tier });
}

document.addEventListener('lantau:language', async () => {
  const el = document.getElementById('exposure');
  if (el) render(el, await loadProfile());
});
