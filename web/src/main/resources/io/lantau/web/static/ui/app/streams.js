// One combined Binance-style market stream connection (/stream?streams=a/b/c) with reconnection.
export class MarketStream {
  /** @param onMessage (streamName, data) for each message; onOpen after each (re)connect. */
  constructor(streams, onMessage, onOpen = () => {}) {
    this.streams = streams;
    this.onMessage = onMessage;
    this.onOpen = onOpen;
    this.closed = false;
    this.retryMillis = 500;
    this.connect();
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.ws = new WebSocket(`${scheme}://${location.host}/stream?streams=${this.streams.join('/')}`);
    this.ws.onopen = () => { this.retryMillis = 500; this.onOpen(); };
    this.ws.onmessage = (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.stream) this.onMessage(msg.stream, msg.data);
    };
    this.ws.onclose = () => {
      if (this.closed) return;
      setTimeout(() => !this.closed && this.connect(), this.retryMillis);
      this.retryMillis = Math.min(this.retryMillis * 2, 10_000);
    };
  }

  close() {
    this.closed = true;
    this.ws.close();
  }
}
