import { en } from '../../studio/src/i18n/en';
import { es } from '../../studio/src/i18n/es';
import { startStudio, type Studio } from './support/studio-harness';

/** A2 and the shell: first login with the forced password change, the module menu, the user, and both languages. */
describe('Studio shell', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  it('logs in with the factory password, forces the change, then shows the menu and the user', async () => {
    const op = await s.t.createOperation('first');
    const page = await s.page({ lang: 'es' });
    await page.goto(s.url);
    await page.fill('input[name=operation]', op);
    await page.fill('input[name=username]', `ADMIN_@${op}`);
    await page.fill('input[name=password]', op);
    await page.click('button[type=submit]');

    await page.waitForSelector('text=Cambie su contraseña');
    // The factory password is refused as the new one, with the server's reasons.
    await page.fill('input[name=currentPassword]', op);
    await page.fill('input[name=newPassword]', op);
    await page.fill('input[name=repeatPassword]', op);
    await page.click('button[type=submit]');
    await page.waitForSelector('[role=alert] li');
    await s.shot(page, 'shell-password-refused');

    await page.fill('input[name=newPassword]', 'Nueva-Clave-2026');
    await page.fill('input[name=repeatPassword]', 'Nueva-Clave-2026');
    await page.click('button[type=submit]');
    await page.waitForSelector('nav.side-menu a[data-module=casos]');
    expect(await page.textContent('[data-testid=user-badge]')).toContain(`ADMIN_@${op}`);
    expect(await page.locator('nav.side-menu a[data-module]').count()).toBeGreaterThanOrEqual(13);
    await s.shot(page, 'shell-after-first-login');

    // The new password is the one that works from now on.
    const relogin = await s.t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: 'Nueva-Clave-2026' }, { token: null });
    expect(relogin.body.mustChangePassword).toBe(false);
  });

  it('switches to English, remembers it, and shows no untranslated key or Spanish text', async () => {
    const page = await s.page();
    await page.goto(s.url);
    await page.selectOption('[data-testid=lang-switch]', 'en');
    await page.waitForSelector('text=Sign in');
    await s.login(page);

    // Spanish-only dictionary texts (the ones that differ from their English) must not show in English.
    const keys = Object.keys(es);
    // (A text the English dictionary also uses, such as the language's own name "Español", is not one.)
    const english = new Set(Object.values(en));
    const spanishOnly = Object.entries(es)
      .filter(([key, text]) => text !== en[key as keyof typeof en] && !english.has(text) && text.length > 4 && !text.includes('{'))
      .map(([, text]) => text);
    const check = async (where: string) => {
      // The user's name, level and role are the operation's data, not Studio texts.
      // (A string runs in the page: the test's own TypeScript has no DOM types.)
      const text = await page.evaluate<string>(`(() => {
        const copy = document.body.cloneNode(true);
        copy.querySelectorAll('[data-user-data]').forEach((node) => node.remove());
        const probe = document.createElement('div');
        document.body.append(probe);
        probe.append(copy);
        const seen = probe.innerText;
        probe.remove();
        return seen;
      })()`);
      expect({ where, keys: keys.filter((key) => text.includes(key)) }).toEqual({ where, keys: [] });
      expect({ where, spanish: spanishOnly.filter((phrase) => text.includes(phrase)) }).toEqual({ where, spanish: [] });
    };

    await page.click('nav.side-menu a[data-module=casos]');
    await page.waitForSelector('h1:has-text("Cases")');
    await page.click('[data-testid=toggle-filters]');
    await page.click('[data-testid=add-condition]');
    await check('cases table');
    await s.shot(page, 'shell-english-table');

    await page.click('[data-testid=new-record]');
    await page.waitForSelector('text=New record · Case');
    await page.waitForSelector('label:has-text("Subject")');
    await check('new case form');
    await s.shot(page, 'shell-english-form');

    // An existing record: its form, history and activities; then a kanban board.
    const created = await s.api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Line noise', estado: 'nuevo', prioridad: 'media' });
    await s.api('PATCH', `/api/v1/records/casos/${created.body.id}`, { estado: 'activo', version: 1 });
    await page.goto(`${s.url}/m/casos/${created.body.id}`);
    await page.waitForSelector('label:has-text("Subject")');
    await check('case form');
    await page.click('[data-testid=tab-history]');
    await page.waitForSelector('[data-testid=history] tr[data-field=estado]');
    await check('case history');
    await s.shot(page, 'shell-english-history');
    await page.click('[data-testid=tab-activities]');
    await page.waitForSelector('text=This record has no activities.');
    await check('case activities');
    await page.goto(`${s.url}/m/oportunidades/kanban`);
    await page.waitForSelector('h1:has-text("Kanban by")');
    await check('opportunities kanban');

    // Remembered across a reload.
    await page.goto(`${s.url}/m/casos/new`);
    await page.reload();
    await page.waitForSelector('text=New record · Case');
    expect(await page.evaluate(() => localStorage.getItem('crm.lang'))).toBe('en');
  });
});
