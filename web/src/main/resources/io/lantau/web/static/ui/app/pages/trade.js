// The trading terminal of one market: chart, live order book, recent trades, order form and the signed-in client's
// open orders, history and balances.
import { market } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { MarketStream } from '../streams.js';
import { frameBatcher } from '../frame.js';
import { decimalsOf } from '../decimal.js';
import { LocalBook } from '../orderbook.js';
import { currentUser } from '../session.js';
import { createPriceChart } from '../chart.js';
import { orderForm } from '../orderform.js';
import { accountPanel } from '../accountpanel.js';

const BOOK_ROWS = 12;
const TRADE_ROWS = 24;

function bookSide(cls, labelKey) {
  const rows = [];
  const body = h('div.book-rows');
  for (let i = 0; i < BOOK_ROWS; i++) {
    const bar = h('span.bar');
    const price = h('span.price');
    const qty = h('span.qty');
    body.append(h('div.book-row', {}, bar, price, qty));
    rows.push({ bar, price, qty });
  }
  return { el: h(`div.book-side.${cls}`, { 'aria-label': t(labelKey) }, body), rows };
}

function fill(rows, levels, maxQty) {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const level = levels[i];
    r.price.textContent = level ? level[0] : '';
    r.qty.textContent = level ? level[1] : '';
    r.bar.style.transform = `scaleX(${level && maxQty ? Number(level[1]) / maxQty : 0})`;
  }
}

