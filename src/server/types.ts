import type { Actor } from '../platform/actor';
import type { Lang } from '../platform/i18n';
import type { Permission } from '../platform/permissions';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route requires (in at least one office). Every route sets this or `public`. */
    permission?: Permission;
    /** Reachable without a session. Must be said explicitly. */
    public?: boolean;
    /** Reachable with a session whatever the roles (own account: sign-out, password change). */
    authenticated?: boolean;
    /**
     * Public and credentialed by something else than a session (a partner link's token): the session cookie
     * is ignored, so a staff member opening a partner link acts as the partner, not as themselves.
     */
    sessionless?: boolean;
    /** Accepts multipart/form-data (file uploads); every other route takes JSON only. */
    multipart?: boolean;
    /**
     * Reachable by a session signed in with a temporary password (reading one's account, changing the
     * password). Every other route answers 403 password_change_required until the password is changed.
     */
    whilePasswordTemporary?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The session was opened with a temporary password that has not been changed yet. */
    mustChangePassword: boolean;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    lang: Lang;
  }
}
