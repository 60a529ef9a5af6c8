/**
 * Every setting of Passerelle, read from environment variables and validated once at start-up.
 * The README's "Configuration" table mirrors this file: keep them together.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** `https://host[:port]` with nothing after it but an optional slash. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password &&
    !/[?#]/.test(value)
  );
}

const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * The public site's address as readers reach it (`https://www.example.org`): canonical links, Open Graph,
   * feeds and the sitemap are written with it. Unset: the request's own origin (and the site's page cache then
   * keeps one copy per origin, so a forged Host header cannot put its address in pages others receive).
   */
  PUBLIC_BASE_URL: z
    .string()
    .refine(isOrigin, 'an http(s) origin (scheme, host and port) such as https://www.example.org, no path')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Folder of the embedded database and the attachments. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** The organisation that publishes IATI activity files: its IATI organisation identifier and name. */
  IATI_ORGANISATION_REF: z
    .string()
    .regex(/^[A-Za-z0-9-]{3,40}$/, 'an IATI organisation identifier such as XM-DAC-47066')
    .default('XM-DAC-47066'),
  IATI_ORGANISATION_NAME: z.string().min(2).max(200).default('International Organization for Migration'),
  /** How many days export files stay downloadable. */
  REPORT_EXPORT_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** postgres://user:pass@host:5432/db — when set, PostgreSQL (>= 15) replaces the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Load demo data into an empty database. Default: yes on the embedded database, no on PostgreSQL. */
  PASSERELLE_DEMO: bool.optional(),
  PASSERELLE_DEMO_PASSWORD: z.string().min(8).default('demo-passerelle'),
  /** Idle and absolute lifetime of a session, in minutes. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(30 * 24 * 60)
    .default(12 * 60),
  /** Failed sign-ins of one address on one account before delays begin, and the longest delay (ADR 0012). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Sign-in attempts allowed per client address per minute (all accounts together). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Largest accepted JSON body, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(256 * 1024),
  /** Set the Secure flag on cookies; on by default in production (behind TLS). */
  COOKIE_SECURE: bool.optional(),
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Base64 of 32 random bytes (`openssl rand -base64 32`): encrypts document numbers and other special-category
   * fields. Required with DATABASE_URL; on the embedded database one is generated into DATA_DIR/encryption.key.
   */
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be the base64 of exactly 32 bytes')
    .optional(),
  /** Largest attachment, in bytes. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /**
   * Requests served at the same time (the others wait in line, fairly); default 16 on the embedded database
   * (its one thread runs one query at a time; more in flight only keeps the server's thread busy meanwhile);
   * on PostgreSQL twice the processors (at least 4), at most DATABASE_POOL_MAX.
   */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(1000).optional(),
  /** The longest a request waits in line; past it the answer is 503 with Retry-After (ADR 0014). */
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(1500),
  /** Hours between automatic duplicate scans of the whole registry; 0 turns them off. */
  DUPLICATE_SCAN_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Days ahead of a fitness-to-travel, exit permit or visa expiry that a resettlement case gets a task. */
  RESETTLEMENT_WARNING_DAYS: z.coerce.number().int().min(1).max(180).default(14),
});

export type Config = {
  host: string;
  port: number;
  /** The public site's origin without a trailing slash, or undefined (the request's origin). */
  publicBaseUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  demo: boolean;
  demoPassword: string;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  bodyLimitBytes: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  env: z.infer<typeof ConfigSchema>['NODE_ENV'];
  encryptionKey: Buffer | undefined;
  attachmentMaxBytes: number;
  duplicateScanHours: number;
  resettlementWarningDays: number;
  maxConcurrentRequests: number;
  maxQueueWaitMs: number;
  iatiOrganisation: { ref: string; name: string };
  reportExportDays: number;
};

export class ConfigError extends Error {}

/** The embedded database holds encrypted data but its key file is gone. */
export class MissingKeyError extends ConfigError {
  constructor(file: string) {
    super(
      `${file} is missing, but the database holds data encrypted with it (document numbers). Put the key ` +
        'back from your backup (or set ENCRYPTION_KEY to it): a new key would leave that data unreadable.',
    );
  }
}

/**
 * The field-encryption key: from ENCRYPTION_KEY, or on the embedded database from DATA_DIR/encryption.key
 * (created on first start, readable by the owner only). PostgreSQL deployments must configure it: a key
 * generated on one app server would not exist on the others.
 */
export function resolveEncryptionKey(
  config: Config,
  options: { create: boolean } = { create: true },
): Buffer {
  if (config.encryptionKey) return config.encryptionKey;
  if (config.databaseUrl) {
    throw new ConfigError(
      'ENCRYPTION_KEY is required with DATABASE_URL. Generate one with: openssl rand -base64 32',
    );
  }
  const file = path.join(config.dataDir, 'encryption.key');
  if (!fs.existsSync(file)) {
    // A new key for data sealed with another one would make that data unreadable, silently.
    if (!options.create) throw new MissingKeyError(file);
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError(`${file} does not hold a 32-byte base64 key.`);
  return key;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL ? new URL(e.PUBLIC_BASE_URL).origin : undefined,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    // Demo accounts share a published password: never load them into a production database unasked.
    demo: e.PASSERELLE_DEMO ?? e.DATABASE_URL === undefined,
    demoPassword: e.PASSERELLE_DEMO_PASSWORD,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteMinutes: e.SESSION_ABSOLUTE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    env: e.NODE_ENV,
    encryptionKey: e.ENCRYPTION_KEY ? Buffer.from(e.ENCRYPTION_KEY, 'base64') : undefined,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    duplicateScanHours: e.DUPLICATE_SCAN_HOURS,
    resettlementWarningDays: e.RESETTLEMENT_WARNING_DAYS,
    // Work beyond twice the processors only splits them further: each request takes longer, none sooner.
    maxConcurrentRequests:
      e.MAX_CONCURRENT_REQUESTS ??
      (e.DATABASE_URL ? Math.min(e.DATABASE_POOL_MAX, Math.max(4, 2 * availableParallelism())) : 16),
    maxQueueWaitMs: e.MAX_QUEUE_WAIT_MS,
    iatiOrganisation: { ref: e.IATI_ORGANISATION_REF, name: e.IATI_ORGANISATION_NAME },
    reportExportDays: e.REPORT_EXPORT_DAYS,
  };
}
