// Tiny DOM helpers: elements are built with textContent only, never from HTML strings (no injection).
import { t, translate } from './i18n.js';

/** h('div.cls#id', {attr: v, onclick: fn, i18n: 'key', i18nParams: {name: v}}, children…) */
export function h(spec, attrs = {}, ...children) {
  const [, tag, rest] = spec.match(/^([a-z0-9]+)(.*)$/i);
  const el = document.createElement(tag);
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'i18n') {
      el.dataset.i18n = v;
      if (attrs.i18nParams) el.dataset.i18nParams = JSON.stringify(attrs.i18nParams);
      el.textContent = t(v, attrs.i18nParams || {});
    } else if (k === 'i18nParams') continue; // used with i18n above
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Re-translates a subtree (for pages that stay mounted across a language change). */
export function retranslate(el) {
  translate(el);
}

/** A labelled form field. */
export function field(labelKey, input) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h('div.field', {}, h('label', { for: id, i18n: labelKey }), input);
}

/** A status line for errors and notices, announced to screen readers. */
export function statusLine(id) {
  return h('p.status', { id, role: 'status', 'aria-live': 'polite' });
}

export function showStatus(el, text, kind = 'error') {
  el.textContent = text;
  el.dataset.kind = kind;
}
