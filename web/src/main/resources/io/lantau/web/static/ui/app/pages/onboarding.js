// Onboarding: the gates before trading, each read from GET /suitability (HK-01 .. HK-04, HK-06, HK-08), and a step
// for each: KYC (identity and documents, uploaded as base64 in the JSON body), retail classification, the risk
// disclosures in force (versioned text, acknowledged by its SHA-256), the knowledge test and the risk profile with the
// exposure limit it results in. Every answer shown is the server's; the page decides nothing.
import { native, ApiError } from '../api.js';
import { h, clear, field, statusLine, showStatus } from '../dom.js';
import { t, language } from '../i18n.js';
import { loadProfile, COUNTRIES } from '../profile.js';
import { refreshExposure, money, toMinor } from '../exposure.js';

const GATES = ['KYC_PENDING', 'CLASSIFICATION_REQUIRED', 'DISCLOSURE_ACK_REQUIRED', 'KNOWLEDGE_ASSESSMENT_REQUIRED',
  'RISK_PROFILE_REQUIRED'];
const ID_TYPES = ['HKID', 'PASSPORT', 'NATIONAL_ID', 'MAINLAND_TRAVEL_PERMIT', 'DRIVING_LICENCE'];
const DOC_KINDS = ['ID_DOCUMENT_FRONT', 'ID_DOCUMENT_BACK', 'PASSPORT', 'PROOF_OF_ADDRESS', 'SELFIE', 'OTHER'];

function countrySelect(id) {
  const names = new Intl.DisplayNames([language()], { type: 'region' });
  return h(`select#${id}`, { required: true }, h('option', { value: '', i18n: 'account.chooseResidency' }),
    COUNTRIES.map((c) => ({ c, name: names.of(c) || c })).sort((a, b) => a.name.localeCompare(b.name, language()))
      .map((o) => h('option', { value: o.c }, o.name)));
}

/** A file → {contentType, contentBase64}, as POST /kyc wants its documents. */
function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ contentType: file.type || 'application/octet-stream',
      contentBase64: String(reader.result).replace(/^data:[^,]*,/, '') });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Radio questions ({id, text, options}) → a fieldset per question; answers() gives [{question, option}] or null. */
function questionnaire(prefix, questions) {
  const sets = questions.map((q, n) => h('fieldset.question', { dataset: { question: q.id } },
    h('legend', { text: `${n + 1}. ${q.text}` }),
    q.options.map((o) => h('label.check', {}, h('input', { type: 'radio', name: `${prefix}-${q.id}`, value: o.id, required: true }),
      h('span', { text: o.text })))));
  return {
    sets,
    answers() {
      const list = questions.map((q) => ({ question: q.id,
        option: sets.find((s) => s.dataset.question === q.id).querySelector('input:checked')?.value }));
      return list.every((a) => a.option) ? list : null;
    },
  };
}

/**
 * The SFC's other half of the knowledge gate (HK-02): besides the test score, at least one of a course on virtual
 * assets, work at a virtual-asset business, or past trading. Each part is entered only when ticked.
 */
