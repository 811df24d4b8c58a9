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
  };
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
