// Wallet: fiat through the designated bank account (HK-07: the platform's receiving account, the reference to quote,
// the client's own account) and on-chain custody (a deposit address per asset with its QR code, deposits with their
// confirmations, the withdrawal whitelist with its ownership proof, withdrawals). Each part is shown only where the
// platform mounts its API: a deployment without a chain node or a bank answers 404, and the page says so instead of
// showing anything made up.
import qrcode from '/ui/vendor/qrcode-generator-2.0.4.mjs';
import { native, ApiError } from '../api.js';
import { h, clear, field, statusLine, showStatus } from '../dom.js';
import { t } from '../i18n.js';
import { fiatWithdrawForm, whitelistForm, chainWithdrawForm } from '../wallet-forms.js';

/** The answer, or undefined when this platform does not offer the endpoint (404 NOT_FOUND: not mounted). */
async function offered(path) {
  try {
    return await native('GET', path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

function table(heads, rows) {
  return h('div.table-wrap', {}, h('table', {}, h('thead', {}, h('tr', {}, heads.map((k) => h('th', { scope: 'col', i18n: k })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td.empty', { colspan: heads.length, i18n: 'panel.none' })))));
}

export async function mount(view) {
  const fiatBox = h('div#wallet-fiat');
  const chainBox = h('div#wallet-chain');
  const status = statusLine('wallet-status');
  view.append(h('section.page', {}, h('h1', { i18n: 'wallet.title' }),
    h('section.panel', { 'aria-labelledby': 'fiat-h' }, h('h2#fiat-h', { i18n: 'wallet.fiat' }), fiatBox),
    h('section.panel', { 'aria-labelledby': 'chain-h' }, h('h2#chain-h', { i18n: 'wallet.crypto' }), chainBox), status));

  async function fiat() {
    clear(fiatBox);
    const instructions = await offered('/fiat/deposit-instructions');
    if (instructions === undefined) {
      fiatBox.append(h('p.unavailable#wallet-fiat-unavailable', { i18n: 'wallet.fiatUnavailable' }));
      return;
    }
    fiatBox.append(h('h3', { i18n: 'wallet.depositInstructions' }), h('dl.facts#fiat-instructions', {},
      h('dt', { i18n: 'wallet.beneficiary' }), h('dd', { text: instructions.beneficiaryName }),
      h('dt', { i18n: 'wallet.bank' }), h('dd', { text: `${instructions.bankName} (${instructions.bankBic})` }),
      h('dt', { i18n: 'wallet.accountNumber' }), h('dd', {}, h('code', { text: instructions.accountNumber })),
      h('dt', { i18n: 'wallet.reference' }), h('dd', {}, h('code#fiat-reference', { text: instructions.reference })),
      h('dt', { i18n: 'wallet.currencies' }), h('dd', { text: instructions.currencies.join(', ') })),
    h('p.hint', { text: instructions.note }));
    fiatBox.append(h('h3', { i18n: 'wallet.designated' }));
    const mine = instructions.designatedAccount;
    if (mine) {
      fiatBox.append(h('dl.facts#fiat-designated', {}, h('dt', { i18n: 'wallet.holder' }), h('dd', { text: mine.holderName }),
        h('dt', { i18n: 'wallet.bank' }), h('dd', { text: mine.bankName }),
        h('dt', { i18n: 'wallet.accountNumber' }), h('dd', { text: mine.accountNumber })),
      fiatWithdrawForm(instructions.currencies, mine, fiat));
    } else {
      const holder = h('input#fiat-holder', { required: true, maxlength: 200 });
      const bank = h('input#fiat-bank', { required: true, maxlength: 200 });
      const number = h('input#fiat-number', { required: true, maxlength: 64 });
      const form = h('form', {}, h('p.hint', { i18n: 'wallet.designateHint' }), field('wallet.holder', holder),
        field('wallet.bank', bank), field('wallet.accountNumber', number),
        h('button.primary', { type: 'submit', i18n: 'wallet.designate' }));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
          await native('POST', '/fiat/bank-account', { holderName: holder.value.trim(), bankName: bank.value.trim(),
            accountNumber: number.value.trim() });
          await fiat();
        } catch (e) { showStatus(status, e.message); }
      });
      fiatBox.append(form);
    }
    const [deposits, withdrawals] = await Promise.all([native('GET', '/fiat/deposits'), native('GET', '/fiat/withdrawals')]);
    fiatBox.append(h('h3', { i18n: 'wallet.deposits' }), table(['wallet.booked', 'panel.asset', 'wallet.amount', 'console.status'],
      deposits.map((d) => h('tr', {}, h('td', { text: d.bookedOn || '' }), h('td', { text: d.currency }),
        h('td.num', { text: d.amount }), h('td', { text: d.status })))),
    h('h3', { i18n: 'wallet.withdrawals' }), table(['wallet.requested', 'panel.asset', 'wallet.amount', 'console.status'],
      withdrawals.map((w) => h('tr', {}, h('td', { text: new Date(w.requestedAt).toLocaleString() }), h('td', { text: w.currency }),
        h('td.num', { text: w.amount }), h('td', { text: w.status })))));
  }

  async function chain() {
    clear(chainBox);
    const deposits = await offered('/custody/deposits');
    if (deposits === undefined) {
      chainBox.append(h('p.unavailable#wallet-chain-unavailable', { i18n: 'wallet.chainUnavailable' }));
      return;
    }
    const balances = await native('GET', '/trading/balances');
    const asset = h('select#deposit-asset', {}, balances.map((b) => h('option', { value: b.asset, text: b.asset })));
    const addressBox = h('div#deposit-address-box');
    const showAddress = async () => {
      clear(addressBox);
      try {
        const a = await native('GET', `/custody/deposit-address/${encodeURIComponent(asset.value)}`);
        const qr = qrcode(0, 'M');
        qr.addData(a.address);
        qr.make();
        addressBox.append(h('img.qr#deposit-qr', { src: qr.createDataURL(4, 8), alt: t('wallet.qrAlt', { asset: a.asset }) }),
          h('p', {}, h('span', { text: `${a.asset} · ${a.chain}: ` }), h('code#deposit-address.wrap', { text: a.address })));
      } catch (e) {
        addressBox.append(h('p', { text: e.message }));
      }
    };
    asset.addEventListener('change', showAddress);
    const whitelist = await native('GET', '/custody/whitelist');
    const withdrawals = await native('GET', '/custody/withdrawals');
    chainBox.append(h('h3', { i18n: 'wallet.depositAddress' }), field('panel.asset', asset), addressBox,
      h('h3', { i18n: 'wallet.deposits' }), table(['panel.asset', 'wallet.amount', 'wallet.tx', 'console.status'],
        deposits.map((d) => h('tr', {}, h('td', { text: d.asset }), h('td.num', { text: d.amount }),
          h('td', {}, h('code.wrap', { text: d.txid })), h('td', { text: d.state })))),
      h('h3', { i18n: 'wallet.whitelist' }), table(['wallet.chain', 'wallet.address', 'keys.label', 'wallet.usableFrom', 'wallet.remove'],
        whitelist.map((w) => h('tr', { dataset: { whitelistId: w.id } }, h('td', { text: w.chain }), h('td', {}, h('code.wrap', { text: w.address })),
          h('td', { text: w.label || '' }), h('td', { text: new Date(w.usableFrom).toLocaleString() }),
          h('td', {}, h('button.remove', { type: 'button', i18n: 'wallet.remove', onclick: async () => {
            try { await native('DELETE', `/custody/whitelist/${w.id}`); await chain(); } catch (e) { showStatus(status, e.message); }
          } }))))),
      whitelistForm(balances.map((b) => b.asset), chain),
      h('h3', { i18n: 'wallet.withdrawals' }), table(['panel.asset', 'wallet.amount', 'wallet.address', 'console.status', 'wallet.tx'],
        withdrawals.map((w) => h('tr', { dataset: { withdrawalId: w.withdrawalId, state: w.state } }, h('td', { text: w.asset }), h('td.num', { text: w.amount }),
          h('td', {}, h('code.wrap', { text: w.address })), h('td', { text: w.reason ? `${w.state} (${w.reason})` : w.state }),
          h('td', {}, w.txid ? h('code.wrap', { text: w.txid }) : null)))),
      chainWithdrawForm(balances.map((b) => b.asset), whitelist, chain));
    if (balances.length) await showAddress();
  }

  await Promise.all([fiat().catch((e) => showStatus(status, e.message)), chain().catch((e) => showStatus(status, e.message))]);
}
