import type { ModuleDefinition } from '@crm/engine';
import { PluginHost } from '@crm/engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionContext, anaPerez, COBRANZA, CONFIG, GESTIONES } from './cobranza.fixture';
import en from './locale/en.json';
import es from './locale/es.json';
import defaultExport, { collectionsClearFieldsPlugin } from './plugin';

describe('collections-clear-fields plugin package', () => {
  it('exports the plugin by name and as default', () => {
    expect(defaultExport).toBe(collectionsClearFieldsPlugin);
    expect(collectionsClearFieldsPlugin).toMatchObject({ name: 'collections-clear-fields', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(collectionsClearFieldsPlugin.description.es).toMatch(/gestión/);
    expect(collectionsClearFieldsPlugin.description.en).toMatch(/interaction/);
  });

  it('has every text in Spanish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const value of [...Object.values(es), ...Object.values(en)]) expect(value.trim()).not.toBe('');
    for (const key of Object.keys(es) as (keyof typeof es)[]) {
      expect(en[key].match(/\{\w+\}/g)?.sort()).toEqual(es[key].match(/\{\w+\}/g)?.sort());
    }
  });

  it("runs through the engine's plugin host for a module that lists it", async () => {
    const host = new PluginHost([collectionsClearFieldsPlugin]);
    expect(host.configChecks().get('collections-clear-fields')?.({ ...CONFIG }, COBRANZA)).toEqual([]);
    expect(host.actions(COBRANZA)).toEqual([
      { plugin: 'collections-clear-fields', key: 'registrar_gestion', label: { es: 'Registrar gestión', en: 'Register interaction' }, inputSchema: expect.any(Object) },
    ]);
    expect(host.actions(GESTIONES)).toEqual([]);
    const { config: _config, ...context } = actionContext(anaPerez(), { canal: 'whatsapp' });
    const result = await host.runAction('registrar_gestion', context);
    expect(result.create?.[0]).toMatchObject({ module: 'gestiones', values: { canal: 'whatsapp', cobranza: anaPerez().id } });
  });

  it.each(['cobranza', 'gestiones'])("accepts the config of the catalog's %s module", (module) => {
    const catalog = JSON.parse(readFileSync(join(__dirname, `../../modules-catalog/${module}.module.json`), 'utf8')) as ModuleDefinition;
    const entry = (catalog.plugins ?? []).find((p) => p.name === 'collections-clear-fields');
    expect(entry).toBeDefined();
    expect(collectionsClearFieldsPlugin.checkConfig(entry?.config ?? {}, catalog)).toEqual([]);
  });
});
