// The wallet's withdrawal forms, each for an API the platform mounts:
//  - fiat: to the client's designated bank account only (HK-07), POST /fiat/withdrawals {currency, amount,
//    accountNumber}; the account number is the designated one, shown and not typed;
//  - on-chain whitelist: the challenge message for (asset, address) from GET /custody/whitelist/challenge, which the
//    client signs in their own wallet (personal_sign) and pastes back with POST /custody/whitelist; the browser never
//    holds a key;
//  - on-chain withdrawal to a whitelisted address with the TOTP code, POST /custody/withdrawals, with a request id made
//    once per form so that a resent click is the same request, not a second withdrawal.
import { native } from './api.js';
import { h, field, statusLine, showStatus } from './dom.js';
import { t } from './i18n.js';

function submitting(form, status, send, doneKey) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await send();
      showStatus(status, t(doneKey), 'ok');
    } catch (e) {
      showStatus(status, e.message);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

const AMOUNT = { type: 'text', inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]+)?', required: true, autocomplete: 'off' };

/** The fiat withdrawal form to the designated account; onDone re-renders the lists. */
export function fiatWithdrawForm(currencies, designated, onDone) {
  const currency = h('select#fiat-withdraw-currency', {}, currencies.map((c) => h('option', { value: c, text: c })));
  const amount = h('input#fiat-withdraw-amount', AMOUNT);
  const status = statusLine('fiat-withdraw-status');
  const form = h('form#fiat-withdraw', {}, h('h3', { i18n: 'wallet.fiatWithdraw' }),
    h('p.hint', { i18n: 'wallet.fiatWithdrawHint', i18nParams: { account: `${designated.bankName} ${designated.accountNumber}` } }),
    field('panel.asset', currency), field('wallet.amount', amount),
    h('button.primary#fiat-withdraw-submit', { type: 'submit', i18n: 'wallet.withdraw' }), status);
  return submitting(form, status, async () => {
    await native('POST', '/fiat/withdrawals', { currency: currency.value, amount: amount.value.trim(),
      accountNumber: designated.accountNumber });
    amount.value = '';
    await onDone();
  }, 'wallet.withdrawRequested');
}

/** Adding an address to the whitelist with the ownership signature the client makes in their own wallet. */
export function whitelistForm(assets, onDone) {
  const asset = h('select#whitelist-asset', {}, assets.map((a) => h('option', { value: a, text: a })));
  const address = h('input#whitelist-address', { type: 'text', required: true, maxlength: 128, autocomplete: 'off', spellcheck: 'false' });
  const label = h('input#whitelist-label', { type: 'text', maxlength: 64, autocomplete: 'off' });
  const message = h('pre#whitelist-message.wrap');
  const signature = h('textarea#whitelist-signature', { rows: 2, required: true, spellcheck: 'false' });
  const status = statusLine('whitelist-status');
  const getMessage = async () => {
    try {
      const q = new URLSearchParams({ asset: asset.value, address: address.value.trim() });
      message.textContent = (await native('GET', `/custody/whitelist/challenge?${q}`)).message;
    } catch (e) {
      showStatus(status, e.message);
    }
  };
  const form = h('form#whitelist-add', {}, h('h3', { i18n: 'wallet.whitelistAdd' }), h('p.hint', { i18n: 'wallet.whitelistHint' }),
    field('panel.asset', asset), field('wallet.address', address), field('keys.label', label),
    h('button#whitelist-challenge', { type: 'button', i18n: 'wallet.getMessage', onclick: getMessage }), message,
    field('wallet.signature', signature), h('button.primary#whitelist-submit', { type: 'submit', i18n: 'wallet.whitelistButton' }), status);
  return submitting(form, status, async () => {
    await native('POST', '/custody/whitelist', { asset: asset.value, address: address.value.trim(),
      label: label.value.trim() || undefined, signature: signature.value.trim() });
    await onDone();
  }, 'wallet.whitelisted');
}

/** An on-chain withdrawal to a whitelisted address, confirmed with the TOTP code. */
export function chainWithdrawForm(assets, whitelist, onDone) {
  const asset = h('select#chain-withdraw-asset', {}, assets.map((a) => h('option', { value: a, text: a })));
  const address = h('select#chain-withdraw-address', { required: true },
    whitelist.map((w) => h('option', { value: w.address, text: `${w.label ? `${w.label} · ` : ''}${w.address}` })));
  const amount = h('input#chain-withdraw-amount', AMOUNT);
  const totp = h('input#chain-withdraw-totp', { type: 'text', inputmode: 'numeric', pattern: '[0-9]{6}', autocomplete: 'one-time-code', maxlength: 6 });
  const status = statusLine('chain-withdraw-status');
  let requestId = crypto.randomUUID();
  const form = h('form#chain-withdraw', {}, h('h3', { i18n: 'wallet.chainWithdraw' }), h('p.hint', { i18n: 'wallet.chainWithdrawHint' }),
    field('panel.asset', asset), field('wallet.address', address), field('wallet.amount', amount), field('wallet.totp', totp),
    h('button.primary#chain-withdraw-submit', { type: 'submit', i18n: 'wallet.withdraw', disabled: !whitelist.length }), status);
  return submitting(form, status, async () => {
    await native('POST', '/custody/withdrawals', { asset: asset.value, requestId, address: address.value,
      amount: amount.value.trim(), totpCode: totp.value.trim() || undefined });
    requestId = crypto.randomUUID();   // the next submission is a new withdrawal
    amount.value = '';
    totp.value = '';
    await onDone();
  }, 'wallet.withdrawRequested');
}
