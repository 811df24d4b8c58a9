/**
 * The Studio in a real browser (Debian's Chromium through playwright-core),
 * against the built Studio served by the real server on Postgres:
 *
 * 1. JavaScript shipped for the first screen: every script the browser
 *    fetches for the login screen, then for the first screen after login (the
 *    module menu + the Contactos table), gzip-compressed here with node's
 *    zlib (the server does not compress; this is what a gzip-serving proxy
 *    would send). Baseline: React + ReactDOM alone (a tiny Vite entry with
 *    react-dom/client rendering one element, built in a temp dir with the
 *    same Vite), minified + gzipped the same way.
 * 2. A 100-field form (15 field types, mixed) made through the API: time
 *    from the click on "Nuevo" to the last field in the DOM, measured inside
 *    the page (performance.now + MutationObserver). Baseline: the same 100
 *    labelled inputs rendered by plain React (the baseline bundle) in the same
 *    browser.
 * 3. The Contactos table on 1,000,000 records (lib/contact-data.ts, COPY):
 *    from the click on the menu entry to the first page drawn (the Studio's
 *    default page of 25), then page size 50 → 50 rows drawn, a sort change
 *    and a quick search, each to its rows drawn. Baseline: the very request
 *    bodies the Studio sent (captured from the browser), replayed from Node
 *    with the same token to POST /api/v1/records/contactos/query, interleaved
 *    with the browser loads.
 *
 * 4. A ten-widget dashboard (nine chart types and a gauge) over the same
 *    contactos: from the click on it in the Paneles list to the tenth widget
 *    drawn. Baseline: its ten aggregation bodies (captured from the browser)
 *    sent at once from Node with the same token.
 *
 * The Studio is built into a folder of this run (not dist/studio, which other
 * suites rebuild while they run) and the browser gets its files from that
 * build through request interception (index.html for any other path, as the
 * server does); every /api call goes to the real server.
 *
 * Run: `npm run bench:studio` (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; BENCH_RECORDS (1,000,000),
 * BENCH_RUNS (12), BENCH_SKIP_BUILD=1 to reuse dist/studio, CHROMIUM_PATH).
 * Works in its own database bench_studio_<pid>, dropped at the end; writes
 * test/bench/out/studio.json.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createBenchDatabase, expectStatus, latencyStats, log, ms, rawPool, round, runBench, startBenchServer, tableFacts } from './lib/bench-kit';
import { loadContacts } from './lib/contact-data';
import { JsonClient } from './lib/http-client';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const FIELDS = 100;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'Clave-Segura-2026';
const BASELINE_ORIGIN = 'http://baseline.invalid';

const kb = (bytes: number) => round(bytes / 1024, 1);
const gz = (buf: Buffer) => gzipSync(buf).length;
const summary = (values: number[]) => {
  const s = latencyStats(values);
  return { median: s.p50, p95: s.p95, min: round(Math.min(...values)), max: s.max, runs: values.length, all: values.map((v) => round(v, 1)) };
};

/** React + ReactDOM alone: one element rendered with react-dom/client; `window.benchForm(n)` renders n labelled inputs (the form baseline). */
function buildBaseline(): { dir: string; files: Map<string, Buffer> } {
  const dir = mkdtempSync(join(tmpdir(), 'studio-bench-react-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>React</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>\n',
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
const root = createRoot(document.getElementById('root'));
root.render(h('p', null, 'React'));
const TYPES = { text: 'text', longText: 'textarea', integer: 'number', decimal: 'number', currency: 'number', percent: 'number', date: 'date', datetime: 'datetime-local', boolean: 'checkbox', select: 'select', multiSelect: 'select', email: 'email', phone: 'tel', url: 'url', lookup: 'text' };
window.benchForm = (fields) => root.render(h('form', null, fields.map((f) => {
  const kind = TYPES[f.type] || 'text';
  const id = 'root_' + f.key;
  const input = kind === 'textarea' ? h('textarea', { id, name: f.key }) : kind === 'select'
    ? h('select', { id, name: f.key, multiple: f.type === 'multiSelect' }, (f.options || []).map((o) => h('option', { key: o.key, value: o.key }, o.label.es)))
    : h('input', { id, name: f.key, type: kind });
  return h('div', { key: f.key, className: 'field' }, h('label', { htmlFor: id }, f.label.es), input);
})));
window.benchClear = () => root.render(h('p', null, 'React'));
`,
  );
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', 'dist'], { cwd: dir, stdio: 'inherit' });
  return { dir, files: readTree(join(dir, 'dist')) };
}

/** Every file under `dir`, by URL path ("/assets/x.js"). */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else files.set(`/${rel}`, readFileSync(join(dir, rel)));
    }
  };
  walk('');
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/**
 * In the page (added as an init script, plain JavaScript: the functions handed
 * to page.evaluate stay one anonymous call, so neither DOM types nor tsx's
 * helpers leak in). `__waitFor` resolves with performance.now() when `check`
 * first holds, checked on every DOM mutation and every frame.
 */
const IN_PAGE = `
window.__waitFor = (check, timeout = 120000) => new Promise((resolve, reject) => {
  const started = performance.now();
  let done = false;
  const finish = () => { if (done) return true; if (check()) { done = true; observer.disconnect(); resolve(performance.now()); return true; } return false; };
  const observer = new MutationObserver(() => finish());
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  const frame = () => { if (finish()) return; if (performance.now() - started > timeout) { done = true; observer.disconnect(); reject(new Error('timeout')); return; } requestAnimationFrame(frame); };
  frame();
});
window.__openForm = async (last) => {
  const start = performance.now();
  document.querySelector('[data-testid=new-record]').click();
  return (await window.__waitFor(() => !!document.getElementById('root_' + last))) - start;
};
window.__fieldFacts = (last) => {
  const el = document.getElementById('root_' + last);
  return { inDom: document.querySelectorAll('[id^="root_f"]').length, last: el ? el.tagName.toLowerCase() + (el.getAttribute('type') ? '[type=' + el.getAttribute('type') + ']' : '') : null };
};
window.__reactOnce = async (fields, last) => {
  window.benchClear();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const start = performance.now();
  window.benchForm(fields);
  return (await window.__waitFor(() => !!document.getElementById('root_' + last))) - start;
};
window.__rowCount = () => document.querySelectorAll('table.records tbody tr[data-id]').length;
window.__tableStep = async (act, n) => {
  const rows = () => [...document.querySelectorAll('table.records tbody tr[data-id]')];
  const firstBefore = rows()[0]?.getAttribute('data-id') ?? null;
  const start = performance.now();
  if (act === 'open') document.querySelector('nav.side-menu a[data-module=contactos]').click();
  else if (act === 'pageSize50') {
    const select = document.querySelector('.pager select');
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, '50');
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (act === 'sort') document.querySelector('table.records th[data-field] button.sort').click();
  else if (act === 'search') document.querySelector('form.search').requestSubmit();
  const end = await window.__waitFor(() => {
    const wrap = document.querySelector('.table-wrap');
    if (!wrap || wrap.classList.contains('loading')) return false;
    const r = rows();
    if (n !== null) return r.length === n;
    return r.length > 0 && r[0].getAttribute('data-id') !== firstBefore;
  });
  return end - start;
};
`;

/** Calls one of IN_PAGE's functions. */
type InPage = Record<string, (...args: unknown[]) => unknown>;
const call = <T>(page: Page, name: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([fn, rest]) => (globalThis as unknown as InPage)[fn as string](...(rest as unknown[])), [name, args] as const) as Promise<T>;

interface Captured {
  body: string;
  headers: Record<string, string>;
}

void runBench('studio', async (cleanup) => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  // The Studio is built (as `npm run build:studio` does) into a folder of this run, not dist/studio: other suites on
  // the machine rebuild dist/studio while they run, and the server registers its files at start. The browser gets the
  // Studio's files from this build (intercepted, as the server would send them) and the API from the real server.
  const studioBuild = mkdtempSync(join(tmpdir(), 'studio-bench-build-'));
  cleanup(async () => rmSync(studioBuild, { recursive: true, force: true }));
  if (process.env.BENCH_SKIP_BUILD === '1') {
    log('BENCH_SKIP_BUILD=1: using a snapshot of dist/studio');
    cpSync(join(ROOT, 'dist', 'studio'), studioBuild, { recursive: true });
  } else {
    log('building the Studio (vite build --config studio/vite.config.mts) into a folder of this run');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'studio/vite.config.mts', '--logLevel', 'warn', '--outDir', studioBuild, '--emptyOutDir'],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  const studioFiles = readTree(studioBuild);
  const builtJs = [...studioFiles].filter(([path]) => path.endsWith('.js'));
  const studioBuilt = {
    jsGzipKB: kb(builtJs.reduce((a, [, buf]) => a + gz(buf), 0)),
    chunks: builtJs.map(([path, buf]) => ({ path, rawKB: kb(buf.length), gzipKB: kb(gz(buf)) })).sort((a, b) => b.gzipKB - a.gzipKB),
  };
  log('building the React + ReactDOM baseline');
  const baseline = buildBaseline();
  cleanup(async () => rmSync(baseline.dir, { recursive: true, force: true }));
  const baselineJs = [...baseline.files].filter(([path]) => path.endsWith('.js'));
  const reactOnly = {
    chunks: baselineJs.map(([path, buf]) => ({ path, rawKB: kb(buf.length), gzipKB: kb(gz(buf)) })),
    gzipKB: kb(baselineJs.reduce((a, [, buf]) => a + gz(buf), 0)),
    rawKB: kb(baselineJs.reduce((a, [, buf]) => a + buf.length, 0)),
  };
  log(`React + ReactDOM alone: ${reactOnly.gzipKB} KB gzip`);

  const db = await createBenchDatabase('studio');
  cleanup(() => db.drop());
  const t = await startBenchServer(db);
  cleanup(() => t.close());
  const op = await t.createOperation('bstudio');
  const admin = `ADMIN_@${op}`;
  const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: admin, password: op }, { token: null });
  expectStatus(first, 200, 'first login');
  const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: PASSWORD }, { token: first.body.accessToken });
  expectStatus(changed, 200, 'change password');

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  cleanup(() => browser.close());
  const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'es-CO' });
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': t.clientIp });
    const origin = new URL(t.server.url).origin;
    await context.route(
      (url) => url.origin === origin && !url.pathname.startsWith('/api/'),
      (route) => {
        const path = new URL(route.request().url()).pathname;
        const file = studioFiles.get(path);
        // Like the server: a built file as it is, index.html (no-cache) for any other path.
        if (file) return route.fulfill({ status: 200, body: file, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
        return route.fulfill({ status: 200, body: studioFiles.get('/index.html'), contentType: 'text/html', headers: { 'cache-control': 'no-cache' } });
      },
    );
    await context.addInitScript(IN_PAGE);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    return { context, page };
  };
  const login = async (page: Page) => {
    await page.fill('input[name=operation]', op);
    await page.fill('input[name=username]', admin);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('nav.side-menu a[data-module]');
  };

  // ---- 1. JavaScript shipped for the first screen ----
  log('first screen: scripts the browser downloads');
  const shipped = async () => {
    const { context, page } = await newPage();
    const seen = new Map<string, { path: string; type: string; raw: number; gzip: number }>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== new URL(t.server.url).origin || url.pathname.startsWith('/api/')) return;
      const type = response.request().resourceType();
      pending.push(
        response.body().then(
          (buf) => void seen.set(url.pathname, { path: url.pathname, type: type === 'script' || extname(url.pathname) === '.js' ? 'script' : type, raw: buf.length, gzip: gz(buf) }),
          () => undefined,
        ),
      );
    });
    const snapshot = async () => {
      await Promise.all(pending);
      const all = [...seen.values()];
      const js = all.filter((f) => f.type === 'script');
      const css = all.filter((f) => f.type === 'stylesheet' || f.path.endsWith('.css'));
      return {
        jsGzipKB: kb(js.reduce((a, f) => a + f.gzip, 0)),
        jsRawKB: kb(js.reduce((a, f) => a + f.raw, 0)),
        cssGzipKB: kb(css.reduce((a, f) => a + f.gzip, 0)),
        chunks: js.map((f) => ({ path: f.path, rawKB: kb(f.raw), gzipKB: kb(f.gzip) })).sort((a, b) => b.gzipKB - a.gzipKB),
      };
    };
    await page.goto(t.server.url, { waitUntil: 'networkidle' });
    await page.waitForSelector('input[name=operation]');
    const loginScreen = await snapshot();
    await login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.waitForSelector('table.records');
    await page.waitForLoadState('networkidle');
    const afterLogin = await snapshot();
    await context.close();
    return { loginScreen, afterLogin };
  };
  const firstScreen = await shipped();
  log(`login screen ${firstScreen.loginScreen.jsGzipKB} KB gzip JS; + menu and table ${firstScreen.afterLogin.jsGzipKB} KB`);

  // ---- 2. A 100-field form ----
  const TYPES = ['text', 'longText', 'integer', 'decimal', 'currency', 'percent', 'date', 'datetime', 'boolean', 'select', 'multiSelect', 'email', 'phone', 'url', 'lookup'];
  const options = ['uno', 'dos', 'tres', 'cuatro'].map((key) => ({ key, label: { es: key, en: key } }));
  const fields = Array.from({ length: FIELDS }, (_, i) => {
    const type = TYPES[i % TYPES.length];
    const key = `f${String(i + 1).padStart(3, '0')}`;
    const base = { key, type, label: { es: `Campo ${i + 1} (${type})`, en: `Field ${i + 1} (${type})` } };
    if (type === 'currency') return { ...base, currency: 'COP', scale: 0 };
    if (type === 'decimal' || type === 'percent') return { ...base, scale: 2 };
    if (type === 'select' || type === 'multiSelect') return { ...base, options };
    if (type === 'lookup') return { ...base, target: 'contactos' };
    return base;
  });
  const lastKey = fields[fields.length - 1].key;
  const created = await t.api(
    'POST',
    '/api/v1/modules',
    { key: 'cien_campos', version: 1, icon: 'package', names: { singular: { es: 'Ficha', en: 'Sheet' }, plural: { es: 'Fichas de cien campos', en: 'Hundred-field sheets' } }, fields },
    { operation: op },
  );
  expectStatus(created, 201, 'POST /api/v1/modules (100 fields)');

  log(`100-field form: ${RUNS} runs in the Studio and in plain React`);
  const { context: formContext, page: formPage } = await newPage();
  const formScripts = new Map<string, Promise<{ raw: number; gzip: number }>>();
  formPage.on('response', (response) => {
    const url = new URL(response.url());
    if (response.request().resourceType() !== 'script' || formScripts.has(url.pathname)) return;
    formScripts.set(
      url.pathname,
      response.body().then(
        (buf) => ({ raw: buf.length, gzip: gz(buf) }),
        () => ({ raw: 0, gzip: 0 }),
      ),
    );
  });
  await formPage.goto(t.server.url);
  await login(formPage);
  // The form's chunks are fetched on the first open: that open is reported apart (cold), the runs after it are warm.
  const openForm = async () => {
    await formPage.click('nav.side-menu a[data-module=cien_campos]');
    await formPage.waitForSelector('[data-testid=new-record]');
    await formPage.waitForSelector('.table-wrap:not(.loading)');
    return call<number>(formPage, '__openForm', lastKey);
  };
  const scriptsBeforeForm = new Set(formScripts.keys());
  const formCold = await openForm();
  await formPage.waitForLoadState('networkidle');
  const formChunks = await Promise.all(
    [...formScripts].filter(([path]) => !scriptsBeforeForm.has(path)).map(async ([path, size]) => ({ path, rawKB: kb((await size).raw), gzipKB: kb((await size).gzip) })),
  );
  const fieldFacts = await call<{ inDom: number; last: string | null }>(formPage, '__fieldFacts', lastKey);
  await formPage.screenshot({ path: join(ROOT, 'test', 'bench', 'out', 'studio-form.png') }).catch(() => undefined);
  const studioForm: number[] = [];
  const reactForm: number[] = [];
  const { context: reactContext, page: reactPage } = await newPage();
  await reactContext.route(`${BASELINE_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const buf = baseline.files.get(path === '/' ? '/index.html' : path);
    if (!buf) return route.fulfill({ status: 404, body: '' });
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html';
    return route.fulfill({ status: 200, body: buf, contentType: type });
  });
  await reactPage.goto(`${BASELINE_ORIGIN}/`);
  await reactPage.waitForFunction(() => typeof (globalThis as unknown as { benchForm?: unknown }).benchForm === 'function');
  const reactOnce = () => call<number>(reactPage, '__reactOnce', fields, lastKey);
  await reactOnce(); // warm-up, like the Studio's cold open
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first.
    if (i % 2) reactForm.push(await reactOnce());
    studioForm.push(await openForm());
    if (!(i % 2)) reactForm.push(await reactOnce());
  }
  await formContext.close();
  await reactContext.close();
  const form = {
    fields: FIELDS,
    types: TYPES,
    fieldsInDom: fieldFacts.inDom,
    lastField: fieldFacts.last,
    studioColdFirstOpenMs: round(formCold, 1),
    chunksFetchedOnFirstOpen: {
      gzipKB: round(
        formChunks.reduce((a, c) => a + c.gzipKB, 0),
        1,
      ),
      chunks: formChunks,
    },
    studioMs: summary(studioForm),
    plainReactMs: summary(reactForm),
    ratioMedian: round(latencyStats(studioForm).p50 / latencyStats(reactForm).p50, 1),
  };
  log(`form: Studio median ${form.studioMs.median} ms (cold ${form.studioColdFirstOpenMs}), plain React ${form.plainReactMs.median} ms`);

  // ---- 3. The Contactos table on 1,000,000 records ----
  const pool = rawPool(db.url, { max: 2 });
  cleanup(() => pool.end());
  const schema = `op_${op}`;
  log(`loading ${RECORDS.toLocaleString('en')} contactos into ${schema}.contactos`);
  const load = await loadContacts(pool, schema, 'contactos', RECORDS, log);
  const facts = await tableFacts(pool, schema, 'contactos');
  log(`table: ${JSON.stringify(facts)}`);

  const { context: tableContext, page } = await newPage();
  const captured: Record<string, Captured> = {};
  let capturing: string | null = null;
  page.on('request', (request) => {
    if (!capturing || request.method() !== 'POST' || !request.url().includes('/api/v1/records/contactos/query')) return;
    const h = request.headers();
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': t.clientIp };
    for (const name of ['authorization', 'accept-language', 'x-operation']) if (h[name]) headers[name] = h[name];
    captured[capturing] = { body: request.postData() ?? '', headers };
  });
  await page.goto(t.server.url);
  await login(page);
  const rowCount = () => call<number>(page, '__rowCount');
  const SEARCH = 'María';

  type Step = 'open' | 'pageSize50' | 'sort' | 'search';
  const browserMs: Record<Step, number[]> = { open: [], pageSize50: [], sort: [], search: [] };
  const apiMs: Record<Step, number[]> = { open: [], pageSize50: [], sort: [], search: [] };
  const drawn: Record<Step, number> = { open: 0, pageSize50: 0, sort: 0, search: 0 };
  const inPage = (action: Step, expectRows: number | null) => call<number>(page, '__tableStep', action, expectRows);
  const leave = async () => {
    await page.click('nav.side-menu a[data-module=cien_campos]');
    await page.waitForSelector('[data-testid=new-record]');
  };
  const apiClient = { send: async (_step: Step) => 0 };
  let client: JsonClient | null = null;
  apiClient.send = async (step: Step) => {
    const c = captured[step];
    if (!c) return NaN;
    client ??= new JsonClient(t.server.url, Object.fromEntries(Object.entries(c.headers).filter(([k]) => k !== 'content-type')));
    const start = process.hrtime.bigint();
    const res = await client.send('POST', '/api/v1/records/contactos/query', JSON.parse(c.body));
    const took = ms(start);
    expectStatus(res, 200, `replay ${step}`);
    return took;
  };
  cleanup(async () => client?.close());

  const oneLoad = async (measure: boolean, shot = false) => {
    capturing = 'open';
    const open = await inPage('open', null);
    drawn.open = await rowCount();
    capturing = 'pageSize50';
    const size = await inPage('pageSize50', 50);
    drawn.pageSize50 = await rowCount();
    capturing = 'sort';
    const sorted = await inPage('sort', null);
    drawn.sort = await rowCount();
    capturing = null;
    await page.fill('[data-testid=quick-search]', SEARCH);
    capturing = 'search';
    const searched = await inPage('search', null);
    drawn.search = await rowCount();
    capturing = null;
    if (measure) {
      browserMs.open.push(open);
      browserMs.pageSize50.push(size);
      browserMs.sort.push(sorted);
      browserMs.search.push(searched);
    }
    if (shot) await page.screenshot({ path: join(ROOT, 'test', 'bench', 'out', 'studio-table.png') }).catch(() => undefined);
    await leave();
  };
  log(`table: ${RUNS} loads (open, page size 50, sort, quick search), each followed by the API replay from Node`);
  await leave();
  await oneLoad(false); // warm-up: chunks, definition cache, Postgres buffers
  for (const step of Object.keys(apiMs) as Step[]) await apiClient.send(step);
  for (let i = 0; i < RUNS; i++) {
    await oneLoad(true, i === RUNS - 1);
    for (const step of Object.keys(apiMs) as Step[]) apiMs[step].push(await apiClient.send(step));
    log(
      `load ${i + 1}: open ${browserMs.open[i].toFixed(0)} ms, 50 rows ${browserMs.pageSize50[i].toFixed(0)} ms, sort ${browserMs.sort[i].toFixed(0)} ms, search ${browserMs.search[i].toFixed(0)} ms`,
    );
  }
  await tableContext.close();
  const openTo50 = browserMs.open.map((v, i) => v + browserMs.pageSize50[i]);
  const apiOpenTo50 = apiMs.open.map((v, i) => v + apiMs.pageSize50[i]);
  const steps = Object.fromEntries(
    (Object.keys(browserMs) as Step[]).map((step) => [
      step,
      {
        rowsDrawn: drawn[step],
        request: JSON.parse(captured[step]?.body ?? 'null'),
        studioMs: summary(browserMs[step]),
        apiFromNodeMs: summary(apiMs[step]),
        ratioMedian: round(latencyStats(browserMs[step]).p50 / latencyStats(apiMs[step]).p50, 2),
        studioOwnMsMedian: round(latencyStats(browserMs[step]).p50 - latencyStats(apiMs[step]).p50, 1),
      },
    ]),
  );

  // ---- 4. A ten-widget dashboard on the same contactos ----
  // Ten charts and gauges of every kind over the 1,000,000 contactos, saved through the API; timed from the click on
  // the dashboard in the list to the tenth widget drawn (its canvas, which appears once its aggregation answered).
  // Baseline: the same ten aggregation bodies sent from Node at once with the same token.
  const widgetDefs: [string, string, Record<string, unknown>][] = [
    ['column', 'Por ciudad', { groups: [{ field: 'ciudad' }], order: { by: 'value', dir: 'desc' }, limit: 20 }],
    ['pie', 'Por género', { groups: [{ field: 'genero' }] }],
    ['donut', 'Por canal', { groups: [{ field: 'canal_preferido' }] }],
    ['stackedColumn', 'Región y origen', { groups: [{ field: 'region' }, { field: 'origen' }], limit: 200 }],
    ['line', 'Última actividad por mes', { groups: [{ field: 'ultima_actividad', bucket: 'month' }] }],
    ['funnel', 'Por origen', { groups: [{ field: 'origen' }], order: { by: 'value', dir: 'desc' } }],
    ['horizontalFunnel', 'Por país', { groups: [{ field: 'pais' }], order: { by: 'value', dir: 'desc' }, limit: 10 }],
    ['pie3d', 'Autoriza datos', { groups: [{ field: 'autoriza_datos' }] }],
    ['donut3d', 'Tipo de documento', { groups: [{ field: 'tipo_documento' }] }],
  ];
  const widgets = [
    ...widgetDefs.map(([chart, title, query], i) => ({
      id: `w${i}`,
      title,
      kind: 'chart',
      module: 'contactos',
      chart,
      query: { measures: [{ op: 'count' }], ...query },
      layout: { x: (i % 3) * 4, y: Math.floor(i / 3) * 4, w: 4, h: 4 },
    })),
    {
      id: 'w9',
      title: 'Contactos del año',
      kind: 'gauge',
      module: 'contactos',
      query: { measures: [{ op: 'count' }] },
      gauge: { goal: RECORDS, dateField: 'createdAt', dateFilter: 'thisYear', thresholds: { yellow: 50, green: 80 } },
      layout: { x: 0, y: 12, w: 4, h: 4 },
    },
  ];
  const saved = await t.api('POST', '/api/v1/dashboards', { name: 'Diez widgets', widgets }, { operation: op });
  expectStatus(saved, 201, 'save the ten-widget dashboard');
  const { context: dashContext, page: dashPage } = await newPage();
  const aggregateBodies: { module: string; body: string; headers: Record<string, string> }[] = [];
  let capturingAggregates = false;
  dashPage.on('request', (request) => {
    if (!capturingAggregates || request.method() !== 'POST' || !request.url().includes('/aggregate')) return;
    const h = request.headers();
    const headers: Record<string, string> = { 'x-forwarded-for': t.clientIp };
    for (const name of ['authorization', 'accept-language', 'x-operation']) if (h[name]) headers[name] = h[name];
    aggregateBodies.push({ module: new URL(request.url()).pathname, body: request.postData() ?? '', headers });
  });
  await dashPage.goto(t.server.url);
  await login(dashPage);
  const DASH_RUNS = Math.max(3, Math.min(RUNS, 8));
  const dashMs: number[] = [];
  const dashApiMs: number[] = [];
  let dashClient: JsonClient | null = null;
  cleanup(async () => dashClient?.close());
  const openDashboard = async () => {
    await dashPage.click('[data-testid=menu-dashboards]');
    await dashPage.waitForSelector('[data-testid=dashboard-row] a');
    const took = await dashPage.evaluate<number>(`new Promise((resolve) => {
      const start = performance.now();
      const done = () => document.querySelectorAll('[data-testid=widget] canvas').length >= 10;
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(document.body, { childList: true, subtree: true });
      document.querySelector('[data-testid=dashboard-row] a').click();
    })`);
    return took;
  };
  const replay = async () => {
    dashClient ??= new JsonClient(t.server.url, aggregateBodies[0].headers);
    const c = dashClient;
    const start = process.hrtime.bigint();
    const answers = await Promise.all(aggregateBodies.map((a) => c.send('POST', a.module, JSON.parse(a.body))));
    const took = ms(start);
    for (const answer of answers) expectStatus(answer, 200, 'replay aggregate');
    return took;
  };
  log(`dashboard: ${DASH_RUNS} opens of a ten-widget dashboard, each followed by its ten aggregations from Node`);
  capturingAggregates = true;
  const coldOpenMs = await openDashboard();
  capturingAggregates = false;
  if (aggregateBodies.length !== 10) throw new Error(`expected 10 aggregations, saw ${aggregateBodies.length}`);
  await replay();
  for (let i = 0; i < DASH_RUNS; i++) {
    dashMs.push(await openDashboard());
    dashApiMs.push(await replay());
    log(`dashboard ${i + 1}: ${dashMs[i].toFixed(0)} ms in the Studio, ${dashApiMs[i].toFixed(0)} ms for its ten aggregations from Node`);
  }
  await dashPage.screenshot({ path: join(ROOT, 'test', 'bench', 'out', 'studio-dashboard.png') }).catch(() => undefined);
  await dashContext.close();
  const dashboard = {
    widgets: widgets.map((w) => ({ kind: w.kind, chart: (w as { chart?: string }).chart ?? null, query: w.query })),
    coldFirstOpenMs: round(coldOpenMs, 1),
    studioMs: summary(dashMs),
    tenAggregationsFromNodeMs: summary(dashApiMs),
    ratioMedian: round(latencyStats(dashMs).p50 / latencyStats(dashApiMs).p50, 2),
  };
  log(`dashboard: Studio median ${dashboard.studioMs.median} ms (cold ${dashboard.coldFirstOpenMs}), ten aggregations from Node ${dashboard.tenAggregationsFromNodeMs.median} ms`);

  return {
    records: RECORDS,
    runs: RUNS,
    chromium: browser.version(),
    firstScreen: {
      note: 'gzip (zlib default level) of each file the browser fetched; the server sends them uncompressed',
      wholeBuild: studioBuilt,
      reactAndReactDomAlone: reactOnly,
      loginScreen: { ...firstScreen.loginScreen, ratioToReact: round(firstScreen.loginScreen.jsGzipKB / reactOnly.gzipKB, 2) },
      afterLoginMenuAndTable: { ...firstScreen.afterLogin, ratioToReact: round(firstScreen.afterLogin.jsGzipKB / reactOnly.gzipKB, 2) },
    },
    form,
    table: {
      facts,
      setupSeconds: load,
      search: SEARCH,
      openTo50RowsMs: { studio: summary(openTo50), apiFromNode: summary(apiOpenTo50), ratioMedian: round(latencyStats(openTo50).p50 / latencyStats(apiOpenTo50).p50, 2) },
      steps,
    },
    dashboard,
  };
});
