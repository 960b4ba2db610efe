// Candlesticks with volume (TradingView Lightweight Charts, vendored from npm): 1-minute klines from the REST API,
// then live from the @kline_1m stream.
import { createChart } from '/ui/vendor/lightweight-charts-4.2.3.mjs';
import { market } from './api.js';
import { decimalsOf } from './decimal.js';

const UP = '#1f9d74';
const DOWN = '#d9534f';

function toBar(k) {
  return {
    time: Math.floor(k.t / 1000), open: Number(k.o), high: Number(k.h), low: Number(k.l), close: Number(k.c),
  };
}

function toVolume(k) {
  return { time: Math.floor(k.t / 1000), value: Number(k.v), color: Number(k.c) >= Number(k.o) ? `${UP}80` : `${DOWN}80` };
}

/** @param tickSize the market's price step, so that the price axis shows prices as the market quotes them. */
export async function createPriceChart(container, symbol, tickSize) {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const chart = createChart(container, {
    autoSize: true,
    layout: { background: { color: 'transparent' }, textColor: dark ? '#c9d1d9' : '#1f2933', fontFamily: 'inherit' },
    grid: { vertLines: { color: dark ? '#263040' : '#eef1f4' }, horzLines: { color: dark ? '#263040' : '#eef1f4' } },
    timeScale: { timeVisible: true, secondsVisible: false },
    rightPriceScale: { scaleMargins: { top: 0.1, bottom: 0.25 } },
  });
  const candles = chart.addCandlestickSeries({
    upColor: UP, downColor: DOWN, wickUpColor: UP, wickDownColor: DOWN, borderVisible: false,
    priceFormat: { type: 'price', precision: decimalsOf(tickSize), minMove: Number(tickSize) },
  });
  const volume = chart.addHistogramSeries({ priceScaleId: 'volume', priceFormat: { type: 'volume' } });
  chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });

  const klines = await market('/klines', { symbol, interval: '1m', limit: 500 });
  const rows = klines.map(([t, o, hi, lo, c, v]) => ({ t, o, h: hi, l: lo, c, v }));
  candles.setData(rows.map(toBar));
  volume.setData(rows.map(toVolume));
  container.dataset.candles = String(rows.length);

  return {
    onKline(k) {
      candles.update(toBar(k));
      volume.update(toVolume(k));
      container.dataset.lastKline = String(k.t);
    },
    remove() {
      chart.remove();
    },
  };
}
