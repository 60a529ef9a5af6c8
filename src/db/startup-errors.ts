/**
 * What to tell an operator when the database cannot be used at start-up: one or two lines naming the real
 * cause (refused connection, unknown host, wrong password, missing database, missing extension...), never
 * the password, instead of a stack dump headed by whichever query happened to run first.
 */

/** The codes of an error and of the errors it wraps (the ORM wraps the driver's), outermost first. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    // AggregateError (one per address tried: IPv4 and IPv6) carries the real errors in `errors`.
    const inner = (current as { errors?: unknown[] }).errors?.[0];
    current = (current as { cause?: unknown }).cause ?? inner;
  }
  return codes;
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; current && depth < 6; depth++) {
    if (current instanceof Error && current.message) message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

/** The database address without its password: postgres://user@host:5432/db. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return 'DATABASE_URL (unparseable)';
  }
}

function parts(url: string): { host: string; port: string; user: string; database: string } {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname,
      port: parsed.port || '5432',
      user: decodeURIComponent(parsed.username),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    };
  } catch {
    return { host: '?', port: '?', user: '?', database: '?' };
  }
}

/**
 * The operator's message for a start-up failure caused by the database, or undefined when the error is
 * something else (a bug: print it whole).
 */
export function describeDatabaseError(error: unknown, databaseUrl: string | undefined): string | undefined {
  const codes = codesOf(error);
  const has = (...wanted: string[]) => codes.some((c) => wanted.includes(c));
  const where = databaseUrl ? redactedUrl(databaseUrl) : 'the embedded database';
  const { host, port, user, database } = databaseUrl ? parts(databaseUrl) : parts('postgres://x');
  const lines = (first: string, second: string) => `${first}\n${second}`;
  if (has('ECONNREFUSED'))
    return lines(
      `Cannot connect to PostgreSQL at ${host}:${port}: the connection was refused.`,
      'Is the server running, and are the host and port of DATABASE_URL right?',
    );
  if (has('ENOTFOUND', 'EAI_AGAIN'))
    return lines(
      `Cannot connect to PostgreSQL: the host "${host}" is not known.`,
      'Check the host in DATABASE_URL.',
    );
  if (
    has('ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH') ||
    /timeout/i.test(innermostMessage(error))
  )
    return lines(
      `Cannot connect to PostgreSQL at ${host}:${port}: no answer.`,
      'Is the server reachable from here (firewall, network)?',
    );
  if (has('28P01'))
    return lines(
      `PostgreSQL refused the password of user "${user}" (${where}).`,
      'Check the user and password in DATABASE_URL.',
    );
  if (has('28000'))
    return lines(
      `PostgreSQL does not let user "${user}" connect to "${database}" from here (pg_hba.conf).`,
      'Allow this client in the server’s pg_hba.conf, or use another user.',
    );
  if (has('3D000'))
    return lines(
      `The database "${database}" does not exist on ${host}:${port}.`,
      `Create it first (createdb ${database}), or fix the database name in DATABASE_URL.`,
    );
  if (has('42501'))
    return lines(
      `User "${user}" may not create what Passerelle needs in "${database}" (${innermostMessage(error)}).`,
      'Give it ownership of the database, or run the migrations once with a user that may (npm run cli -- migrate).',
    );
  if (
    has('0A000', '58P01') ||
    /extension .* (is not available|does not exist)/i.test(innermostMessage(error))
  )
    return lines(
      `PostgreSQL at ${host}:${port} lacks an extension Passerelle needs (${innermostMessage(error)}).`,
      'Install the server’s contrib package (pg_trgm and fuzzystrmatch), e.g. postgresql-contrib.',
    );
  if (has('53300'))
    return lines(
      `PostgreSQL at ${host}:${port} has no free connection (too many clients).`,
      'Lower DATABASE_POOL_MAX or raise the server’s max_connections.',
    );
  if (has('57P03'))
    return lines(`PostgreSQL at ${host}:${port} is starting up or shutting down.`, 'Try again in a moment.');
  if (
    codes.some((c) => /^DEPTH_ZERO|^SELF_SIGNED|^ERR_TLS|^CERT_/.test(c)) ||
    /SSL|TLS/.test(innermostMessage(error))
  )
    return lines(
      `The TLS connection to PostgreSQL at ${host}:${port} failed (${innermostMessage(error)}).`,
      'Check sslmode and the server certificate in DATABASE_URL.',
    );
  return undefined;
}
