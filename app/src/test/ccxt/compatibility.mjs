// Drives a running Lantau with CCXT exactly as a Binance user would, configured as BINANCE_COMPAT.md §1 says and
// otherwise unmodified. Prints one line per check; exits non-zero on the first failure.
// Environment: LANTAU_URL (http://127.0.0.1:PORT), A_KEY/A_SECRET and B_KEY/B_SECRET (funded traders: A has BTC,
// B has HKD), C_KEY/C_SECRET (a trader used to hit the order rate limit).
import ccxt from 'ccxt';

const base = process.env.LANTAU_URL;
const wsBase = base.replace(/^http/, 'ws');
const SYMBOL = 'BTC/HKD';

function exchange(key, secret, extra = {}) {
  const api = {
    public: `${base}/api/v3`, private: `${base}/api/v3`, v1: `${base}/api/v1`,
    sapi: `${base}/sapi/v1`, fapiPublic: `${base}/fapi/v1`, dapiPublic: `${base}/dapi/v1`,
    ws: { spot: `${wsBase}/ws`, 'ws-api': { spot: `${wsBase}/ws-api/v3` } },
  };
  return new ccxt.pro.binance({
    apiKey: key, secret, enableRateLimit: true, timeout: 15000,
    urls: { api },
    options: {
      defaultType: 'spot', fetchMarkets: { types: ['spot'] }, fetchCurrencies: false, fetchMargins: false,
      adjustForTimeDifference: false, fetchOpenOrders: { warnWithoutSymbol: false },
      ...(extra.options || {}),
    },
    ...(extra.top || {}),
  });
}

let checks = 0;
function ok(name, condition, detail) {
  checks++;
  if (!condition) {
    console.log(`FAIL ${name}: ${JSON.stringify(detail)}`);
    process.exit(1);
  }
  console.log(`ok   ${name}`);
}

async function expectError(name, cls, fn) {
  try {
    await fn();
  } catch (e) {
    ok(name, e instanceof cls, `${e.constructor.name}: ${e.message}`);
    return;
  }
  ok(name, false, 'no error was raised');
}

