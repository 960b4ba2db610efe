// A drop's page (#/collectibles/drop/ID): its supply, price and window with a countdown to the start or the end, the
// entry form while it is open, and after the draw the committed hash, the revealed seed, the entries and the
// published winners, with a button that recomputes the draw in this browser (draw-verify.js, DrawVerifier's
// algorithm) and says whether the published result matches. The seed field is editable: anyone can see that another
// seed gives another answer.
import { native } from '../api.js';
import { h, field, statusLine, showStatus } from '../dom.js';
import { t } from '../i18n.js';
import { verifyDraw } from '../draw-verify.js';

function remaining(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d ? `${d}d ` : ''}${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** Renders the page; @return the unmount function (stops the countdown). */
export async function dropPage(page, id) {
  const drop = await native('GET', `/collectibles/drops/${id}`);
  const countdown = h('dd#drop-countdown.num');
  const phase = h('dd#drop-phase');
  const tick = () => {
    const now = Date.now();
    const start = Date.parse(drop.startsAt);
    const end = Date.parse(drop.endsAt);
    const state = drop.seed ? 'drawn' : now < start ? 'upcoming' : now < end ? 'open' : 'closed';
    phase.dataset.phase = state;
    phase.dataset.i18n = `drop.phase.${state}`;
    phase.textContent = t(`drop.phase.${state}`);
    countdown.textContent = state === 'upcoming' ? t('drop.startsIn', { time: remaining(start - now) })
      : state === 'open' ? t('drop.endsIn', { time: remaining(end - now) }) : '—';
  };
  tick();
  const timer = setInterval(tick, 1000);
  page.append(h('p', {}, h('a', { href: `#/collectibles/collection/${drop.collectionId}`, i18n: 'collectibles.toCollection' })),
    h('h1#drop-title', { i18n: 'drop.title', i18nParams: { id: drop.id } }),
    h('section.panel#drop-facts', { 'aria-labelledby': 'drop-facts-h' }, h('h2#drop-facts-h', { i18n: 'drop.facts' }),
      h('dl.facts', {}, h('dt', { i18n: 'drop.price' }), h('dd#drop-price.num', { text: `${drop.price} ${drop.currency}` }),
        h('dt', { i18n: 'drop.supply' }), h('dd#drop-supply.num', { text: String(drop.supply) }),
        h('dt', { i18n: 'drop.perBuyerCap' }), h('dd.num', { text: String(drop.perBuyerCap) }),
        drop.allowlistOnly ? [h('dt', { i18n: 'drop.allowlist' }), h('dd', { i18n: 'console.yes' })] : null,
        h('dt', { i18n: 'drop.startsAt' }), h('dd', { text: new Date(drop.startsAt).toLocaleString() }),
        h('dt', { i18n: 'drop.endsAt' }), h('dd', { text: new Date(drop.endsAt).toLocaleString() }),
        h('dt', { i18n: 'drop.status' }), phase, h('dt', { i18n: 'drop.countdown' }), countdown,
        h('dt', { i18n: 'drop.commitment' }), h('dd', {}, h('code.wrap#drop-commitment', { text: drop.seedCommitment })))));
  if (!drop.seed) page.append(entryForm(drop));
  else page.append(await drawPanel(id));
  return () => clearInterval(timer);
}

function entryForm(drop) {
  const quantity = h('input#drop-quantity', { type: 'number', min: 1, max: drop.perBuyerCap, step: 1, value: 1, required: true });
  const status = statusLine('drop-entry-status');
  const form = h('form.panel#drop-entry', {
    'aria-labelledby': 'drop-entry-h',
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await native('POST', `/collectibles/drops/${drop.id}/entries`, { quantity: Number(quantity.value) });
        showStatus(status, t('drop.entered', { quantity: quantity.value }), 'ok');
      } catch (e) {
        showStatus(status, e.message);
      }
    },
  }, h('h2#drop-entry-h', { i18n: 'drop.enter' }), h('p.hint', { i18n: 'drop.enterHint', i18nParams: { price: `${drop.price} ${drop.currency}` } }),
  field('drop.quantity', quantity), h('button#drop-enter', { type: 'submit', i18n: 'drop.enterButton' }), status);
  return form;
}

async function drawPanel(id) {
  const result = await native('GET', `/collectibles/drops/${id}/result`);
  const seed = h('input#drop-seed.wrap', { type: 'text', value: result.drop.seed, spellcheck: 'false', autocomplete: 'off' });
  const verdict = h('p#drop-verdict', { role: 'status', 'aria-live': 'polite' });
  const recomputed = h('ol#drop-recomputed');
  const recompute = async () => {
    const v = await verifyDraw(seed.value, result);
    const ok = v.seedValid && v.commitmentOk && v.winnersOk;
    verdict.dataset.outcome = ok ? 'match' : 'mismatch';
    const key = !v.seedValid ? 'drop.verdict.badSeed' : ok ? 'drop.verdict.match'
      : !v.commitmentOk && !v.winnersOk ? 'drop.verdict.both' : !v.commitmentOk ? 'drop.verdict.commitment' : 'drop.verdict.winners';
    verdict.dataset.i18n = key;
    verdict.textContent = t(key);
    recomputed.replaceChildren(...v.recomputed.map((a, k) => h('li', {
      dataset: { match: String(v.published[k] === a) }, text: String(a),
    })));
  };
  const entries = result.entries.map((e) => h('tr', {}, h('td.num', { text: String(e.accountId) }), h('td.num', { text: String(e.quantity) })));
  const positions = result.positions.map((p) => h('tr', { dataset: { position: p.position } }, h('td.num', { text: String(p.position) }),
    h('td.num', { text: String(p.accountId) }), h('td', {}, h('a', { href: `#/collectibles/item/${p.itemId}`, text: `#${p.itemId}` })),
    h('td', { text: p.outcome })));
  const table = (heads, rows, span) => h('div.table-wrap', {}, h('table', {},
    h('thead', {}, h('tr', {}, heads.map((k) => h('th', { scope: 'col', i18n: k })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td.empty', { colspan: span, i18n: 'panel.none' })))));
  return h('section.panel#drop-draw', { 'aria-labelledby': 'drop-draw-h' }, h('h2#drop-draw-h', { i18n: 'drop.draw' }),
    h('p.hint', { i18n: 'drop.drawHint' }),
    h('dl.facts', {}, h('dt', { i18n: 'drop.drawnAt' }), h('dd', { text: new Date(result.drop.drawnAt).toLocaleString() })),
    field('drop.seed', seed),
    h('h3', { i18n: 'drop.entries' }), table(['drop.account', 'drop.quantity'], entries, 2),
    h('h3', { i18n: 'drop.winners' }), h('div#drop-positions', {}, table(['drop.position', 'drop.account', 'drop.item', 'drop.outcome'], positions, 4)),
    h('button#drop-recompute', { type: 'button', onclick: () => recompute().catch((e) => { verdict.textContent = e.message; }), i18n: 'drop.recompute' }),
    verdict, h('h3', { i18n: 'drop.recomputed' }), recomputed);
}
