// The application shell: language, session, the jurisdiction profile badge, navigation and the hash router.
import { initI18n, setLanguage, language, t } from './i18n.js';
import { refreshSession, currentUser, signOut } from './session.js';
import { loadProfile } from './profile.js';
import { h, clear } from './dom.js';
import { PAGES, NAV } from './pages.js';
import { staffRoles, knownStaffRoles } from './staff.js';
import { refreshExposure } from './exposure.js';

const view = document.getElementById('view');
let unmount = null;

function parseRoute() {
  const parts = (location.hash.replace(/^#\/?/, '') || 'markets').split('/');
  return { name: parts[0], args: parts.slice(1).map(decodeURIComponent) };
}

let generation = 0;

async function route() {
  const { name, args } = parseRoute();
  const page = PAGES[name] || PAGES.markets;
  if (page.needsSession && !currentUser()) {
    location.replace(`#/login/${encodeURIComponent(location.hash.slice(1))}`);
    return;
  }
  const mine = ++generation;
  if (unmount) { unmount(); unmount = null; }
  clear(view);
  renderNav(name);
  // Focus moves to the new page now, for keyboard and screen-reader users, and not later: a page mounts in steps and
  // focus must never jump away from a field the user has started typing into.
  view.focus({ preventScroll: true });
  // Each page renders into a container of its own: one that a later route has removed stays out of sight.
  const root = h('div.route');
  view.append(root);
  const module = await page.load();
  const done = (await module.mount(root, ...args)) || null;
  if (mine !== generation) {
    if (done) done(); // another route started while this page was loading: drop it
    return;
  }
  unmount = done;
}

function renderNav(active) {
  const nav = clear(document.getElementById('nav'));
  const signedIn = !!currentUser();
  for (const item of NAV) {
    if (item.needsSession && !signedIn) continue;
    if (item.staff && !knownStaffRoles()) continue;
    const link = h('a', { href: `#/${item.route}`, i18n: item.label });
    if (item.route.split('/')[0] === active) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  const area = clear(document.getElementById('session-area'));
  if (signedIn) {
    area.append(h('span.who', { text: currentUser().email }),
      h('button.link', { type: 'button', i18n: 'nav.signOut', onclick: async () => { await signOut(); location.hash = '#/markets'; } }));
  } else {
    area.append(h('a', { href: '#/login', i18n: 'nav.signIn' }), h('a.button', { href: '#/signup', i18n: 'nav.signUp' }));
  }
}

/** The jurisdiction profile in force, always in view once the platform publishes it. */
async function showProfile() {
  const badge = document.getElementById('profile-badge');
  const profile = await loadProfile();
  if (profile) {
    badge.dataset.profile = profile.id;
    badge.textContent = t('profile.badge', { name: profile.id });
    if (profile.name) badge.title = profile.name;
    badge.hidden = false;
  } else {
    badge.hidden = true; // no profile published: show nothing rather than a guess
  }
}

async function start() {
  await initI18n();
  const select = document.getElementById('lang-select');
  select.value = language();
  select.addEventListener('change', () => setLanguage(select.value));
  document.addEventListener('lantau:language', () => { showProfile(); renderNav(parseRoute().name); });
  await refreshSession();
  showProfile();
  window.addEventListener('hashchange', route);
  document.addEventListener('lantau:session', () => {
    renderNav(parseRoute().name);
    // Staff links and the retail exposure limit depend on who is signed in: both are asked for again.
    staffRoles().then(() => renderNav(parseRoute().name)).catch(() => {});
    refreshExposure();
  });
  await staffRoles().catch(() => null);
  refreshExposure();
  await route();
  document.body.dataset.ready = 'true';
}

start();
