// Sign-up: POST /register, then the same sign-in as the login page (with TOTP enrolment if the profile needs it).
import { native, ApiError } from '../api.js';
import { h, field, statusLine, showStatus } from '../dom.js';
import { signedIn } from '../session.js';
import { afterSignIn, secondStep } from './login.js';
import { loadProfile, COUNTRIES } from '../profile.js';
import { language } from '../i18n.js';

/** The residency choice, in the page's language; required where the profile onboards with KYC (HK-06). */
function residencySelect(required) {
  const names = new Intl.DisplayNames([language()], { type: 'region' });
  const options = COUNTRIES.map((c) => ({ c, name: names.of(c) || c }))
    .sort((a, b) => a.name.localeCompare(b.name, language()));
  return h('select#signup-residency', { required },
    h('option', { value: '', i18n: required ? 'account.chooseResidency' : 'account.residencyOptional' }),
    options.map((o) => h('option', { value: o.c }, o.name)));
}

export async function mount(view) {
  const profile = await loadProfile();
  const residency = residencySelect(!!profile?.kycRequired);
  const email = h('input#signup-email', { type: 'email', autocomplete: 'username', required: true });
  const password = h('input#signup-password', { type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const status = statusLine('signup-status');
  const box = h('div.step');
  const form = h('form.card', {}, field('account.email', email), field('account.newPassword', password),
    field('account.residency', residency),
    h('p.hint', { i18n: 'account.passwordRule' }),
    h('button.primary#signup-submit', { type: 'submit', i18n: 'nav.signUp' }));
  box.append(form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const credentials = { email: email.value.trim(), password: password.value };
    try {
      await native('POST', '/register', residency.value ? { ...credentials, residency: residency.value } : credentials);
    } catch (e) {
      showStatus(status, e.message);
      return;
    }
    try {
      await signedIn(await native('POST', '/login', credentials));
      afterSignIn('/account');
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'TOTP_REQUIRED' || e.code === 'TOTP_ENROLMENT_REQUIRED')) {
        await secondStep(box, status, e, '/account');
      } else {
        showStatus(status, e.message);
      }
    }
  });
  view.append(h('section.page.narrow', {}, h('h1', { i18n: 'account.createTitle' }), box, status,
    h('p', {}, h('a', { href: '#/login', i18n: 'account.haveAccount' }))));
  email.focus();
}
