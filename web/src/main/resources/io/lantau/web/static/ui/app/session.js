// Who is signed in: GET /me with the session cookie; null when no session.
import { native, rememberCsrf, hasCsrf, ApiError } from './api.js';

let user = null;

export async function refreshSession() {
  if (!hasCsrf()) {
    // A session cookie without this tab's CSRF token (a new tab, a restored browser) could read but never change
    // anything: sign in again instead of showing a page whose buttons would all be refused.
    user = null;
    document.dispatchEvent(new CustomEvent('lantau:session', { detail: user }));
    return user;
  }
  try {
    user = await native('GET', '/me');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    user = null;
    rememberCsrf(null);
  }
  document.dispatchEvent(new CustomEvent('lantau:session', { detail: user }));
  return user;
}

export function currentUser() {
  return user;
}

/** After a successful sign-in answer ({userId, csrfToken} plus the cookie). */
export async function signedIn(answer) {
  rememberCsrf(answer.csrfToken);
  return refreshSession();
}

export async function signOut() {
  try {
    await native('POST', '/logout');
  } finally {
    rememberCsrf(null);
    await refreshSession();
  }
}
