// Sign-in: password, then a TOTP code when the user has one, or TOTP enrolment when the profile requires it.
import { native, ApiError } from '../api.js';
import { h, field, statusLine, showStatus, clear } from '../dom.js';
import { t } from '../i18n.js';
import { signedIn } from '../session.js';
import { enrolmentView, codeForm } from '../totp.js';

export function afterSignIn(next) {
  location.hash = next ? `#${next}` : '#/trade';
}

/** Runs the second step of a sign-in that answered TOTP_REQUIRED or TOTP_ENROLMENT_REQUIRED, inside box. */
export async function secondStep(box, status, error, next) {
  const loginToken = error.body.loginToken;
  const finish = async (answer) => { await signedIn(answer); afterSignIn(next); };
  const fail = (e) => showStatus(status, e instanceof ApiError ? e.message : String(e));
  clear(box);
  if (error.code === 'TOTP_REQUIRED') {
    box.append(codeForm(async (code) => {
      try { await finish(await native('POST', '/login/totp', { loginToken, code })); } catch (e) { fail(e); }
    }));
  } else {
    const enrolment = await native('POST', '/login/totp/enrol', { loginToken });
    box.append(h('p', { i18n: 'totp.requiredByProfile' }), enrolmentView(enrolment, async (code) => {
      try { await finish(await native('POST', '/login/totp/confirm', { loginToken, code })); } catch (e) { fail(e); }
    }));
  }
}

export function mount(view, next) {
  const email = h('input#login-email', { type: 'email', autocomplete: 'username', required: true });
  const password = h('input#login-password', { type: 'password', autocomplete: 'current-password', required: true });
  const status = statusLine('login-status');
  const box = h('div.step');
  const form = h('form.card', {}, field('account.email', email), field('account.password', password),
    h('button.primary#login-submit', { type: 'submit', i18n: 'nav.signIn' }));
  box.append(form);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await signedIn(await native('POST', '/login', { email: email.value.trim(), password: password.value }));
      afterSignIn(next);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'TOTP_REQUIRED' || e.code === 'TOTP_ENROLMENT_REQUIRED')) {
        await secondStep(box, status, e, next);
      } else {
        showStatus(status, e.message);
      }
    }
  });
  view.append(h('section.page.narrow', {}, h('h1', { i18n: 'nav.signIn' }), box, status,
    h('p', {}, h('a', { href: '#/signup', i18n: 'account.noAccount' }))));
  email.focus();
}
