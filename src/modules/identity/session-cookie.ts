import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../../config';
import { KNOWN_DEVICE_DAYS } from './sessions';

export const SESSION_COOKIE = 'passerelle_session';
/** Marks a browser that has signed in before: it is not slowed by failures made from elsewhere. */
export const DEVICE_COOKIE = 'passerelle_device';

export function sessionCookieOptions(config: Config): CookieSerializeOptions {
  return {
    httpOnly: true, // not readable by scripts: an XSS cannot steal the session
    sameSite: 'strict', // not sent on cross-site requests: first line against CSRF
    secure: config.cookieSecure,
    path: '/',
    // A browser-session cookie: the server enforces idle and absolute expiry itself.
  };
}

export function deviceCookieOptions(config: Config): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    // Only the sign-in needs it.
    path: '/api/auth/login',
    maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60,
  };
}
