// The signed-in client's side of the terminal: open orders (cancel, amend), order history, trade history, balances.
// Everything is read through the session: the server answers only for the session's own account.
import { native } from './api.js';
import { h, clear, statusLine, showStatus } from './dom.js';
import { t } from './i18n.js';
import { frameBatcher } from './frame.js';

const TABS = ['open', 'orders', 'trades', 'balances'];

export function accountPanel(box, spec, symbols) {
  let active = 'open';
  const data = { open: [], orders: [], trades: [], balances: [] };
  const tabButtons = {};
  const tablist = h('div.tabs', { role: 'tablist', 'aria-label': t('panel.label') });
  for (const id of TABS) {
    const b = h('button.tab', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': 'panel-body', i18n: `panel.${id}` });
    b.addEventListener('click', () => { active = id; schedule(); });
    b.addEventListener('keydown', (ev) => {
      const i = TABS.indexOf(id);
      const next = ev.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : ev.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
      if (next) { active = next; schedule(); tabButtons[next].focus(); }
    });
    tabButtons[id] = b;
    tablist.append(b);
  }
  const body = h('div.panel-body#panel-body', { role: 'tabpanel' });
  const status = statusLine('panel-status');
  box.append(tablist, body, status);
  const editing = new Set();

  const table = (headKeys, rows) => h('div.table-wrap', {}, h('table', {},
    h('thead', {}, h('tr', {}, headKeys.map((k) => h(k.startsWith('!') ? 'th.num' : 'th', { scope: 'col', i18n: k.replace('!', '') })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td.empty', { colspan: headKeys.length, i18n: 'panel.none' })))));

  const when = (ms) => new Date(ms).toLocaleString();
  const sideCell = (s) => h('td', { dataset: { dir: s === 'BUY' ? 'up' : 'down' }, text: t(`order.${s.toLowerCase()}`) });

  async function cancel(o) {
    try {
      await native('DELETE', `/trading/orders/${o.orderId}?symbol=${o.symbol}`);
      showStatus(status, t('panel.canceled', { id: o.orderId }), 'ok');
    } catch (e) {
      showStatus(status, t('order.rejected', { reason: e.message }));
    }
    refresh();
  }

  async function amend(o, price, quantity) {
    try {
      await native('POST', `/trading/orders/${o.orderId}/amend`, { symbol: o.symbol, price, quantity });
      showStatus(status, t('panel.amended', { id: o.orderId }), 'ok');
      editing.delete(o.orderId);
    } catch (e) {
      showStatus(status, t('order.rejected', { reason: e.message }));
    }
    refresh();
  }

  function openRow(o) {
    const actions = h('td.actions');
    if (editing.has(o.orderId)) {
      const p = h('input.small', { value: o.price, 'aria-label': t('order.price'), inputmode: 'decimal' });
      const q = h('input.small', { value: o.origQty, 'aria-label': t('trade.quantity'), inputmode: 'decimal' });
      actions.append(p, q, h('button.small', { type: 'button', i18n: 'panel.save', onclick: () => amend(o, p.value.trim(), q.value.trim()) }),
        h('button.small.link', { type: 'button', i18n: 'panel.back', onclick: () => { editing.delete(o.orderId); schedule(); } }));
    } else {
      actions.append(h('button.small', { type: 'button', i18n: 'panel.amend', 'aria-label': t('panel.amendOrder', { id: o.orderId }), onclick: () => { editing.add(o.orderId); schedule(); } }),
        h('button.small.danger', { type: 'button', i18n: 'panel.cancel', 'aria-label': t('panel.cancelOrder', { id: o.orderId }), onclick: () => cancel(o) }));
    }
    return h('tr', { dataset: { orderId: o.orderId } }, h('td', { text: o.symbol }), sideCell(o.side), h('td', { text: o.type }),
      h('td.num', { text: o.price }), h('td.num', { text: o.origQty }), h('td.num', { text: o.executedQty }), actions);
  }

  function render() {
    for (const id of TABS) tabButtons[id].setAttribute('aria-selected', String(id === active));
    if (body.contains(document.activeElement) && document.activeElement.tagName === 'INPUT') return; // keep an edit
    clear(body);
    if (active === 'open') {
      body.append(table(['panel.symbol', 'panel.side', 'panel.type', '!order.price', '!panel.qty', '!panel.filled', 'panel.actions'], data.open.map(openRow)));
    } else if (active === 'orders') {
      body.append(table(['panel.time', 'panel.side', 'panel.type', '!order.price', '!panel.qty', '!panel.filled', 'panel.status'],
        data.orders.map((o) => h('tr', { dataset: { orderId: o.orderId } }, h('td', { text: when(o.time) }), sideCell(o.side), h('td', { text: o.type }),
          h('td.num', { text: o.price }), h('td.num', { text: o.origQty }), h('td.num', { text: o.executedQty }),
          h('td', { text: t(`status.${o.status}`), dataset: { status: o.status } })))));
    } else if (active === 'trades') {
      body.append(table(['panel.time', 'panel.side', '!order.price', '!panel.qty', '!panel.quoteQty', '!panel.fee', 'panel.role'],
        data.trades.map((x) => h('tr', { dataset: { tradeId: x.id } }, h('td', { text: when(x.time) }), sideCell(x.isBuyer ? 'BUY' : 'SELL'),
          h('td.num', { text: x.price }), h('td.num', { text: x.qty }), h('td.num', { text: x.quoteQty }),
          h('td.num', { text: `${x.commission} ${x.commissionAsset}` }), h('td', { i18n: x.isMaker ? 'panel.maker' : 'panel.taker' })))));
    } else {
      body.append(table(['panel.asset', '!panel.free', '!panel.locked'],
        data.balances.map((b) => h('tr', { dataset: { asset: b.asset } }, h('th', { scope: 'row', text: b.asset }),
          h('td.num', { text: b.free }), h('td.num', { text: b.locked })))));
    }
  }
  const schedule = frameBatcher(render);
  document.addEventListener('lantau:language', schedule);

  async function refresh() {
    try {
      const [open, orders, trades, balances] = await Promise.all([
        native('GET', `/trading/open-orders?symbol=${spec.symbol}`),
        native('GET', `/trading/orders?symbol=${spec.symbol}`),
        native('GET', `/trading/trades?symbol=${spec.symbol}`),
        native('GET', '/trading/balances'),
      ]);
      Object.assign(data, { open, orders, trades, balances });
      schedule();
    } catch (e) {
      showStatus(status, e.message);
    }
  }
  schedule();
  return { refresh };
}