function experienceFields(currency) {
  const list = (text) => text.split(',').map((x) => x.trim()).filter(Boolean);
  const select = (id, prefix, values) => h(`select#${id}`, {}, values.map((v) => h('option', { value: v, i18n: `${prefix}.${v}` })));
  const part = (id, titleKey, fields) => {
    const on = h(`input#${id}`, { type: 'checkbox' });
    const box = h('div.grid2', { hidden: true }, fields);
    on.addEventListener('change', () => { box.hidden = !on.checked; });
    return { on, el: h('div.experience', {}, h('label.check', {}, on, h('span', { i18n: titleKey })), box) };
  };
  const providerType = select('exp-training-provider-type', 'knowledge.providerType', ['PLATFORM_OPERATOR', 'UNIVERSITY', 'PROFESSIONAL_BODY', 'ONLINE_COURSE', 'OTHER']);
  const providerName = h('input#exp-training-provider', { maxlength: 200 });
  const topics = h('input#exp-training-topics', { maxlength: 500 });
  const year = h('input#exp-training-year', { inputmode: 'numeric', maxlength: 4 });
  const employerType = select('exp-work-employer-type', 'knowledge.employerType', ['VIRTUAL_ASSET_PLATFORM', 'VIRTUAL_ASSET_ISSUER_OR_DEVELOPER', 'FINANCIAL_INSTITUTION_VIRTUAL_ASSETS', 'FINANCIAL_INSTITUTION_OTHER', 'OTHER']);
  const employer = h('input#exp-work-employer', { maxlength: 200 });
  const role = h('input#exp-work-role', { maxlength: 200 });
  const workMonths = h('input#exp-work-months', { inputmode: 'numeric', maxlength: 4 });
  const assets = h('input#exp-trading-assets', { maxlength: 200, placeholder: 'BTC, ETH' });
  const volume = h('input#exp-trading-volume', { inputmode: 'decimal' });
  const frequency = select('exp-trading-frequency', 'knowledge.frequency', ['LESS_THAN_MONTHLY', 'MONTHLY', 'WEEKLY', 'DAILY']);
  const tradingMonths = h('input#exp-trading-months', { inputmode: 'numeric', maxlength: 4 });
  const training = part('exp-training', 'knowledge.training', [field('knowledge.providerTypeLabel', providerType),
    field('knowledge.providerName', providerName), field('knowledge.topics', topics), field('knowledge.year', year)]);
  const work = part('exp-work', 'knowledge.work', [field('knowledge.employerTypeLabel', employerType),
    field('knowledge.employerName', employer), field('knowledge.role', role), field('knowledge.months', workMonths)]);
  const trading = part('exp-trading', 'knowledge.trading', [field('knowledge.assets', assets),
    field('knowledge.volume', volume), field('knowledge.frequencyLabel', frequency), field('knowledge.months', tradingMonths)]);
  const whole = (el) => (/^\d{1,4}$/.test(el.value.trim()) ? Number(el.value.trim()) : null);
  return {
    section: h('fieldset.question', {}, h('legend', { i18n: 'knowledge.experience' }), h('p.hint', { i18n: 'knowledge.experienceHint' }),
      training.el, work.el, trading.el),
    /** The experience parts of the request, or null when a ticked part is incomplete. */
    values() {
      const out = {};
      if (training.on.checked) {
        if (whole(year) === null || !list(topics.value).length) return null;
        out.training = [{ providerType: providerType.value, providerName: providerName.value.trim() || undefined,
          topics: list(topics.value), completedYear: whole(year) }];
      }
      if (work.on.checked) {
        if (whole(workMonths) === null || !role.value.trim()) return null;
        out.workExperience = [{ employerType: employerType.value, employerName: employer.value.trim() || undefined,
          role: role.value.trim(), months: whole(workMonths) }];
      }
      if (trading.on.checked) {
        const v = toMinor(volume.value, currency);
        if (whole(tradingMonths) === null || v === null || !list(assets.value).length) return null;
        out.tradingExperience = [{ assets: list(assets.value).map((a) => a.toUpperCase()), volumeMinor: v,
          frequency: frequency.value, periodMonths: whole(tradingMonths) }];
      }
      return out;
    },
  };
}

