// Markets: every symbol of exchangeInfo with last price, 24 h change and volume, live from !miniTicker@arr.
import { market } from '../api.js';
import { h } from '../dom.js';
import { MarketStream } from '../streams.js';
import { frameBatcher } from '../frame.js';

function changePercent(last, open) {
  const o = Number(open);
  if (!o) return null;
  return ((Number(last) - o) / o) * 100;
}

export async function mount(view) {
  const tbody = h('tbody');
  view.append(h('section.page', {},
    h('h1', { i18n: 'markets.title' }),
    h('div.table-wrap', {}, h('table.markets', { 'aria-describedby': 'markets-note' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', i18n: 'markets.symbol' }),
        h('th.num', { scope: 'col', i18n: 'markets.last' }),
        h('th.num', { scope: 'col', i18n: 'markets.change' }),
        h('th.num', { scope: 'col', i18n: 'markets.high' }),
        h('th.num', { scope: 'col', i18n: 'markets.low' }),
        h('th.num', { scope: 'col', i18n: 'markets.volume' }),
        h('th.num', { scope: 'col', i18n: 'markets.quoteVolume' }))),
      tbody)),
    h('p.note#markets-note', { i18n: 'markets.note' })));

  const [info, tickers] = await Promise.all([market('/exchangeInfo'), market('/ticker/24hr')]);
  const rows = new Map();
  const state = new Map();
  for (const s of info.symbols) {
    const cells = {
      last: h('td.num'), change: h('td.num'), high: h('td.num'), low: h('td.num'), volume: h('td.num'),
      quote: h('td.num'),
    };
    const tr = h('tr', { dataset: { symbol: s.symbol } },
      h('th', { scope: 'row' }, h('a', { href: `#/trade/${s.symbol}` }, `${s.baseAsset}/${s.quoteAsset}`)),
      cells.last, cells.change, cells.high, cells.low, cells.volume, cells.quote);
    rows.set(s.symbol, cells);
    tbody.append(tr);
  }
  for (const tk of tickers) {
    state.set(tk.symbol, { c: tk.lastPrice, o: tk.openPrice, h: tk.highPrice, l: tk.lowPrice, v: tk.volume, q: tk.quoteVolume, count: tk.count });
  }
  const dirty = new Set(state.keys());
  const render = () => {
    for (const symbol of dirty) {
      const cells = rows.get(symbol);
      const tk = state.get(symbol);
      if (!cells || !tk) continue;
      const traded = tk.count === undefined || tk.count > 0 || Number(tk.v) > 0;
      cells.last.textContent = traded ? tk.c : '–';
      const pct = traded ? changePercent(tk.c, tk.o) : null;
      cells.change.textContent = pct === null ? '–' : `${pct >= 0 ? '+' : ''}${pct.toFixed(2)}%`;
      cells.change.dataset.dir = pct === null ? '' : pct > 0 ? 'up' : pct < 0 ? 'down' : '';
      cells.high.textContent = traded ? tk.h : '–';
      cells.low.textContent = traded ? tk.l : '–';
      cells.volume.textContent = tk.v;
      cells.quote.textContent = tk.q;
    }
    dirty.clear();
  };
  render();
  const schedule = frameBatcher(render);
  const stream = new MarketStream(['!miniTicker@arr'], (name, data) => {
    for (const m of data) {
      state.set(m.s, { c: m.c, o: m.o, h: m.h, l: m.l, v: m.v, q: m.q });
      dirty.add(m.s);
    }
    schedule();
  });
  return () => stream.close();
}
