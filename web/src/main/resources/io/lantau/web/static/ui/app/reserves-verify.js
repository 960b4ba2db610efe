// The client's own check of a proof of reserves (PoR-2, PoR-4), done in the browser and trusting nothing from the
// server but the proof file: the same hashing as io.lantau.custody.reserves.ReservesHashing and the same checks as
// ReservesVerifier, with crypto.subtle's SHA-256 and BigInt amounts (no floating point).
//   account id hash = SHA-256("lantau-por-account-v1" ‖ accountId(8))
//   leaf  = SHA-256(0x00 ‖ accountIdHash ‖ salt ‖ n(4) ‖ per asset: len(code)(1) ‖ code ‖ scale(1) ‖ balance(8))
//   node  = SHA-256(0x01 ‖ h(4) ‖ leftHash ‖ leftSums(8·n) ‖ rightHash ‖ rightSums(8·n))
//   root  = SHA-256(0x03 ‖ topHash ‖ topSums(8·n) ‖ seq(8) ‖ epochSeconds(8) ‖ nanos(4) ‖ height(4) ‖ leafCount(4))
// Integers are big-endian, amounts signed 64-bit minor units.

const FORMAT = 'lantau-reserves-proof/1';
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

class ProofError extends Error {}

/** Concatenates byte pieces built by the helpers below. */
function bytes(...parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function u8(v) { return Uint8Array.of(v & 0xff); }

function int32(v) {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, Number(v));
  return b;
}

function int64(v) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(v));
  return b;
}

function hexToBytes(hex, what) {
  if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) throw new ProofError(`${what} is not 64 lower-case hex digits`);
  return Uint8Array.from(hex.match(/../g), (x) => parseInt(x, 16));
}

export function toHex(b) {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

async function sha256(data) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

/** A decimal string of whole units → BigInt minor units at scale (as AssetUnit.parse: no more decimals than scale). */
export function parseAmount(text, scale, what) {
  const m = typeof text === 'string' ? /^(-?)(\d+)(?:\.(\d+))?$/.exec(text) : null;
  if (!m || (m[3] || '').length > scale) throw new ProofError(`${what} is not a decimal with at most ${scale} decimals: ${text}`);
  const v = BigInt(m[2] + (m[3] || '').padEnd(scale, '0')) * (m[1] ? -1n : 1n);
  if (v < LONG_MIN || v > LONG_MAX) throw new ProofError(`${what} is out of range`);
  return v;
}

export function formatAmount(v, scale) {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '');
  return (neg ? '-' : '') + whole;
}

/** "2026-11-29T08:00:00.123456789Z" → {seconds, nanos}, exactly (Java's Instant.toString output). */
function parseInstant(text) {
  const m = typeof text === 'string' ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?Z$/.exec(text) : null;
  const ms = m ? Date.parse(`${m[1]}Z`) : NaN;
  if (Number.isNaN(ms)) throw new ProofError(`root.snapshotTime is not an ISO-8601 instant: ${text}`);
  return { seconds: BigInt(ms / 1000), nanos: Number((m[2] || '').padEnd(9, '0')) };
}

function heightFor(leafCount) {
  return leafCount <= 1 ? 0 : (leafCount - 1).toString(2).length;
}

function amounts(obj, assets, what) {
  if (!obj || typeof obj !== 'object') throw new ProofError(`${what} is not an object`);
  if (Object.keys(obj).length !== assets.length) throw new ProofError(`${what} has assets the root does not list`);
  return assets.map((a) => parseAmount(obj[a.code], a.scale, `${what}.${a.code}`));
}

function requireNonNegative(values, assets, what) {
  values.forEach((v, i) => {
    if (v < 0n) throw new ProofError(`${what} in ${assets[i].code} is negative (${formatAmount(v, assets[i].scale)}): a negative leaf would hide liabilities (PoR-4)`);
  });
}

function integer(v, what) {
  if (!Number.isSafeInteger(v) || v < 0) throw new ProofError(`${what} is not a non-negative integer`);
  return v;
}

export async function accountIdHash(accountId) {
  return sha256(bytes(new TextEncoder().encode('lantau-por-account-v1'), int64(accountId)));
}

async function leafHash(idHash, salt, assets, balances) {
  const enc = new TextEncoder();
  const parts = [u8(0), idHash, salt, int32(assets.length)];
  assets.forEach((a, i) => {
    const code = enc.encode(a.code);
    parts.push(u8(code.length), code, u8(a.scale), int64(balances[i]));
  });
  return sha256(bytes(...parts));
}

