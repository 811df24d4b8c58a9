import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/** Everything the server reads from its environment; documented in .env.example. */
export interface RuntimeConfig {
  /** Postgres URL; when absent the server runs on embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Redis URL; when absent jobs run on an in-process queue. */
  redisUrl?: string;
  port: number;
  host: string;
  dataDir: string;
  anthropicApiKey?: string;
  /** Model the AI module assistant asks when an Anthropic key is set (ANTHROPIC_MODEL). */
  anthropicModel: string;
  /** Messages API base URL (ANTHROPIC_BASE_URL): a proxy, or a local stand-in in tests. */
  anthropicBaseUrl?: string;
  /** Platform token for the API until user sessions exist; generated per start when not set. */
  bootstrapToken: string;
  bootstrapTokenGenerated: boolean;
  /** Operation created with the demo data on first start. */
  demoOperation?: string;
  logLevel: string;
  /**
   * Which proxies may set X-Forwarded-For (login limits and Click2Dial IP rules read
   * the client address): false (default, the socket's address), true (any), a number
   * of hops, or a list of proxy addresses / CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  mail: MailConfig;
  /** Where users reach the Studio from outside, for links in e-mails (PUBLIC_URL); else http://HOST:PORT. */
  publicUrl?: string;
  /** How long an export's download link lives, in days; fractions allowed (EXPORT_LINK_DAYS, default 7). */
  exportLinkDays: number;
}

/** SMTP delivery of the outbox; without `smtpUrl` messages stay in the outbox. */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS) (SMTP_URL). */
  smtpUrl?: string;
  /** The sender of operations that set none (MAIL_FROM), e.g. `CRM <no-reply@example.co>`. */
  from: string;
  /** How often the outbox is looked at for messages due (MAIL_POLL_MS). */
  pollMs: number;
  /** The wait after a first temporary failure, doubled on each further one, up to an hour (MAIL_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** Attempts before a message is marked failed (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
}

export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const token = env.BOOTSTRAP_TOKEN?.trim();
  const demo = env.DEMO_OPERATION === undefined ? 'demo' : env.DEMO_OPERATION.trim();
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    port: Number(env.PORT ?? 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR?.trim() || './.data'),
    anthropicApiKey: env.ANTHROPIC_API_KEY?.trim() || undefined,
    anthropicModel: env.ANTHROPIC_MODEL?.trim() || 'claude-sonnet-5-5',
    anthropicBaseUrl: env.ANTHROPIC_BASE_URL?.trim() || undefined,
    bootstrapToken: token || randomBytes(24).toString('base64url'),
    bootstrapTokenGenerated: !token,
    demoOperation: demo || undefined,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined,
    exportLinkDays: positiveDays(env.EXPORT_LINK_DAYS),
    mail: {
      smtpUrl: env.SMTP_URL?.trim() || undefined,
      from: env.MAIL_FROM?.trim() || 'CRM <no-reply@localhost>',
      pollMs: positive(env.MAIL_POLL_MS, 5000),
      retryBaseMs: positive(env.MAIL_RETRY_BASE_MS, 60_000),
      maxAttempts: positive(env.MAIL_MAX_ATTEMPTS, 6),
    },
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function positiveDays(value: string | undefined): number {
  const days = Number(value ?? '');
  return Number.isFinite(days) && days > 0 ? days : 7;
}

function parseTrustProxy(value: string | undefined): RuntimeConfig['trustProxy'] {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
