// The fair draw of a drop, recomputed in the browser exactly as io.lantau.collectibles.DrawVerifier documents it, from
// what GET /collectibles/drops/{id}/result publishes (entries, supply, the commitment and the revealed seed):
//  1. commitment = hex(SHA-256(seed));
//  2. tickets: entries by account id ascending, each entry of quantity q giving q tickets of its account id;
//  3. random stream: block i = SHA-256(seed || "lantau-draw" || i as 8 bytes big-endian), four unsigned 64-bit
//     big-endian words per block, read in order;
//  4. index below n: next word w, rejected while w >= 2^64 - (2^64 mod n), else w mod n (no modulo bias);
//  5. Fisher-Yates from the last ticket down: for i = n-1 .. 1, j = index below (i+1), swap i and j;
//  6. winners: the first min(supply, n) tickets.
// Account ids and words are BigInt (no floating point); hashing is crypto.subtle's SHA-256.
const DOMAIN = new TextEncoder().encode('lantau-draw');
const TWO_64 = 1n << 64n;

async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** @return the bytes of a hex string, or null when it is not hex of whole bytes. */
export function fromHex(hex) {
  const text = String(hex).trim().toLowerCase();
  if (!/^([0-9a-f]{2})+$/.test(text)) return null;
  return Uint8Array.from(text.match(/../g), (b) => parseInt(b, 16));
}

function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** @return the commitment to a seed: lower-case hex SHA-256 (step 1). */
export async function commitment(seed) {
  return toHex(await sha256(seed));
}

/** The SHA-256 counter stream of step 3 with the unbiased index of step 4. */
class Stream {
  constructor(seed) {
    this.seed = seed;
    this.counter = 0n;
    this.words = [];
  }

  async next() {
    if (!this.words.length) {
      const input = new Uint8Array(this.seed.length + DOMAIN.length + 8);
      input.set(this.seed, 0);
      input.set(DOMAIN, this.seed.length);
      new DataView(input.buffer).setBigUint64(this.seed.length + DOMAIN.length, this.counter);
      this.counter += 1n;
      const view = new DataView((await sha256(input)).buffer);
      for (let k = 0; k < 4; k++) this.words.push(view.getBigUint64(k * 8));
    }
    return this.words.shift();
  }

  async below(n) {
    const limit = TWO_64 - (TWO_64 % n);
    for (;;) {
      const w = await this.next();
      if (w < limit) return w % n;
    }
  }
}

/** @return the winning account ids (BigInt) by position, for entries [{accountId, quantity}] and the supply. */
export async function winners(seed, entries, supply) {
  const sorted = entries.map((e) => ({ accountId: BigInt(e.accountId), quantity: Number(e.quantity) }))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  const tickets = [];
  for (const e of sorted) for (let q = 0; q < e.quantity; q++) tickets.push(e.accountId);
  const stream = new Stream(seed);
  for (let i = tickets.length - 1; i > 0; i--) {
    const j = Number(await stream.below(BigInt(i + 1)));
    [tickets[i], tickets[j]] = [tickets[j], tickets[i]];
  }
  return tickets.slice(0, Math.min(Number(supply), tickets.length));
}

/**
 * Checks a published result against a seed: whether the seed is the one committed to, and whether the recomputed
 * winners are the published positions, in order. @return {seedValid, commitmentOk, winnersOk, recomputed, published}
 */
export async function verifyDraw(seedHex, result) {
  const seed = fromHex(seedHex);
  const published = [...result.positions].sort((a, b) => a.position - b.position).map((p) => BigInt(p.accountId));
  if (!seed) return { seedValid: false, commitmentOk: false, winnersOk: false, recomputed: [], published };
  const commitmentOk = (await commitment(seed)) === String(result.drop.seedCommitment).toLowerCase();
  const recomputed = await winners(seed, result.entries, result.drop.supply);
  const winnersOk = recomputed.length === published.length && recomputed.every((a, k) => a === published[k]);
  return { seedValid: true, commitmentOk, winnersOk, recomputed, published };
}
