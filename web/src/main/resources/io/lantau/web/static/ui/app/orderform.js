// The order form: limit, market, post-only (LIMIT_MAKER) and IOC orders. It checks the market's tick, lot and minimum
// notional from exchangeInfo before sending, and shows the exchange's own reason when it rejects the order anyway.
import { native, ApiError } from './api.js';
import { h, field, statusLine, showStatus } from './dom.js';
import { t } from './i18n.js';
import { parseDecimal, compare, isMultiple, multiply } from './decimal.js';

const TYPES = [
  { id: 'LIMIT', label: 'order.limit', body: { type: 'LIMIT', timeInForce: 'GTC' }, price: true },
  { id: 'MARKET', label: 'order.market', body: { type: 'MARKET' }, price: false },
  { id: 'POST_ONLY', label: 'order.postOnly', body: { type: 'LIMIT_MAKER' }, price: true },
  { id: 'IOC', label: 'order.ioc', body: { type: 'LIMIT', timeInForce: 'IOC' }, price: true },
];

export function filtersOf(spec) {
  const f = Object.fromEntries(spec.filters.map((x) => [x.filterType, x]));
  return { price: f.PRICE_FILTER, lot: f.LOT_SIZE, marketLot: f.MARKET_LOT_SIZE || f.LOT_SIZE, notional: f.NOTIONAL };
}

/** @return the message key and parameters of the first rule the order breaks, or null. */
export function checkOrder(spec, type, priceText, quantityText) {
  const f = filtersOf(spec);
  const qty = parseDecimal(quantityText);
  if (!qty || qty.v === 0n) return { key: 'order.err.quantity' };
  const lot = type.price ? f.lot : f.marketLot;
  if (!isMultiple(qty, parseDecimal(lot.stepSize))) return { key: 'order.err.step', params: { step: lot.stepSize } };
  if (compare(qty, parseDecimal(lot.minQty)) < 0) return { key: 'order.err.minQty', params: { min: lot.minQty } };
  if (compare(qty, parseDecimal(lot.maxQty)) > 0) return { key: 'order.err.maxQty', params: { max: lot.maxQty } };
  if (!type.price) return null;
  const price = parseDecimal(priceText);
  if (!price || price.v === 0n) return { key: 'order.err.price' };
  if (!isMultiple(price, parseDecimal(f.price.tickSize))) return { key: 'order.err.tick', params: { tick: f.price.tickSize } };
  if (compare(price, parseDecimal(f.price.maxPrice)) > 0) return { key: 'order.err.maxPrice', params: { max: f.price.maxPrice } };
  if (f.notional && compare(multiply(price, qty), parseDecimal(f.notional.minNotional)) < 0) {
    return { key: 'order.err.notional', params: { min: f.notional.minNotional, asset: spec.quoteAsset } };
  }
  return null;
}

export function orderForm(spec, onPlaced) {
  let side = 'BUY';
  const buyTab = h('button.tab.buy', { type: 'button', 'aria-pressed': 'true', i18n: 'order.buy' });
  const sellTab = h('button.tab.sell', { type: 'button', 'aria-pressed': 'false', i18n: 'order.sell' });
  const typeSelect = h('select#order-type', {}, TYPES.map((x) => h('option', { value: x.id, i18n: x.label })));
  const price = h('input#order-price', { inputmode: 'decimal', autocomplete: 'off', placeholder: filtersOf(spec).price.tickSize });
  const quantity = h('input#order-quantity', { inputmode: 'decimal', autocomplete: 'off', placeholder: filtersOf(spec).lot.stepSize });
  const priceField = field('order.price', price);
  const submit = h('button.primary#order-submit', { type: 'submit' });
  const status = statusLine('order-status');
  const hint = h('p.hint', { text: t('order.rules', { tick: filtersOf(spec).price.tickSize, step: filtersOf(spec).lot.stepSize, min: filtersOf(spec).notional?.minNotional ?? '0', asset: spec.quoteAsset }) });

  let quantityLabel = null;
  const currentType = () => TYPES.find((x) => x.id === typeSelect.value);
  const refresh = () => {
    buyTab.setAttribute('aria-pressed', String(side === 'BUY'));
    sellTab.setAttribute('aria-pressed', String(side === 'SELL'));
    priceField.hidden = !currentType().price;
    submit.textContent = t(side === 'BUY' ? 'order.submitBuy' : 'order.submitSell', { base: spec.baseAsset });
    submit.dataset.side = side;
    if (quantityLabel) quantityLabel.textContent = t('order.quantityIn', { base: spec.baseAsset });
  };
  buyTab.addEventListener('click', () => { side = 'BUY'; refresh(); });
  sellTab.addEventListener('click', () => { side = 'SELL'; refresh(); });
  typeSelect.addEventListener('change', refresh);
  document.addEventListener('lantau:language', refresh);

  const form = h('form.order-form', { novalidate: true },
    h('div.tabs', { role: 'group', 'aria-label': t('order.side') }, buyTab, sellTab),
    field('order.type', typeSelect), priceField,
    field(`order.quantityIn`, quantity), hint, submit, status);
  quantityLabel = form.querySelector('label[for="order-quantity"]');
  delete quantityLabel.dataset.i18n;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const type = currentType();
    const problem = checkOrder(spec, type, price.value, quantity.value);
    if (problem) {
      showStatus(status, t(problem.key, problem.params));
      status.dataset.source = 'form';
      return;
    }
    const body = { symbol: spec.symbol, side, ...type.body, quantity: quantity.value.trim() };
    if (type.price) body.price = price.value.trim();
    submit.disabled = true;
    try {
      const order = await native('POST', '/trading/orders', body);
      showStatus(status, t('order.placed', { id: order.orderId, status: t(`status.${order.status}`) }), 'ok');
      status.dataset.source = 'exchange';
      onPlaced();
    } catch (e) {
      const reason = e instanceof ApiError ? e.message : String(e);
      showStatus(status, t('order.rejected', { reason }));
      status.dataset.source = 'exchange';
    } finally {
      submit.disabled = false;
    }
  });
  refresh();
  return form;
}