async function nodeHash(height, leftHash, leftSums, rightHash, rightSums) {
  return sha256(bytes(u8(1), int32(height), leftHash, ...leftSums.map(int64), rightHash, ...rightSums.map(int64)));
}

async function rootHash(topHash, topSums, root, time) {
  return sha256(bytes(u8(3), topHash, ...topSums.map(int64), int64(root.snapshotSequence), int64(time.seconds),
    int32(time.nanos), int32(root.treeHeight), int32(root.leafCount)));
}

/**
 * Verifies a PROOF.json object. expectedAccountId (optional): the leaf must be this account's.
 * @return {ok: true, rootHash, balances, totals} or {ok: false, problem}
 */
export async function verifyProof(proof, expectedAccountId) {
  try {
    if (!proof || proof.format !== FORMAT) throw new ProofError(`format is ${proof?.format}, expected ${FORMAT}`);
    const { root, leaf, path } = proof;
    if (!root || !leaf || !Array.isArray(path)) throw new ProofError('root, leaf or path is missing');
    const assets = root.assets;
    if (!Array.isArray(assets) || !assets.length) throw new ProofError('root.assets is not a non-empty array');
    const totals = amounts(root.totals, assets, 'root.totals');
    const balances = amounts(leaf.balances, assets, 'leaf.balances');
    const leafCount = integer(root.leafCount, 'root.leafCount');
    const height = integer(root.treeHeight, 'root.treeHeight');
    const index = integer(leaf.index, 'leaf.index');
    integer(root.snapshotSequence, 'root.snapshotSequence');
    if (leafCount < 1 || height !== heightFor(leafCount)) throw new ProofError(`a tree of ${leafCount} leaves cannot have height ${height}`);
    if (index >= leafCount) throw new ProofError(`leaf index ${index} is outside the tree's ${leafCount} leaves`);
    if (path.length !== height) throw new ProofError(`the path has ${path.length} siblings, the tree's height is ${height}`);
    requireNonNegative(balances, assets, "the leaf's balance");
    requireNonNegative(totals, assets, 'the published total');
    const idHash = hexToBytes(leaf.accountIdHash, 'leaf.accountIdHash');
    if (expectedAccountId !== undefined && expectedAccountId !== null
        && toHex(idHash) !== toHex(await accountIdHash(expectedAccountId))) {
      throw new ProofError(`the leaf is not account ${expectedAccountId}'s: its accountIdHash differs`);
    }
    let hash = await leafHash(idHash, hexToBytes(leaf.salt, 'leaf.salt'), assets, balances);
    let sums = balances;
    let at = BigInt(index);
    for (let h = 1; h <= height; h++) {
      const sibling = path[h - 1];
      const siblingSums = amounts(sibling?.sums, assets, `path[${h - 1}].sums`);
      requireNonNegative(siblingSums, assets, `the sibling at height ${h - 1}'s sum`);
      const siblingHash = hexToBytes(sibling.hash, `path[${h - 1}].hash`);
      hash = (at & 1n) === 1n ? await nodeHash(h, siblingHash, siblingSums, hash, sums)
        : await nodeHash(h, hash, sums, siblingHash, siblingSums);
      sums = sums.map((s, i) => {
        const sum = s + siblingSums[i];
        if (sum > LONG_MAX) throw new ProofError(`the ${assets[i].code} sum overflows at height ${h}`);
        return sum;
      });
      at >>= 1n;
    }
    const computed = toHex(await rootHash(hash, sums, root, parseInstant(root.snapshotTime)));
    if (computed !== root.rootHash) throw new ProofError(`root hash mismatch: the path gives ${computed}, the root states ${root.rootHash}`);
    assets.forEach((a, i) => {
      if (sums[i] !== totals[i]) {
        throw new ProofError(`total ${a.code} mismatch: the path gives ${formatAmount(sums[i], a.scale)}, the root states ${formatAmount(totals[i], a.scale)}`);
      }
    });
    return { ok: true, rootHash: computed, assets, balances, totals };
  } catch (e) {
    if (e instanceof ProofError) return { ok: false, problem: e.message };
    return { ok: false, problem: `malformed proof: ${e.message}` };
  }
}