async function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout: ${what}`)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const a = exchange(process.env.A_KEY, process.env.A_SECRET);
const b = exchange(process.env.B_KEY, process.env.B_SECRET);
await a.loadHttpProxyAgent();
await b.loadHttpProxyAgent();

// Markets and public data
const markets = await a.loadMarkets();
ok('loadMarkets has BTC/HKD', markets[SYMBOL] && markets[SYMBOL].active === true && markets[SYMBOL].spot === true,
  markets[SYMBOL]);
ok('market precision from filters', markets[SYMBOL].precision.price === 10 && markets[SYMBOL].precision.amount === 0.001,
  markets[SYMBOL].precision);
await b.loadMarkets();

// Live feeds subscribed before trading, so they see what follows.
const bookWatch = a.watchOrderBook(SYMBOL);
const tradesWatch = a.watchTrades(SYMBOL);
const tickerWatch = a.watchTicker(SYMBOL);
const ohlcvWatch = a.watchOHLCV(SYMBOL, '1m');
const ordersWatch = a.watchOrders(SYMBOL);
const balanceWatch = a.watchBalance();
await new Promise((r) => setTimeout(r, 1500));

// Trading between A (seller) and B (buyer)
const maker = await a.createOrder(SYMBOL, 'limit', 'sell', 0.5, 700000);
ok('createOrder limit rests', maker.status === 'open' && maker.amount === 0.5 && maker.price === 700000, maker);
const postOnly = await a.createOrder(SYMBOL, 'limit', 'sell', 0.1, 710000, { postOnly: true });
ok('createOrder post-only rests', postOnly.status === 'open', postOnly);

const book = await within(10000, bookWatch, 'watchOrderBook');
ok('watchOrderBook delivers the book', Array.isArray(book.asks), book.asks);

const taker = await b.createOrder(SYMBOL, 'limit', 'buy', 0.2, 700000);
ok('crossing limit order fills', taker.status === 'closed' && taker.filled === 0.2, taker);
const market = await b.createOrder(SYMBOL, 'market', 'buy', 0.05);
ok('createOrder market fills', market.status === 'closed' && market.filled === 0.05, market);
const byCost = await b.createOrder(SYMBOL, 'market', 'buy', undefined, undefined, { cost: 14000 });
ok('createOrder market buy by cost fills', byCost.filled > 0 && byCost.cost <= 14000, byCost);

const trades = await within(10000, tradesWatch, 'watchTrades');
ok('watchTrades delivers trades', trades.length > 0 && trades[0].price === 700000, trades[0]);
const ticker = await within(10000, tickerWatch, 'watchTicker');
ok('watchTicker delivers the ticker', ticker.symbol === SYMBOL && ticker.last === 700000, ticker);
const candles = await within(70000, ohlcvWatch, 'watchOHLCV');
ok('watchOHLCV delivers candles', candles.length > 0 && candles[candles.length - 1][4] === 700000, candles);
const myOrders = await within(10000, ordersWatch, 'watchOrders');
ok('watchOrders delivers own orders', myOrders.length > 0 && myOrders.every((o) => o.symbol === SYMBOL), myOrders);
const balance = await within(10000, balanceWatch, 'watchBalance');
ok('watchBalance delivers balances', balance.BTC !== undefined, balance);

// Public REST
const t = await a.fetchTicker(SYMBOL);
ok('fetchTicker', t.last === 700000 && t.baseVolume > 0, t);
const ts = await a.fetchTickers([SYMBOL, 'ETH/HKD']);
ok('fetchTickers', ts[SYMBOL] !== undefined && ts['ETH/HKD'] !== undefined, Object.keys(ts));
const ob = await a.fetchOrderBook(SYMBOL);
ok('fetchOrderBook', ob.asks.length > 0 && ob.asks[0][0] === 700000, ob.asks);
const ohlcv = await a.fetchOHLCV(SYMBOL, '1m');
ok('fetchOHLCV', ohlcv.length > 0 && ohlcv[ohlcv.length - 1][4] === 700000, ohlcv);
const publicTrades = await a.fetchTrades(SYMBOL);
ok('fetchTrades', publicTrades.length > 0, publicTrades.length);

// Private REST
const bal = await b.fetchBalance();
ok('fetchBalance', bal.BTC.free > 0.25 && bal.HKD.total > 0, bal.BTC);
const fetched = await a.fetchOrder(maker.id, SYMBOL);
ok('fetchOrder', fetched.id === maker.id && fetched.filled > 0.2, fetched);
const open = await a.fetchOpenOrders(SYMBOL);
ok('fetchOpenOrders', open.length === 2, open.map((o) => o.id));
const canceled = await a.cancelOrder(postOnly.id, SYMBOL);
ok('cancelOrder', canceled.status === 'canceled', canceled);
await a.createOrder(SYMBOL, 'limit', 'sell', 0.01, 720000);
const cancelAll = await a.cancelAllOrders(SYMBOL);
ok('cancelAllOrders', Array.isArray(cancelAll) && cancelAll.length === 2, cancelAll);
const openAfter = await a.fetchOpenOrders(SYMBOL);
ok('no open orders after cancelAllOrders', openAfter.length === 0, openAfter);
const mine = await b.fetchMyTrades(SYMBOL);
ok('fetchMyTrades', mine.length >= 3 && mine.every((x) => x.side === 'buy'), mine.length);

// Errors map to CCXT's own classes
await expectError('insufficient balance -> InsufficientFunds', ccxt.InsufficientFunds,
  () => b.createOrder(SYMBOL, 'limit', 'buy', 1000, 700000));
await expectError('unknown order -> OrderNotFound', ccxt.OrderNotFound, () => a.fetchOrder('999999999', SYMBOL));
await expectError('cancel of unknown order -> OrderNotFound', ccxt.OrderNotFound,
  () => a.cancelOrder('999999999', SYMBOL));
await expectError('bad symbol -> BadSymbol', ccxt.BadSymbol,
  () => a.publicGetTicker24hr({ symbol: 'NOPENOPE' }));
await expectError('post-only that would take -> OrderImmediatelyFillable', ccxt.OrderImmediatelyFillable,
  async () => {
    await a.createOrder(SYMBOL, 'limit', 'sell', 0.01, 700000);
    try {
      await b.createOrder(SYMBOL, 'limit', 'buy', 0.01, 700000, { postOnly: true });
    } finally {
      await a.cancelAllOrders(SYMBOL);
    }
  });
await expectError('price filter violation -> InvalidOrder', ccxt.InvalidOrder,
  () => b.privatePostOrder({ symbol: 'BTCHKD', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC',
    quantity: '0.001', price: '700005' }));
const badSig = exchange(process.env.A_KEY, 'not-the-secret');
await expectError('bad signature -> AuthenticationError', ccxt.AuthenticationError, () => badSig.fetchBalance());
const stale = exchange(process.env.A_KEY, process.env.A_SECRET, { options: { timeDifference: 120000 } });
await expectError('stale timestamp -> InvalidNonce', ccxt.InvalidNonce, () => stale.fetchBalance());
const hasty = exchange(process.env.C_KEY, process.env.C_SECRET, { top: { enableRateLimit: false } });
await hasty.loadMarkets();
await expectError('order rate limit -> RateLimitExceeded or DDoSProtection', ccxt.NetworkError, async () => {
  const orders = [];
  for (let i = 0; i < 80; i++) {
    orders.push(hasty.createOrder(SYMBOL, 'limit', 'buy', 0.001, 100000));
  }
  await Promise.all(orders);
});

await a.close();
await b.close();
console.log(`${checks} passed, 0 failed`);
process.exit(0);
