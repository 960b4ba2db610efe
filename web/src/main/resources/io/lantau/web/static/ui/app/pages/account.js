// Account: who you are, balances, two-factor sign-in (enrolment with a QR code) and API keys (permissions, IP
// allowlist, the secret shown once).
import { native } from '../api.js';
import { h, field, statusLine, showStatus, clear } from '../dom.js';
import { t } from '../i18n.js';
import { currentUser } from '../session.js';
import { enrolmentView } from '../totp.js';

export async function mount(view) {
  const user = currentUser();
  const totpBox = h('div');
  const keysBox = h('div');
  const balancesBox = h('div');
  const totpStatus = statusLine('totp-status');
  const keyStatus = statusLine('key-status');
  const logBox = h('div#access-log');
  view.append(h('section.page', {},
    h('h1', { i18n: 'account.title' }),
    h('div.grid2', {},
      h('section.panel', { 'aria-labelledby': 'acct-h' }, h('h2#acct-h', { i18n: 'account.details' }),
        h('dl.facts', {}, h('dt', { i18n: 'account.email' }), h('dd#account-email', { text: user.email }),
          h('dt', { i18n: 'account.userId' }), h('dd#account-id', { text: String(user.userId) }),
          h('dt', { i18n: 'account.status' }), h('dd', { text: user.status }))),
      h('section.panel', { 'aria-labelledby': 'bal-h' }, h('h2#bal-h', { i18n: 'panel.balances' }), balancesBox)),
    h('section.panel', { 'aria-labelledby': 'totp-h' }, h('h2#totp-h', { i18n: 'totp.title' }), totpBox, totpStatus),
    h('section.panel', { 'aria-labelledby': 'keys-h' }, h('h2#keys-h', { i18n: 'keys.title' }), keysBox, keyStatus),
    h('section.panel', { 'aria-labelledby': 'log-h' }, h('h2#log-h', { i18n: 'accessLog.title' }), logBox)));

  /** The security log (HK-23): sign-ins, orders and withdrawals with their address and device, newest first. */
  async function showAccessLog() {
    let entries;
    try {
      entries = await native('GET', '/access-log?limit=20');
    } catch (e) {
      clear(logBox).append(h('p.hint', { text: e.message }));   // the rest of the page stays usable
      return;
    }
    clear(logBox).append(h('div.table-wrap', {}, h('table', {}, h('thead', {}, h('tr', {},
      ['accessLog.when', 'accessLog.action', 'accessLog.ip', 'accessLog.device', 'accessLog.country']
        .map((k) => h('th', { scope: 'col', i18n: k })))),
    h('tbody', {}, entries.length ? entries.map((e) => h('tr', { dataset: { action: e.action } },
      h('td', { text: new Date(e.occurredAt).toLocaleString() }), h('td', { i18n: `accessLog.action.${e.action}` }),
      h('td', {}, h('code', { text: e.ip || '' })), h('td', { text: e.deviceId || '' }), h('td', { text: e.geoCountry || '' })))
      : h('tr', {}, h('td.empty', { colspan: 5, i18n: 'panel.none' }))))));
  }

  async function showBalances() {
    const balances = await native('GET', '/trading/balances');
    clear(balancesBox).append(h('table', {}, h('thead', {}, h('tr', {}, h('th', { i18n: 'panel.asset' }),
      h('th.num', { i18n: 'panel.free' }), h('th.num', { i18n: 'panel.locked' }))),
    h('tbody', {}, balances.map((b) => h('tr', { dataset: { asset: b.asset } }, h('th', { scope: 'row', text: b.asset }),
      h('td.num', { text: b.free }), h('td.num', { text: b.locked }))))));
  }

  async function showTotp() {
    const s = await native('GET', '/totp');
    clear(totpBox);
    totpBox.dataset.status = s.status;
    if (s.status === 'ACTIVE') {
      totpBox.append(h('p', { i18n: 'totp.active' }));
      return;
    }
    const start = h('button#totp-enrol', { type: 'button', i18n: 'totp.enable' });
    start.addEventListener('click', async () => {
      try {
        const enrolment = await native('POST', '/totp/enrol', {});
        clear(totpBox).append(enrolmentView(enrolment, async (code) => {
          try {
            await native('POST', '/totp/confirm', { code });
            showStatus(totpStatus, t('totp.enabled'), 'ok');
            showTotp();
          } catch (e) { showStatus(totpStatus, e.message); }
        }));
      } catch (e) { showStatus(totpStatus, e.message); }
    });
    totpBox.append(h('p', { i18n: s.required ? 'totp.requiredByProfile' : 'totp.optional' }), start);
  }

  async function showKeys() {
    const keys = await native('GET', '/api-keys');
    const label = h('input#key-label', { maxlength: 64, required: true });
    const trade = h('input#key-trade', { type: 'checkbox' });
    const withdraw = h('input#key-withdraw', { type: 'checkbox' });
    const ips = h('input#key-ips', { placeholder: '203.0.113.7, 198.51.100.0/24' });
    const form = h('form.key-form', {}, field('keys.label', label),
      h('fieldset', {}, h('legend', { i18n: 'keys.permissions' }),
        h('label.check', {}, h('input', { type: 'checkbox', checked: true, disabled: true }), h('span', { i18n: 'keys.read' })),
        h('label.check', {}, trade, h('span', { i18n: 'keys.trade' })),
        h('label.check', {}, withdraw, h('span', { i18n: 'keys.withdraw' }))),
      field('keys.ips', ips), h('button.primary#key-create', { type: 'submit', i18n: 'keys.create' }));
    const secretBox = h('div#key-secret-box');
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { label: label.value.trim(), permissions: { read: true, trade: trade.checked, withdraw: withdraw.checked } };
      const list = ips.value.split(',').map((s) => s.trim()).filter(Boolean);
      if (list.length) body.ipAllowlist = list;
      try {
        const key = await native('POST', '/api-keys', body);
        await showKeys();
        keysBox.prepend(h('div.once', { role: 'alert' }, h('p', { i18n: 'keys.shownOnce' }),
          h('dl.facts', {}, h('dt', { i18n: 'keys.apiKey' }), h('dd', {}, h('code#new-api-key', { text: key.apiKey })),
            h('dt', { i18n: 'keys.secret' }), h('dd', {}, h('code#new-api-secret', { text: key.secret })))));
      } catch (e) { showStatus(keyStatus, e.message); }
    });
    const rows = keys.map((k) => h('tr', { dataset: { keyId: k.id } }, h('td', { text: k.label }), h('td', {}, h('code', { text: k.apiKey })),
      h('td', { text: ['read', 'trade', 'withdraw'].filter((p) => k.permissions[p]).map((p) => t(`keys.${p}`)).join(', ') }),
      h('td', { text: k.ipAllowlist && k.ipAllowlist.length ? [].concat(k.ipAllowlist).join(', ') : t('keys.anyIp') }),
      h('td', { text: new Date(k.createdAt).toLocaleString() }),
      h('td', {}, k.active ? h('button.small.danger', { type: 'button', i18n: 'keys.revoke', onclick: async () => {
        try { await native('DELETE', `/api-keys/${k.id}`); showKeys(); } catch (e) { showStatus(keyStatus, e.message); }
      } }) : h('span', { i18n: 'keys.revoked' }))));
    clear(keysBox).append(secretBox, h('div.table-wrap', {}, h('table', {},
      h('thead', {}, h('tr', {}, ['keys.label', 'keys.apiKey', 'keys.permissions', 'keys.ips', 'keys.created', 'panel.actions']
        .map((k) => h('th', { scope: 'col', i18n: k })))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td.empty', { colspan: 6, i18n: 'panel.none' }))))), form);
  }

  await Promise.all([showBalances(), showTotp(), showKeys(), showAccessLog()]);
}
