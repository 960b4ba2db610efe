// TOTP enrolment: the otpauth:// URI as a QR code drawn in the browser (qrcode-generator, vendored from npm), with
// the secret in text for manual entry. The secret is shown once and never stored by the page.
import qrcode from '/ui/vendor/qrcode-generator-2.0.4.mjs';
import { h, field } from './dom.js';
import { t } from './i18n.js';

export function enrolmentView(enrolment, onCode) {
  const qr = qrcode(0, 'M');
  qr.addData(enrolment.uri);
  qr.make();
  const code = h('input#totp-code', { inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
  const form = h('form.totp', {},
    h('p', { i18n: 'totp.scan' }),
    h('img.qr#totp-qr', { src: qr.createDataURL(5, 8), alt: t('totp.qrAlt'), width: qr.getModuleCount() * 5 + 16 }),
    h('p', {}, h('span', { i18n: 'totp.manual' }), ' ', h('code#totp-secret', { text: enrolment.secret })),
    field('totp.code', code),
    h('button.primary', { type: 'submit', i18n: 'totp.confirm' }));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); onCode(code.value.trim()); });
  return form;
}

export function codeForm(onCode) {
  const code = h('input#totp-code', { inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: 6 });
  const form = h('form.totp', {}, h('p', { i18n: 'totp.enterCode' }), field('totp.code', code),
    h('button.primary', { type: 'submit', i18n: 'totp.verify' }));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); onCode(code.value.trim()); });
  setTimeout(() => code.focus(), 0);
  return form;
}
