// Whether the signed-in user holds a staff role (GET /staff/me), remembered per user: the console's link and page
// are for staff only. A client gets 403 STAFF_ROLE_REQUIRED; the server checks every staff call again regardless.
import { native, ApiError } from './api.js';
import { currentUser } from './session.js';

let known = { userId: null, roles: null };

/** @return the roles, or null for a client or no session; force asks the server again. */
export async function staffRoles(force = false) {
  const user = currentUser();
  if (!user) { known = { userId: null, roles: null }; return null; }
  if (!force && known.userId === user.userId) return known.roles;
  let roles = null;
  try {
    roles = (await native('GET', '/staff/me')).roles;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status >= 500) throw e;
  }
  known = { userId: user.userId, roles };
  return roles;
}

/** The roles already known for the signed-in user, without asking (null when unknown or a client). */
export function knownStaffRoles() {
  const user = currentUser();
  return user && known.userId === user.userId ? known.roles : null;
}
