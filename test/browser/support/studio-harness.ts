import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/test-server';

/** Debian's Chromium (installed by .ci/run when missing); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SHOTS = join(__dirname, '..', 'screenshots');

/** The password the harness gives the operation's admin (the factory one must change at first login). */
export const ADMIN_PASSWORD = 'Clave-Segura-2026';

export interface Studio {
  t: TestServer;
  browser: Browser;
  url: string;
  /** An operation whose admin already changed the factory password to ADMIN_PASSWORD. */
  op: string;
  admin: string;
  /** Calls the API as the platform token inside `op`. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A fresh browser context (its own localStorage) on the Studio, language preset when given. */
  page(options?: { lang?: 'es' | 'en' }): Promise<Page>;
  /** Signs in through the login screen and waits for the menu. */
  login(page: Page, operation?: string, username?: string, password?: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** One real server (PGlite unless DATABASE_URL), one Chromium and one ready operation per test file. */
export async function startStudio(): Promise<Studio> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run) or set CHROMIUM_PATH`);
  const t = await startTestServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const op = await t.createOperation('ui');
  const admin = `ADMIN_@${op}`;
  const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: admin, password: op }, { token: null });
  const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: ADMIN_PASSWORD }, { token: first.body.accessToken });
  if (changed.status !== 200) throw new Error(`password not changed: ${JSON.stringify(changed.body)}`);
  mkdirSync(SHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  const studio: Studio = {
    t,
    browser,
    url: t.server.url,
    op,
    admin,
    api: (method, path, body) => t.api(method, path, body, { operation: op }),
    async page(options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale: options.lang === 'en' ? 'en-US' : 'es-CO' });
      contexts.push(context);
      // Every page of the test speaks to the same client address as the harness (login limits are per IP).
      await context.setExtraHTTPHeaders({ 'x-forwarded-for': t.clientIp });
      if (options.lang) await context.addInitScript((lang) => localStorage.setItem('crm.lang', lang), options.lang);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async login(page, operation = op, username = admin, password = ADMIN_PASSWORD) {
      await page.goto(studio.url);
      await page.fill('input[name=operation]', operation);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', password);
      await page.click('button[type=submit]');
      await page.waitForSelector('nav.side-menu a[data-module]');
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
  return studio;
}
