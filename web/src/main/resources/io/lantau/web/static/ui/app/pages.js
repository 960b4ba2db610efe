// The page registry. A page is loaded on first visit; needsSession pages redirect to sign-in when there is none;
// staff entries are linked only for a user who holds a staff role (GET /staff/me). A page joins when its API exists:
// the UI never shows data the platform lacks.
export const PAGES = {
  markets: { load: () => import('./pages/markets.js') },
  trade: { load: () => import('./pages/trade.js') },
  login: { load: () => import('./pages/login.js') },
  signup: { load: () => import('./pages/signup.js') },
  account: { load: () => import('./pages/account.js'), needsSession: true },
  onboarding: { load: () => import('./pages/onboarding.js'), needsSession: true },
  wallet: { load: () => import('./pages/wallet.js'), needsSession: true },
  reserves: { load: () => import('./pages/reserves.js'), needsSession: true },
  collectibles: { load: () => import('./pages/collectibles.js'), needsSession: true },
  console: { load: () => import('./pages/console.js'), needsSession: true },
};

export const NAV = [
  { route: 'markets', label: 'nav.markets' },
  { route: 'trade', label: 'nav.trade' },
  { route: 'onboarding', label: 'nav.onboarding', needsSession: true },
  { route: 'wallet', label: 'nav.wallet', needsSession: true },
  { route: 'reserves', label: 'nav.reserves', needsSession: true },
  { route: 'collectibles', label: 'nav.collectibles', needsSession: true },
  { route: 'account', label: 'nav.account', needsSession: true },
  { route: 'console', label: 'nav.console', needsSession: true, staff: true },
];
