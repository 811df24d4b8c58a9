import type { Page } from 'playwright-core';
import { startStudio, type Studio } from './support/studio-harness';

const CITIES = ['Bogotá', 'Cali', 'Medellín', 'Barranquilla'];

/** Issue 12 items 3 and 4: a dashboard with a column chart and a gauge, moved, resized, saved, reloaded, and a bar clicked into the filtered table. */
describe('Studio dashboards', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
    const contacts = CITIES.flatMap((ciudad, c) => Array.from({ length: 3 + c * 4 }, (_, i) => ({ nombre: `Contacto ${ciudad} ${i + 1}`, ciudad })));
    expect((await s.api('POST', '/api/v1/records/contactos/bulk', { rows: contacts, mode: 'insert' })).status).toBe(200);
    const year = new Date().getFullYear();
    const deals = Array.from({ length: 12 }, (_, i) => ({ nombre: `Venta ${i + 1}`, fase: 'ganada', fecha_cierre: `${year}-${String(i + 1).padStart(2, '0')}-10`, monto: String(1000 * (i + 1)) }));
    expect((await s.api('POST', '/api/v1/records/oportunidades/bulk', { rows: deals, mode: 'insert' })).status).toBe(200);
  });
  afterAll(() => s?.close());

  const box = async (page: Page, selector: string) => {
    const found = await page.locator(selector).boundingBox();
    if (!found) throw new Error(`${selector} is not on screen`);
    return found;
  };

  it('builds, arranges, saves and reloads a dashboard, then clicks a bar into the filtered table', async () => {
    const page = await s.page({ lang: 'es' });
    await page.setViewportSize({ width: 1400, height: 1000 });
    await s.login(page);
    await page.click('[data-testid=menu-dashboards]');
    await page.waitForSelector('text=Paneles de información');
    await page.click('[data-testid=new-dashboard]');
    await page.fill('[data-testid=dashboard-name]', 'Contactos y ventas');

    // A column chart: contacts by city.
    await page.click('[data-testid=add-widget]');
    await page.fill('[data-testid=widget-title]', 'Contactos por ciudad');
    await page.selectOption('[data-testid=widget-module]', 'contactos');
    await page.selectOption('[data-testid=widget-chart]', 'column');
    await page.selectOption('[data-testid=widget-group-0]', 'ciudad');
    await page.selectOption('[data-testid=widget-order]', 'value:desc');
    await s.shot(page, 'dashboards-widget-dialog');
    await page.click('[data-testid=widget-confirm]');
    await page.waitForSelector('[data-testid=widget] canvas');

    // A goal gauge: won value this year against a goal.
    await page.click('[data-testid=add-widget]');
    await page.fill('[data-testid=widget-title]', 'Ventas del año');
    await page.selectOption('[data-testid=widget-module]', 'oportunidades');
    await page.selectOption('[data-testid=widget-kind]', 'gauge');
    await page.selectOption('[data-testid=widget-measure-0]', 'sum');
    await page.selectOption('[data-testid=widget-measure-field-0]', 'monto');
    await page.selectOption('[data-testid=widget-date-field]', 'fecha_cierre');
    await page.selectOption('[data-testid=widget-date-filter]', 'thisYear');
    await page.fill('[data-testid=widget-goal]', '100000');
    await page.fill('[data-testid=widget-yellow]', '50');
    await page.fill('[data-testid=widget-green]', '75');
    await page.click('[data-testid=widget-confirm]');
    await page.waitForFunction(`document.querySelectorAll('[data-testid=widget] canvas').length === 2`);

    // Move the gauge to the right of the chart, and make the chart taller.
    const gaugeHead = await box(page, '[data-testid=widget]:nth-child(2) .widget-head');
    const chartBox = await box(page, '[data-testid=widget]:nth-child(1)');
    await page.mouse.move(gaugeHead.x + 40, gaugeHead.y + gaugeHead.height / 2);
    await page.mouse.down();
    await page.mouse.move(chartBox.x + chartBox.width + 60, chartBox.y + 20, { steps: 12 });
    await page.mouse.up();
    // Let the grid's 200 ms transition put the moved widget in place.
    await page.waitForTimeout(400);
    const handle = await box(page, '[data-testid=widget]:nth-child(1) .react-resizable-handle');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 140, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await s.shot(page, 'dashboards-arranged');

    await page.click('[data-testid=save-dashboard]');
    await page.waitForSelector('text=Panel guardado.');
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    const saved = (await s.api('GET', `/api/v1/dashboards/${id}`)).body;
    const [chart, gauge] = saved.widgets;
    expect(saved.name).toBe('Contactos y ventas');
    expect(chart.query).toEqual({ groups: [{ field: 'ciudad' }], measures: [{ op: 'count' }], order: { by: 'value', dir: 'desc', measure: 0 } });
    expect(gauge.gauge).toEqual({ goal: 100000, dateField: 'fecha_cierre', dateFilter: 'thisYear', thresholds: { yellow: 50, green: 75 } });
    // Moved beside the chart, and the chart resized taller than the 5 rows it was added with.
    expect(gauge.layout).toMatchObject({ x: 6, y: 0 });
    expect(chart.layout.h).toBeGreaterThan(5);

    const positions = () => page.evaluate(`[...document.querySelectorAll('[data-testid=widget]')].map((el) => [el.getAttribute('data-widget'), el.style.transform, el.style.height])`);
    const before = await positions();
    await page.reload();
    await page.waitForFunction(`document.querySelectorAll('[data-testid=widget] canvas').length === 2`);
    expect(await positions()).toEqual(before);
    expect(await page.inputValue('[data-testid=dashboard-name]')).toBe('Contactos y ventas');
    await page.waitForTimeout(500);
    await s.shot(page, 'dashboards-reloaded');

    // Click a bar: scan along the bottom of the plot until the pointer is over a bar, then click it.
    const canvas = page.locator('[data-testid=widget]:nth-child(1) canvas');
    const area = await box(page, '[data-testid=widget]:nth-child(1) canvas');
    const y = area.y + area.height - 70;
    let hit = false;
    for (let x = area.x + 40; x < area.x + area.width - 10 && !hit; x += 6) {
      await page.mouse.move(x, y);
      hit =
        (await canvas.evaluate((el: { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { cursor: string } } } }) => el.ownerDocument.defaultView.getComputedStyle(el).cursor)) ===
        'pointer';
      if (hit) await page.mouse.click(x, y);
    }
    expect(hit).toBe(true);
    await page.waitForURL(/\/m\/contactos\?filter=/);
    const filter = JSON.parse(Buffer.from(new URL(page.url()).searchParams.get('filter') as string, 'base64url').toString('utf8'));
    expect(filter).toEqual({ field: 'ciudad', op: 'eq', value: expect.any(String) });
    const bars = (await s.api('POST', '/api/v1/records/contactos/aggregate', chart.query)).body.rows as { keys: { value: string }[]; values: number[] }[];
    const bar = bars.find((r) => r.keys[0].value === filter.value);
    expect(bar).toBeDefined();
    await page.waitForSelector(`[data-testid=row-count]:has-text("${(bar as { values: number[] }).values[0].toLocaleString('es-CO')} registros")`);
    // The filter is visible in the table's filter builder.
    expect(await page.locator('[data-testid=filter-condition]').count()).toBe(1);
    expect(await page.locator('[data-testid=condition-value]').inputValue()).toBe(filter.value);
    await s.shot(page, 'dashboards-click-through');
  });

  it('in English, an agent of a shared profile sees the dashboard with only their own numbers and cannot change it', async () => {
    const rights = { view: true, create: true, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false };
    const profile = await s.api('POST', '/api/v1/profiles', {
      name: 'Agentes de ventas',
      permissions: { modules: { '*': rights }, fields: {}, visibility: 'own', allUsersCanEdit: false, aiAssistant: false, admin: false },
    });
    expect(profile.status).toBe(201);
    const role = (await s.api('GET', '/api/v1/roles')).body.items[0];
    expect((await s.api('POST', '/api/v1/users', { username: 'vera', displayName: 'Vera', profileId: profile.body.id, roleId: role.id })).status).toBe(201);
    const first = await s.t.api('POST', '/api/v1/auth/login', { operation: s.op, username: 'vera', password: s.op }, { token: null });
    const token = (await s.t.api('POST', '/api/v1/auth/change-password', { currentPassword: s.op, newPassword: 'Ventas-Seguras-2031' }, { token: first.body.accessToken })).body.accessToken;
    for (const ciudad of ['Cali', 'Cali', 'Pasto']) {
      expect((await s.t.api('POST', '/api/v1/records/contactos', { nombre: `Propio ${ciudad}`, ciudad }, { token, operation: s.op })).status).toBe(201);
    }
    const shared = await s.api('POST', '/api/v1/dashboards', {
      name: 'Equipo de ventas',
      sharedWith: [profile.body.id],
      widgets: [
        {
          id: 'c',
          title: 'My contacts by city',
          kind: 'chart',
          module: 'contactos',
          chart: 'pie',
          query: { groups: [{ field: 'ciudad' }], measures: [{ op: 'count' }] },
          layout: { x: 0, y: 0, w: 6, h: 5 },
        },
      ],
    });
    expect(shared.status).toBe(201);

    const page = await s.page({ lang: 'en' });
    await page.setViewportSize({ width: 1400, height: 900 });
    await s.login(page, s.op, 'vera', 'Ventas-Seguras-2031').catch(async (error) => {
      await s.shot(page, 'dashboards-login-failed');
      throw error;
    });
    await page.click('[data-testid=menu-dashboards]');
    await page.waitForSelector('h1:has-text("Dashboards")');
    expect(await page.locator('[data-testid=dashboard-row]').count()).toBe(1);
    await page.click('[data-testid=dashboard-row] a');
    await page.waitForSelector('[data-testid=widget] canvas');
    await page.waitForSelector('text=This dashboard is shared with you: you can see it, not change it.');
    expect(await page.locator('[data-testid=save-dashboard]').count()).toBe(0);
    expect(await page.locator('[data-testid=add-widget]').count()).toBe(0);
    // Her numbers: the same widget, read as her.
    const mine = (await s.t.api('POST', '/api/v1/records/contactos/aggregate', shared.body.widgets[0].query, { token, operation: s.op })).body.rows;
    expect(mine.map((r: { keys: { value: string }[]; values: number[] }) => [r.keys[0].value, r.values[0]])).toEqual([
      ['Cali', 2],
      ['Pasto', 1],
    ]);
    await page.waitForTimeout(500);
    await s.shot(page, 'dashboards-shared-en');
  });
});
