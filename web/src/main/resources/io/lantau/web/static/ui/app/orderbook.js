// A local order book kept in step with the server the way Binance clients do it: buffer the diff-depth stream,
// take a REST snapshot, drop events it already covers, then apply each event whose first update id follows the last
// one applied. A gap means the local book can no longer be trusted: it resynchronises from a new snapshot.
export class LocalBook {
  constructor(fetchSnapshot, onChange) {
    this.fetchSnapshot = fetchSnapshot;
    this.onChange = onChange;
    this.bids = new Map();
    this.asks = new Map();
    this.lastUpdateId = 0;
    this.buffer = [];
    this.synced = false;
    this.syncing = false;
    this.updatesApplied = 0;
  }

  /** A depthUpdate event {U, u, b, a}. */
  onDiff(event) {
    if (!this.synced) {
      this.buffer.push(event);
      if (!this.syncing) this.resync();
      return;
    }
    if (event.u <= this.lastUpdateId) return;
    if (event.U > this.lastUpdateId + 1) {
      this.synced = false;
      this.buffer = [event];
      this.resync();
      return;
    }
    this.apply(event);
    this.onChange();
  }

  async resync() {
    this.syncing = true;
    try {
      const snap = await this.fetchSnapshot();
      this.bids = new Map(snap.bids.map(([p, q]) => [p, q]));
      this.asks = new Map(snap.asks.map(([p, q]) => [p, q]));
      this.lastUpdateId = snap.lastUpdateId;
      const pending = this.buffer.filter((e) => e.u > this.lastUpdateId);
      this.buffer = [];
      if (pending.length && pending[0].U > this.lastUpdateId + 1) {
        // The snapshot is older than the first buffered event: take another.
        this.buffer = pending;
        this.syncing = false;
        return this.resync();
      }
      for (const e of pending) {
        if (e.U > this.lastUpdateId + 1) { this.buffer = [e]; this.syncing = false; return this.resync(); }
        this.apply(e);
      }
      this.synced = true;
      this.onChange();
    } catch (e) {
      setTimeout(() => this.resync(), 1000);
      return undefined;
    } finally {
      this.syncing = false;
    }
    return undefined;
  }

  apply(e) {
    for (const [p, q] of e.b) setLevel(this.bids, p, q);
    for (const [p, q] of e.a) setLevel(this.asks, p, q);
    this.lastUpdateId = e.u;
    this.updatesApplied += 1;
  }

  /** @return the best n levels per side as [price, qty] strings, bids high to low, asks low to high. */
  top(n) {
    return {
      bids: sortedLevels(this.bids, -1).slice(0, n),
      asks: sortedLevels(this.asks, 1).slice(0, n),
    };
  }
}

function setLevel(side, price, qty) {
  if (Number(qty) === 0) side.delete(price); else side.set(price, qty);
}

function sortedLevels(side, dir) {
  return [...side.entries()].sort((x, y) => dir * (Number(x[0]) - Number(y[0])));
}
