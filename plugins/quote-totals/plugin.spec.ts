import type { ModuleDefinition, RecordValues } from '@crm/engine';
import { PluginHost } from '@crm/engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from './locale/en.json';
import es from './locale/es.json';
import defaultExport, { quoteTotalsPlugin } from './plugin';
import { CONFIG, COTIZACIONES, hookContext, LICENCIA, productStore } from './quote.fixture';

describe('quote-totals plugin package', () => {
  it('exports the plugin by name and as default', () => {
    expect(defaultExport).toBe(quoteTotalsPlugin);
    expect(quoteTotalsPlugin).toMatchObject({ name: 'quote-totals', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(quoteTotalsPlugin.description.es).toMatch(/cotización/);
    expect(quoteTotalsPlugin.description.en).toMatch(/quote/);
  });

  it('has every text in Spanish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const value of [...Object.values(es), ...Object.values(en)]) expect(value.trim()).not.toBe('');
    // The same placeholders in both languages.
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      expect(en[key].match(/\{\w+\}/g)?.sort()).toEqual(es[key].match(/\{\w+\}/g)?.sort());
    }
  });

  it("runs through the engine's plugin host for a module that lists it", async () => {
    const host = new PluginHost([quoteTotalsPlugin]);
    expect(host.configChecks().get('quote-totals')?.({ ...CONFIG }, COTIZACIONES)).toEqual([]);
    expect(host.actions(COTIZACIONES)).toEqual([
      { plugin: 'quote-totals', key: 'recalcular', label: { es: 'Recalcular totales', en: 'Recalculate totals' }, inputSchema: { type: 'object', additionalProperties: true } },
    ]);

    const record: RecordValues = { lista_precios: 'Colombia COP', lineas: [{ producto: LICENCIA, cantidad: 1 }] };
    const { config: _config, ...context } = hookContext(record);
    await host.beforeValidate(context);
    expect(await host.beforeSave(context)).toEqual([]);
    // 89,900.00 + 19 % = 17,081.00
    expect(record).toMatchObject({ subtotal: '89900.00', impuesto_total: '17081.00', total: '106981.00' });

    const result = await host.runAction('recalcular', {
      definition: COTIZACIONES,
      record: { id: 'c3000000-0000-4000-8000-000000000001', ...record },
      input: {},
      user: context.user,
      services: productStore().services,
    });
    expect(result.patch).toMatchObject({ total: '106981.00' });
  });

  it("accepts the config of the catalog's cotizaciones module", () => {
    const catalog = JSON.parse(readFileSync(join(__dirname, '../../modules-catalog/cotizaciones.module.json'), 'utf8')) as ModuleDefinition;
    const entry = (catalog.plugins ?? []).find((p) => p.name === 'quote-totals');
    expect(entry).toBeDefined();
    expect(quoteTotalsPlugin.checkConfig(entry?.config ?? {}, catalog)).toEqual([]);
  });
});
