// The page registry. A page is loaded on first visit; needsSession pages redirect to sign-in when there is none.
// Pages for onboarding, wallet, collectibles and the compliance console join here (one entry each, plus a NAV
// entry) when their APIs exist; until then they are not linked, so the UI never shows data the platform lacks.
export const PAGES = {
  markets: { load: () => import('./pages/markets.js') },
  trade: { load: () => import('./pages/trade.js') },
  login: { load: () => import('./pages/login.js') },
  signup: { load: () => import('./pages/signup.js') },
  account: { load: () => import('./pages/account.js'), needsSession: true },
};

export const NAV = [
  { route: 'markets', label: 'nav.markets' },
  { route: 'trade', label: 'nav.trade' },
  { route: 'account', label: 'nav.account', needsSession: true },
];
