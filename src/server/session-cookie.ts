import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../config';

export const SESSION_COOKIE = 'passerelle_session';

export function sessionCookieOptions(config: Config): CookieSerializeOptions {
  return {
    httpOnly: true, // not readable by scripts: an XSS cannot steal the session
    sameSite: 'strict', // not sent on cross-site requests: first line against CSRF
    secure: config.cookieSecure,
    path: '/',
    // A browser-session cookie: the server enforces idle and absolute expiry itself.
  };
}
