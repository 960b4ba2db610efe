// Message catalogues (ui/i18n/<lang>.json), the language switcher and its persisted choice.
const LANGS = ['en', 'zh-Hant', 'zh-Hans'];
const STORE_KEY = 'lantau.lang';
let messages = {};
let fallback = {};
let current = 'en';

async function load(lang) {
  const r = await fetch(`/ui/i18n/${lang}.json`);
  if (!r.ok) throw new Error(`catalogue ${lang}: ${r.status}`);
  return r.json();
}

function initialLanguage() {
  const saved = localStorage.getItem(STORE_KEY);
  if (LANGS.includes(saved)) return saved;
  for (const l of navigator.languages || []) {
    if (/^zh-(TW|HK|MO|Hant)/i.test(l)) return 'zh-Hant';
    if (/^zh/i.test(l)) return 'zh-Hans';
    if (/^en/i.test(l)) return 'en';
  }
  return 'en';
}

export async function initI18n() {
  fallback = await load('en');
  await setLanguage(initialLanguage(), false);
}

export async function setLanguage(lang, persist = true) {
  if (!LANGS.includes(lang)) lang = 'en';
  messages = lang === 'en' ? fallback : await load(lang);
  current = lang;
  if (persist) localStorage.setItem(STORE_KEY, lang);
  document.documentElement.lang = lang;
  translate(document);
  document.dispatchEvent(new CustomEvent('lantau:language', { detail: lang }));
}

export function language() {
  return current;
}

/** The message for key, with {name} placeholders filled from params; the English one if the catalogue lacks it. */
export function t(key, params = {}) {
  const text = messages[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Fills every [data-i18n] element's text and every [data-i18n-attr="attr:key,…"] attribute under root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n, el.dataset.i18nParams ? JSON.parse(el.dataset.i18nParams) : {});
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    for (const pair of el.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  });
}
