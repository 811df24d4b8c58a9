import { validateDefinition } from '@crm/engine';
import { CATALOG_MODULES } from '@crm/modules-catalog';
import { PLUGIN_PACKAGES } from '@crm/plugins';
import { STUDIO_PARTS } from '@crm/plugins/studio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PluginRegistry } from './plugin.registry';

const names = PLUGIN_PACKAGES.map((pkg) => pkg.server.name);
const locale = (name: string, language: 'es' | 'en') => JSON.parse(readFileSync(join(__dirname, '../../plugins', name, 'locale', `${language}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('plugin registry', () => {
  it('installs the plugins the catalog ships, each once', () => {
    expect(names).toEqual(expect.arrayContaining(['collections-clear-fields', 'quote-totals']));
    expect(new Set(names).size).toBe(names.length);
    const { host } = new PluginRegistry();
    for (const pkg of PLUGIN_PACKAGES) expect(host.get(pkg.server.name)).toBe(pkg.server);
  });

  it("gives the Studio the part of each package that has one, under the plugin's name", () => {
    expect(STUDIO_PARTS).toEqual(PLUGIN_PACKAGES.flatMap((pkg) => (pkg.studio ? [pkg.studio] : [])));
    for (const pkg of PLUGIN_PACKAGES) if (pkg.studio) expect(pkg.studio.name).toBe(pkg.server.name);
    expect(STUDIO_PARTS.map((part) => part.name)).toContain('quote-totals');
  });

  it.each(names)('%s has every text in Spanish and English, with the same placeholders', (name) => {
    const es = locale(name, 'es');
    const en = locale(name, 'en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    for (const key of Object.keys(es)) {
      expect({ key, es: es[key].trim() !== '', en: en[key].trim() !== '' }).toEqual({ key, es: true, en: true });
      expect({ key, placeholders: placeholders(en[key]) }).toEqual({ key, placeholders: placeholders(es[key]) });
    }
  });

  it('accepts the plugin configs of every catalog module', () => {
    const { host } = new PluginRegistry();
    const checks = host.configChecks();
    const listed = CATALOG_MODULES.flatMap((definition) => (definition.plugins ?? []).map((plugin) => ({ module: definition.key, ...plugin })));
    expect(listed.map((p) => `${p.module}:${p.name}`)).toEqual(expect.arrayContaining(['cobranza:collections-clear-fields', 'cotizaciones:quote-totals']));
    for (const { module, name, config } of listed) {
      const definition = CATALOG_MODULES.find((d) => d.key === module)!;
      expect({ module, name, problems: checks.get(name)?.(config ?? {}, definition) }).toEqual({ module, name, problems: [] });
    }
    const keys = CATALOG_MODULES.map((d) => d.key);
    for (const definition of CATALOG_MODULES) {
      const result = validateDefinition(definition, { modules: keys, plugins: checks });
      expect({ module: definition.key, issues: result.ok ? [] : result.issues }).toEqual({ module: definition.key, issues: [] });
    }
  });
});