export async function mount(view, symbolArg) {
  const info = await market('/exchangeInfo');
  const symbols = info.symbols;
  const spec = symbols.find((s) => s.symbol === symbolArg) || symbols[0];
  const symbol = spec.symbol;
  const lower = symbol.toLowerCase();

  const picker = h('select#symbol-select', { 'aria-label': t('trade.market') },
    symbols.map((s) => h('option', { value: s.symbol, selected: s.symbol === symbol }, `${s.baseAsset}/${s.quoteAsset}`)));
  picker.addEventListener('change', () => { location.hash = `#/trade/${picker.value}`; });
  const lastEl = h('span.last-price#last-price');
  const changeEl = h('span.change');
  const chartBox = h('div.chart#chart', { role: 'img', 'aria-label': t('trade.chart') });
  const asks = bookSide('asks', 'trade.asks');
  const bids = bookSide('bids', 'trade.bids');
  const spreadEl = h('div.spread');
  const bookEl = h('section.panel.book#order-book', { 'aria-labelledby': 'book-h' },
    h('h2#book-h', { i18n: 'trade.book' }),
    h('div.book-head', {}, h('span', { i18n: 'trade.price' }), h('span', { i18n: 'trade.quantity' })),
    asks.el, spreadEl, bids.el);
  const tradeRows = [];
  const tradesBody = h('div.trade-rows');
  for (let i = 0; i < TRADE_ROWS; i++) {
    const r = { price: h('span.price'), qty: h('span.qty'), time: h('span.time') };
    tradesBody.append(h('div.trade-row', {}, r.price, r.qty, r.time));
    tradeRows.push(r);
  }
  const tradesEl = h('section.panel.trades#recent-trades', { 'aria-labelledby': 'trades-h' },
    h('h2#trades-h', { i18n: 'trade.recentTrades' }),
    h('div.book-head', {}, h('span', { i18n: 'trade.price' }), h('span', { i18n: 'trade.quantity' }), h('span', { i18n: 'trade.time' })),
    tradesBody);
  const formBox = h('section.panel.form#order-entry', { 'aria-labelledby': 'form-h' }, h('h2#form-h', { i18n: 'trade.placeOrder' }));
  const privateBox = h('section.panel.private#account-panel');

  view.append(h('div.terminal', {},
    h('div.market-head', {}, picker, lastEl, changeEl),
    h('section.panel.chart-panel', { 'aria-label': t('trade.chart') }, chartBox),
    bookEl, tradesEl, formBox, privateBox));

  // Account side first: it works without the market data.
  const user = currentUser();
  let panel = null;
  if (user) {
    panel = accountPanel(privateBox, spec, symbols);
    formBox.append(orderForm(spec, () => panel.refresh()));
    panel.refresh();
  } else {
    formBox.append(h('p', {}, h('a', { href: `#/login/${encodeURIComponent(`/trade/${symbol}`)}`, i18n: 'trade.signInToTrade' })));
    privateBox.hidden = true;
  }

  // Order book: diff-depth with snapshot sync, rendered at most once per frame.
  const book = new LocalBook(() => market('/depth', { symbol, limit: 1000 }), () => scheduleBook());
  let rendered = 0;
  const scheduleBook = frameBatcher(() => {
    const top = book.top(BOOK_ROWS);
    const maxQty = Math.max(1e-18, ...top.bids.map((l) => Number(l[1])), ...top.asks.map((l) => Number(l[1])));
    // Asks read upwards from the spread: the best ask sits in the last row.
    fill(asks.rows, Array.from({ length: BOOK_ROWS }, (_, i) => top.asks[BOOK_ROWS - 1 - i]), maxQty);
    fill(bids.rows, top.bids, maxQty);
    spreadEl.textContent = top.bids.length && top.asks.length
      ? t('trade.spread', { value: (Number(top.asks[0][0]) - Number(top.bids[0][0])).toFixed(decimals(spec)) }) : '';
    rendered += 1;
    bookEl.dataset.lastUpdateId = String(book.lastUpdateId);
    bookEl.dataset.renders = String(rendered);
    bookEl.dataset.diffsApplied = String(book.updatesApplied);
  });

  // Recent trades.
  const trades = (await market('/trades', { symbol, limit: TRADE_ROWS })).reverse()
    .map((x) => ({ p: x.price, q: x.qty, T: x.time, m: x.isBuyerMaker }));
  const scheduleTrades = frameBatcher(() => {
    for (let i = 0; i < TRADE_ROWS; i++) {
      const x = trades[i];
      const r = tradeRows[i];
      r.price.textContent = x ? x.p : '';
      r.price.dataset.dir = x ? (x.m ? 'down' : 'up') : '';
      r.qty.textContent = x ? x.q : '';
      r.time.textContent = x ? new Date(x.T).toLocaleTimeString() : '';
    }
    if (trades[0]) lastEl.textContent = trades[0].p;
  });
  scheduleTrades();

  // Ticker line.
  const ticker = await market('/ticker/24hr', { symbol });
  const showTicker = (last, open) => {
    if (Number(last) > 0) lastEl.textContent = last;
    const pct = Number(open) ? ((Number(last) - Number(open)) / Number(open)) * 100 : null;
    changeEl.textContent = pct === null ? '' : `${pct >= 0 ? '+' : ''}${pct.toFixed(2)}%`;
    changeEl.dataset.dir = pct > 0 ? 'up' : pct < 0 ? 'down' : '';
  };
  showTicker(ticker.lastPrice, ticker.openPrice);

  const chart = await createPriceChart(chartBox, symbol, spec.filters.find((f) => f.filterType === 'PRICE_FILTER').tickSize);

  let refreshTimer = null;
  const stream = new MarketStream([`${lower}@depth@100ms`, `${lower}@trade`, `${lower}@kline_1m`, `${lower}@miniTicker`],
    (name, data) => {
      if (name.endsWith('@depth@100ms')) {
        book.onDiff(data);
      } else if (name.endsWith('@trade')) {
        trades.unshift({ p: data.p, q: data.q, T: data.T, m: data.m });
        trades.length = Math.min(trades.length, TRADE_ROWS);
        scheduleTrades();
        if (panel && !refreshTimer) {
          // A trade may be one of ours: read our orders and balances again (debounced).
          refreshTimer = setTimeout(() => { refreshTimer = null; panel.refresh(); }, 300);
        }
      } else if (name.includes('@kline_')) {
        chart.onKline(data.k);
      } else if (name.endsWith('@miniTicker')) {
        showTicker(data.c, data.o);
      }
    },
    () => { book.synced = false; book.resync(); });

  const poll = panel ? setInterval(() => panel.refresh(), 5000) : null;
  return () => {
    stream.close();
    chart.remove();
    if (poll) clearInterval(poll);
    if (refreshTimer) clearTimeout(refreshTimer);
    clear(view);
  };
}

function decimals(spec) {
  return decimalsOf(spec.filters.find((f) => f.filterType === 'PRICE_FILTER').tickSize);
}
