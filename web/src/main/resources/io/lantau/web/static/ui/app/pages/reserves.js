// Proof of reserves: the latest published root (public), the client's own inclusion proof (session), checked here
// in the browser by reserves-verify.js. The proof is shown as editable JSON so that a client can also check a file
// they saved earlier, or see that a changed one fails; the server is never asked whether a proof is good.
import { native, ApiError } from '../api.js';
import { h, clear, statusLine, showStatus } from '../dom.js';
import { t } from '../i18n.js';
import { currentUser } from '../session.js';
import { verifyProof, formatAmount } from '../reserves-verify.js';

export async function mount(view) {
  const rootBox = h('div#reserves-root');
  const resultBox = h('div#reserves-result', { role: 'status', 'aria-live': 'polite' });
  const proofText = h('textarea#reserves-proof', { rows: 14, spellcheck: 'false', 'aria-labelledby': 'proof-h' });
  const status = statusLine('reserves-status');
  const verify = h('button.primary#reserves-verify', { type: 'button', i18n: 'reserves.verify' });
  const download = h('button#reserves-download', { type: 'button', i18n: 'reserves.download', disabled: true });
  view.append(h('section.page', {}, h('h1', { i18n: 'reserves.title' }), h('p.hint', { i18n: 'reserves.intro' }),
    h('section.panel', { 'aria-labelledby': 'root-h' }, h('h2#root-h', { i18n: 'reserves.root' }), rootBox),
    h('section.panel', { 'aria-labelledby': 'proof-h' }, h('h2#proof-h', { i18n: 'reserves.proof' }),
      h('p.hint', { i18n: 'reserves.proofHint' }), proofText, h('div.actions', {}, verify, download), resultBox, status)));

  let published = null;
  try {
    published = await native('GET', '/reserves/root');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      rootBox.append(h('p#reserves-none', { i18n: 'reserves.noRoot' }));
      verify.disabled = true;
      return;
    }
    throw e;
  }
  const r = published.root;
  rootBox.append(h('dl.facts', {},
    h('dt', { i18n: 'reserves.rootHash' }), h('dd', {}, h('code#reserves-root-hash.wrap', { text: r.rootHash })),
    h('dt', { i18n: 'reserves.published' }), h('dd', { text: new Date(published.publishedAt).toLocaleString() }),
    h('dt', { i18n: 'reserves.snapshot' }), h('dd', { text: `#${r.snapshotSequence} · ${new Date(r.snapshotTime).toLocaleString()}` }),
    h('dt', { i18n: 'reserves.leaves' }), h('dd', { text: String(r.leafCount) })),
  h('h3', { i18n: 'reserves.totals' }),
  h('table', {}, h('tbody', {}, r.assets.map((a) => h('tr', {}, h('th', { scope: 'row', text: a.code }),
    h('td.num', { text: r.totals[a.code] }))))));

  try {
    const proof = await native('GET', `/reserves/proof?rootId=${published.id}`);
    proofText.value = JSON.stringify(proof, null, 2);
    download.disabled = false;
  } catch (e) {
    showStatus(status, e instanceof ApiError && e.code === 'NOT_IN_RESERVES_ROOT' ? t('reserves.notIncluded') : e.message);
  }

  download.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([proofText.value], { type: 'application/json' }));
    const a = h('a', { href: url, download: `lantau-proof-${published.id}.json` });
    a.click();
    URL.revokeObjectURL(url);
  });

  verify.addEventListener('click', async () => {
    clear(resultBox);
    let proof;
    try {
      proof = JSON.parse(proofText.value);
    } catch (e) {
      show(false, `${t('reserves.notJson')}: ${e.message}`);
      return;
    }
    const outcome = await verifyProof(proof, currentUser().userId);
    if (!outcome.ok) { show(false, outcome.problem); return; }
    if (outcome.rootHash !== r.rootHash) {
      show(false, null, { i18n: 'reserves.otherRoot', i18nParams: { hash: outcome.rootHash } });
      return;
    }
    show(true, null, { i18n: 'reserves.verifiedDetail', i18nParams: { hash: outcome.rootHash } });
    resultBox.append(h('table', {}, h('thead', {}, h('tr', {}, h('th', { i18n: 'panel.asset' }),
      h('th.num', { i18n: 'reserves.yourBalance' }), h('th.num', { i18n: 'reserves.total' }))),
    h('tbody', {}, outcome.assets.map((a, i) => h('tr', {}, h('th', { scope: 'row', text: a.code }),
      h('td.num', { text: formatAmount(outcome.balances[i], a.scale) }),
      h('td.num', { text: formatAmount(outcome.totals[i], a.scale) }))))));
  });

  /** The verdict, and its detail: the verifier's own words (a failure), or a translated message. */
  function show(ok, detail, message) {
    resultBox.dataset.outcome = ok ? 'verified' : 'failed';
    resultBox.append(h(`p.verdict.${ok ? 'ok' : 'bad'}#reserves-verdict`, { i18n: ok ? 'reserves.verified' : 'reserves.notVerified' }),
      h('p#reserves-detail', message || { text: detail }));
  }
}