export async function mount(view) {
  const profile = await loadProfile();
  const gatesBox = h('ol.gates#onboarding-gates');
  const steps = h('div');
  const status = statusLine('onboarding-status');
  view.append(h('section.page', {}, h('h1', { i18n: 'onboarding.title' }), h('p.hint', { i18n: 'onboarding.intro' }),
    h('section.panel', { 'aria-labelledby': 'gates-h' }, h('h2#gates-h', { i18n: 'onboarding.gates' }), gatesBox,
      h('p#onboarding-ready')), status, steps));

  async function refresh() {
    const s = await native('GET', '/suitability');
    refreshExposure();
    clear(gatesBox);
    for (const gate of GATES) {
      if (!(gate in s.gates)) continue;
      if (!s.retailGates && gate !== 'KYC_PENDING' && gate !== 'CLASSIFICATION_REQUIRED') continue;
      const done = s.gates[gate];
      gatesBox.append(h('li', { dataset: { gate, done: String(done) } }, h('span.mark', { text: done ? '✓' : '•', 'aria-hidden': 'true' }),
        h('span', { i18n: `gate.${gate}` }), ' ', h('span.state', { i18n: done ? 'gate.done' : 'gate.todo' })));
    }
    const ready = view.querySelector('#onboarding-ready');
    ready.dataset.ready = String(s.ready);
    ready.dataset.i18n = s.ready ? 'onboarding.ready' : 'onboarding.notReady';
    ready.textContent = t(ready.dataset.i18n);
    return s;
  }

  async function act(fn, okKey) {
    try {
      await fn();
      showStatus(status, t(okKey), 'ok');
    } catch (e) {
      showStatus(status, e.message);
    }
    await render();
  }

  async function render() {
    const s = await refresh();
    clear(steps);
    steps.append(await kycStep(s));
    if (!s.gates.CLASSIFICATION_REQUIRED) steps.append(classificationStep());
    if (s.retailGates && s.classification?.investorClass === 'RETAIL') {
      steps.append(await disclosureStep(s), await knowledgeStep(s), await riskStep(s));
    }
  }

  async function kycStep(s) {
    const panel = h('section.panel#kyc-step', { 'aria-labelledby': 'kyc-h' }, h('h2#kyc-h', { i18n: 'kyc.title' }));
    let latest = null;
    try {
      latest = await native('GET', '/kyc');
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'NO_KYC_CASE') throw e;
    }
    if (latest) {
      panel.append(h('dl.facts', {}, h('dt', { i18n: 'kyc.case' }), h('dd', { text: `#${latest.caseId}` }),
        h('dt', { i18n: 'kyc.state' }), h('dd#kyc-state', { dataset: { state: latest.state }, i18n: `kyc.state.${latest.state}` }),
        h('dt', { i18n: 'kyc.documents' }), h('dd', {}, latest.documents.map((d, n) => [n ? ', ' : null, h('span', { i18n: `kyc.kind.${d.kind}` })])),
        latest.reviewReason ? [h('dt', { i18n: 'kyc.reason' }), h('dd', { text: latest.reviewReason })] : null));
      if (latest.state !== 'REJECTED') return panel;
    }
    const name = h('input#kyc-name', { required: true, maxlength: 200, autocomplete: 'name' });
    const dob = h('input#kyc-dob', { type: 'date', required: true });
    const idType = h('select#kyc-id-type', {}, ID_TYPES.map((v) => h('option', { value: v, i18n: `kyc.idType.${v}` })));
    const idNumber = h('input#kyc-id-number', { required: true, maxlength: 64 });
    const nationality = countrySelect('kyc-nationality');
    const residency = countrySelect('kyc-residency');
    const address = h('textarea#kyc-address', { rows: 2, required: true, maxlength: 500 });
    const kind = h('select#kyc-doc-kind', {}, DOC_KINDS.map((v) => h('option', { value: v, i18n: `kyc.kind.${v}` })));
    const file = h('input#kyc-file', { type: 'file', accept: 'image/*,application/pdf', required: true });
    const form = h('form.kyc-form', {}, h('p.hint', { i18n: 'kyc.intro' }), h('div.grid2', {},
      field('kyc.legalName', name), field('kyc.dateOfBirth', dob), field('kyc.idDocumentType', idType),
      field('kyc.idDocumentNumber', idNumber), field('kyc.nationality', nationality), field('account.residency', residency)),
    field('kyc.address', address), h('div.grid2', {}, field('kyc.documentKind', kind), field('kyc.document', file)),
    h('button.primary#kyc-submit', { type: 'submit', i18n: 'kyc.submit' }));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      act(async () => {
        const documents = [];
        for (const f of file.files) documents.push({ kind: kind.value, ...(await readBase64(f)) });
        await native('POST', '/kyc', { identity: { legalName: name.value.trim(), dateOfBirth: dob.value,
          idDocumentType: idType.value, idDocumentNumber: idNumber.value.trim(), nationality: nationality.value,
          residency: residency.value, address: address.value.trim() }, documents });
      }, 'kyc.submitted');
    });
    panel.append(form);
    return panel;
  }

  function classificationStep() {
    return h('section.panel#classification-step', { 'aria-labelledby': 'class-h' }, h('h2#class-h', { i18n: 'classification.title' }),
      h('p', { i18n: 'classification.intro' }),
      h('button.primary#declare-retail', { type: 'button', i18n: 'classification.declareRetail',
        onclick: () => act(() => native('POST', '/suitability/retail-declaration'), 'classification.done') }));
  }

  async function disclosureStep(s) {
    const panel = h('section.panel#disclosure-step', { 'aria-labelledby': 'disc-h' }, h('h2#disc-h', { i18n: 'disclosure.title' }));
    let text;
    try {
      text = await native('GET', `/suitability/disclosure?lang=${encodeURIComponent(language())}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'UNKNOWN_LANGUAGE') throw e;
      text = await native('GET', '/suitability/disclosure?lang=en');
      panel.append(h('p.hint', { i18n: 'disclosure.englishOnly' }));
    }
    panel.append(h('p.hint', {}, `${text.title} · `, h('span', { i18n: 'disclosure.version' }), ` ${text.version}`),
      h('ol.statements#disclosure-text', {}, text.statements.map((st) => h('li', { text: st }))));
    if (s.gates.DISCLOSURE_ACK_REQUIRED) {
      panel.append(h('p#disclosure-acknowledged', { i18n: 'disclosure.acknowledged' }));
      return panel;
    }
    const read = h('input#disclosure-read', { type: 'checkbox' });
    const button = h('button.primary#disclosure-ack', { type: 'button', i18n: 'disclosure.acknowledge', disabled: true,
      onclick: () => act(() => native('POST', '/suitability/disclosure',
        { version: text.version, language: text.language, textSha256: text.sha256 }), 'disclosure.done') });
    read.addEventListener('change', () => { button.disabled = !read.checked; });
    panel.append(h('label.check', {}, read, h('span', { i18n: 'disclosure.confirm' })), button);
    return panel;
  }

  async function knowledgeStep(s) {
    const panel = h('section.panel#knowledge-step', { 'aria-labelledby': 'know-h' }, h('h2#know-h', { i18n: 'knowledge.title' }));
    if (s.knowledge) {
      panel.append(h('p#knowledge-outcome', { dataset: { outcome: s.knowledge.outcome }, i18n: `knowledge.outcome.${s.knowledge.outcome}`,
        i18nParams: { score: s.knowledge.scorePercent ?? '', pass: s.knowledge.passMarkPercent ?? '' } }));
      if (s.gates.KNOWLEDGE_ASSESSMENT_REQUIRED) return panel;
    }
    const test = await native('GET', '/suitability/knowledge-test');
    const q = questionnaire('k', test.questions);
    const experience = experienceFields(profile.valuationCurrency);
    const form = h('form.quiz#knowledge-form', {}, h('p.hint', {}, `${test.title} · `, h('span', { i18n: 'knowledge.passMark', i18nParams: { pass: test.passMarkPercent } })),
      q.sets, experience.section, h('button.primary#knowledge-submit', { type: 'submit', i18n: 'knowledge.submit' }));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const answers = q.answers();
      if (!answers) { showStatus(status, t('onboarding.answerAll')); return; }
      const extra = experience.values();
      if (!extra) { showStatus(status, t('knowledge.badExperience', { currency: profile.valuationCurrency })); return; }
      act(() => native('POST', '/suitability/knowledge-test', { questionBankVersion: test.version, answers, ...extra }), 'knowledge.done');
    });
    panel.append(form);
    return panel;
  }

  async function riskStep(s) {
    const currency = profile.valuationCurrency;
    const panel = h('section.panel#risk-step', { 'aria-labelledby': 'risk-h' }, h('h2#risk-h', { i18n: 'risk.title' }));
    if (s.riskProfile) {
      const r = s.riskProfile;
      panel.append(h('dl.facts', {}, h('dt', { i18n: 'risk.tier' }), h('dd#risk-tier', { i18n: `risk.tier.${r.tier}` }),
        h('dt', { i18n: 'risk.score' }), h('dd', { text: String(r.score) }),
        h('dt', { i18n: 'risk.tierPercent' }), h('dd', { text: `${r.tierPercent}%` }),
        h('dt', { i18n: 'risk.limit' }), h('dd#risk-limit', { text: money(r.exposureLimitMinor, currency) })));
      return panel;
    }
    const questions = await native('GET', '/suitability/risk-questionnaire');
    const q = questionnaire('r', questions.questions);
    const netWorth = h('input#risk-net-worth', { inputmode: 'decimal', required: true });
    const otherVa = h('input#risk-other-va', { inputmode: 'decimal', required: true, value: '0' });
    const form = h('form.quiz#risk-form', {}, h('p.hint', { text: questions.title }), q.sets,
      h('div.grid2', {}, field('risk.netWorth', netWorth), field('risk.otherVa', otherVa)),
      h('p.hint', { i18n: 'risk.currency', i18nParams: { currency } }),
      h('button.primary#risk-submit', { type: 'submit', i18n: 'risk.submit' }));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const answers = q.answers();
      const nw = toMinor(netWorth.value, currency);
      const va = toMinor(otherVa.value, currency);
      if (!answers) { showStatus(status, t('onboarding.answerAll')); return; }
      if (nw === null || va === null) { showStatus(status, t('risk.badAmount', { currency })); return; }
      act(() => native('POST', '/suitability/risk-profile', { questionnaireVersion: questions.version, answers,
        netWorthMinor: nw, otherVirtualAssetsMinor: va }), 'risk.done');
    });
    panel.append(form);
    return panel;
  }

  await render();
}
