// The compliance console, for staff only (GET /staff/me; a client is sent back to the markets): the KYC review queue
// with each case's identity and documents and approve / reject (HK-06), open screening cases (HK-24), the token
// admission register and its committee decisions (HK-10 .. HK-14), the audit trail's verification (HK-33) and, for
// custody officers and admins, publishing a proof-of-reserves root (PoR-2). What a role may not read shows the
// server's refusal in its panel; the server decides who may do what.
import { native, ApiError } from '../api.js';
import { h, clear, field, statusLine, showStatus } from '../dom.js';
import { t } from '../i18n.js';
import { staffRoles } from '../staff.js';

function table(heads, rows) {
  return h('div.table-wrap', {}, h('table', {}, h('thead', {}, h('tr', {}, heads.map((k) => h('th', { scope: 'col', i18n: k })))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td.empty', { colspan: heads.length, i18n: 'panel.none' })))));
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** A panel whose body is filled by load(box); a refusal (a role that may not read it) is shown in the panel. */
function panel(id, titleKey, load) {
  const box = h('div');
  const status = statusLine(`${id}-status`);
  const section = h(`section.panel#${id}`, { 'aria-labelledby': `${id}-h` }, h(`h2#${id}-h`, { i18n: titleKey }), box, status);
  const reload = async () => {
    try {
      await load(clear(box), status, reload);
    } catch (e) {
      showStatus(status, e.message);
    }
  };
  return { section, reload };
}

export async function mount(view) {
  const roles = await staffRoles(true);
  if (!roles) {
    location.replace('#/markets');
    return;
  }
  const canPublish = roles.includes('CUSTODY_OFFICER') || roles.includes('OPERATOR_ADMIN');
  const parts = [
    panel('kyc-queue', 'console.kycQueue', kycQueue),
    panel('screening', 'console.screening', screening),
    panel('tokens', 'console.tokens', tokens),
    panel('audit', 'console.audit', audit),
    panel('reserves-admin', 'console.reserves', (box, status, reload) => reserves(box, status, reload, canPublish)),
    panel('custody', 'console.custody', custody),
  ];
  view.append(h('section.page', {}, h('h1', { i18n: 'console.title' }),
    h('p.hint', {}, h('span', { i18n: 'console.roles' }), ' ', h('span#console-roles', { text: roles.join(', ') })),
    parts.map((p) => p.section)));
  await Promise.all(parts.map((p) => p.reload()));
}

async function kycQueue(box, status, reload) {
  const cases = await native('GET', '/staff/kyc/cases');
  const detail = h('div#kyc-case');
  box.append(table(['console.case', 'console.account', 'kyc.nationality', 'account.residency', 'console.screeningState',
    'kyc.documents', 'console.submitted', 'panel.actions'], cases.map((c) => h('tr', { dataset: { caseId: c.caseId, accountId: c.accountId } },
    h('td', { text: `#${c.caseId}` }), h('td', { text: String(c.accountId) }), h('td', { text: c.nationality }),
    h('td', { text: c.residency }), h('td', { text: c.screening }), h('td.num', { text: String(c.documentCount) }),
    h('td', { text: when(c.submittedAt) }),
    h('td', {}, h('button.small.review', { type: 'button', i18n: 'console.review',
      onclick: () => review(c.caseId, detail, status, reload).catch((e) => showStatus(status, e.message)) }))))), detail);
}

async function review(caseId, detail, status, reload) {
  const c = await native('GET', `/staff/kyc/cases/${caseId}`);
  const id = c.identity;
  const docs = h('div.docs');
  const reason = h('input#kyc-review-reason', { maxlength: 500, required: true });
  const decide = (verb) => async () => {
    if (!reason.value.trim()) { showStatus(status, t('console.reasonNeeded')); return; }
    try {
      const decided = await native('POST', `/staff/kyc/cases/${caseId}/${verb}`, { reason: reason.value.trim() });
      showStatus(status, t('console.decided', { id: caseId, state: t(`kyc.state.${decided.state}`) }), 'ok');
      clear(detail);
      await reload();
    } catch (e) { showStatus(status, e.message); }
  };
  clear(detail).append(h('div.card', { dataset: { caseId } }, h('h3', { text: `${t('console.case')} #${caseId}` }),
    h('dl.facts', {}, [['kyc.legalName', id.legalName], ['kyc.dateOfBirth', id.dateOfBirth],
      ['kyc.idDocumentType', id.idDocumentType && t(`kyc.idType.${id.idDocumentType}`)], ['kyc.idDocumentNumber', id.idDocumentNumber],
      ['kyc.nationality', id.nationality], ['account.residency', id.residency], ['kyc.address', id.address],
      ['console.screeningState', c.screening]].map(([k, v]) => [h('dt', { i18n: k }), h('dd', { text: v ?? '' })])),
    docs, field('console.reason', reason),
    h('div.actions', {}, h('button.primary#kyc-approve', { type: 'button', i18n: 'console.approve', onclick: decide('approve') }),
      h('button.danger#kyc-reject', { type: 'button', i18n: 'console.reject', onclick: decide('reject') }))));
  for (const d of c.documents) {
    const row = h('div.doc', { dataset: { sha256: d.sha256 } }, h('span', { text: `${t(`kyc.kind.${d.kind}`)} · ${d.contentType} · ${d.sizeBytes} B` }));
    row.append(h('button.small', { type: 'button', i18n: 'console.showDocument', onclick: async (ev) => {
      ev.target.disabled = true;
      const doc = await native('GET', `/staff/kyc/cases/${caseId}/documents/${d.sha256}`);
      // Only images are drawn inline (as data: URLs, which the CSP allows for images); others are offered as a file.
      const url = `data:${doc.contentType};base64,${doc.contentBase64}`;
      row.append(/^image\/(png|jpeg|gif|webp)$/.test(doc.contentType) ? h('img.kyc-doc', { src: url, alt: t(`kyc.kind.${d.kind}`) })
        : h('a', { href: url, download: `${d.sha256}`, i18n: 'console.downloadDocument' }));
    } }));
    docs.append(row);
  }
}

async function screening(box) {
  const cases = await native('GET', '/staff/screening/cases');
  box.append(table(['console.case', 'console.account', 'console.listedName', 'console.screenedName', 'console.score', 'console.status', 'console.opened'],
    cases.map((c) => h('tr', {}, h('td', { text: `#${c.caseId}` }), h('td', { text: String(c.accountId) }),
      h('td', { text: c.listedName }), h('td', { text: c.screenedName }), h('td.num', { text: String(c.score) }),
      h('td', { text: c.status }), h('td', { text: when(c.openedAt) })))));
}

async function tokens(box) {
  const list = await native('GET', '/staff/tokens');
  const decisions = h('div#token-decisions');
  box.append(table(['console.asset', 'console.name', 'console.tokenType', 'console.status', 'console.retailEligible', 'panel.actions'],
    list.map((tk) => h('tr', { dataset: { asset: tk.assetCode } }, h('td', { text: tk.assetCode }), h('td', { text: tk.name }),
      h('td', { text: tk.tokenType }), h('td', { text: tk.status }),
      h('td', { i18n: tk.retailEligibility?.eligible ?? tk.retailEligible ? 'console.yes' : 'console.no' }),
      h('td', {}, h('button.small', { type: 'button', i18n: 'console.decisions', onclick: async () => {
        const ds = await native('GET', `/staff/tokens/${tk.assetCode}/decisions`);
        clear(decisions).append(h('h3', { text: `${tk.assetCode} · ${t('console.decisions')}` }),
          table(['console.outcome', 'console.votes', 'console.reasons', 'console.decided'], ds.map((d) => h('tr', {},
            h('td', { text: d.outcome }), h('td', { text: (d.votes || []).map((v) => `${v.voterId}:${v.inFavour ? '✓' : '✗'}`).join(' ') }),
            h('td', { text: [].concat(d.reasons || []).join('; ') }), h('td', { text: when(d.decidedAt) })))));
      } }))))), decisions);
}

async function audit(box) {
  const v = await native('GET', '/staff/audit/verify');
  box.append(h(`p.verdict.${v.ok ? 'ok' : 'bad'}#audit-verdict`, { dataset: { ok: String(v.ok) }, i18n: v.ok ? 'console.auditOk' : 'console.auditBroken' }),
    h('dl.facts', {}, h('dt', { i18n: 'console.recordsChecked' }), h('dd#audit-records', { text: String(v.recordsChecked) }),
      h('dt', { i18n: 'console.headSequence' }), h('dd', { text: String(v.headSequence ?? '') }),
      h('dt', { i18n: 'console.headHash' }), h('dd', {}, h('code.wrap', { text: v.headHash ?? '' })),
      v.ok ? null : [h('dt', { i18n: 'console.problem' }), h('dd', { text: `${v.brokenSequence ?? ''} ${v.problem ?? ''} ${v.message ?? ''}` })]));
}

async function reserves(box, status, reload, canPublish) {
  let latest = null;
  try { latest = await native('GET', '/reserves/root'); } catch (e) { if (e.status !== 404) throw e; }
  box.append(latest ? h('dl.facts', {}, h('dt', { i18n: 'reserves.rootHash' }), h('dd', {}, h('code.wrap#console-root-hash', { text: latest.root.rootHash })),
    h('dt', { i18n: 'reserves.published' }), h('dd', { text: when(latest.publishedAt) }),
    h('dt', { i18n: 'reserves.leaves' }), h('dd', { text: String(latest.root.leafCount) }))
    : h('p', { i18n: 'reserves.noRoot' }));
  if (canPublish) {
    box.append(h('button.primary#reserves-publish', { type: 'button', i18n: 'console.publishRoot', onclick: async () => {
      try {
        await native('POST', '/staff/reserves/roots', {});
        showStatus(status, t('console.published'), 'ok');
        await reload();
      } catch (e) { showStatus(status, e.message); }
    } }));
  }
}

/**
 * Hot and cold wallets against the profile's limits (HK-19) and the reconciliation incidents (HK-33), where the
 * platform mounts its custody services; without them (no chain node, no bank) the panel says so.
 */
async function custody(box) {
  let hotCold;
  try {
    hotCold = await native('GET', '/staff/custody/hot-cold');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND') {
      box.append(h('p.unavailable#custody-unavailable', { i18n: 'console.custodyUnavailable' }));
      return;
    }
    throw e;
  }
  const incidents = await native('GET', '/staff/custody/incidents?open=true');
  box.append(h('p.hint', { text: t('console.hotColdPolicy', { cold: hotCold.minColdPercent, hot: hotCold.maxHotPercent }) }),
    table(['console.asset', 'console.hot', 'console.cold', 'console.maxHot', 'console.releasable', 'console.status'],
      hotCold.assets.map((a) => h('tr', { dataset: { asset: a.asset, breached: String(a.breached) } }, h('td', { text: a.asset }),
        h('td.num', { text: a.hot }), h('td.num', { text: a.cold }), h('td.num', { text: a.maxHot }),
        h('td.num', { text: a.releasable }), h('td', { i18n: a.breached ? 'console.breached' : 'console.withinLimits' })))),
    h('h3', { i18n: 'console.incidents' }),
    table(['console.case', 'console.asset', 'console.coreBook', 'console.custodyBook', 'console.trigger', 'console.opened'],
      incidents.map((i) => h('tr', {}, h('td', { text: `#${i.id}` }), h('td', { text: i.asset }), h('td.num', { text: i.core }),
        h('td.num', { text: i.custody }), h('td', { text: i.trigger }), h('td', { text: when(i.openedAt) })))));
}
