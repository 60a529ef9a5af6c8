import type { z } from 'zod';
import {
  type ChangePasswordSchema,
  type LoginRequestSchema,
  type Me,
  MeSchema,
} from '../../../../src/modules/identity/contract';
import { setLanguage, storedLanguage } from '../../i18n';
import { api, isApiError, setCsrfToken } from '../../shared/api/client';

export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or `null` when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/auth/me', MeSchema);
    setCsrfToken(me.csrfToken);
    // Unless this browser has an explicit choice, the UI speaks the user's language, on every page load
    // (not only right after signing in).
    await applyAccountLanguage(me);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The account's language, for a browser where nobody chose one explicitly (it is not remembered). */
export async function applyAccountLanguage(me: Me): Promise<void> {
  if (!storedLanguage()) await setLanguage(me.user.locale, { persist: false });
}

export async function login(body: z.output<typeof LoginRequestSchema>): Promise<Me> {
  const me = await api.post('/auth/login', body, MeSchema);
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  try {
    // An empty object, not no body: the server validates the body as an (empty) object.
    await api.post('/auth/logout', {});
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: z.output<typeof ChangePasswordSchema>): Promise<undefined> {
  return api.post('/auth/change-password', body);
}
