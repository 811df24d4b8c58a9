import type { ModuleDefinition, RecordValues } from '@crm/engine';
import { PluginHost, validateDefinition } from '@crm/engine';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PLUGIN_PACKAGES } from '../index';
import fullName from './index';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Writing a module plugin\n')).split(/\n(?=## )/)[0];
const INSTALL_LINE = /^export \{ default as (\w+) \} from '\.\/([\w-]+)';$/;

/** The README's code blocks headed by the file they show: `path`: then the fenced block. */
const shownFiles = new Map([...section.matchAll(/^`(plugins\/[^`]+)`:\n\n```\w+\n([\s\S]*?)^```$/gm)].map((m) => [m[1], m[2]]));
const firstBlock = (language: string) => section.match(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'm'))?.[1] ?? '';

function packageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? packageFiles(join(dir, name)) : [join(dir, name)]));
}

const label = (es: string, en: string) => ({ es, en });
const text = (key: string, es: string, en: string) => ({ key, type: 'text' as const, label: label(es, en) });
const CONTACTOS: ModuleDefinition = {
  key: 'contactos',
  version: 1,
  names: { singular: label('Contacto', 'Contact'), plural: label('Contactos', 'Contacts') },
  icon: 'user',
  fields: [text('nombre', 'Nombre', 'First name'), text('apellido', 'Apellido', 'Last name'), text('nombre_completo', 'Nombre completo', 'Full name')],
  plugins: JSON.parse(`{${firstBlock('json')}}`).plugins,
};
const user = { id: 'b2000000-0000-4000-8000-000000000001', locale: 'es' as const };
// The example reads and writes no other record: services that find nothing and refuse writes.
const services = {
  findRecord: async () => null,
  findDefinition: async () => null,
  updateRecord: async (module: string): Promise<never> => {
    throw new Error(`full-name must not write ${module}`);
  },
};

describe('README plugin example (full-name)', () => {
  it('shows every file of the package, as it is', () => {
    const dir = join(__dirname);
    const files = packageFiles(dir)
      .map((file) => relative(ROOT, file))
      .filter((file) => !file.endsWith('.spec.ts') && !file.endsWith('README.md'))
      .sort();
    expect([...shownFiles.keys()].sort()).toEqual(files);
    for (const [file, shown] of shownFiles) expect({ file, shown }).toEqual({ file, shown: readFileSync(join(ROOT, file), 'utf8') });
  });

  it('installs with one line of the shape plugins/installed.ts uses', () => {
    const lines = readFileSync(join(ROOT, 'plugins/installed.ts'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('//'));
    expect(lines.length).toBe(PLUGIN_PACKAGES.length);
    for (const line of lines) expect(line).toMatch(INSTALL_LINE);
    const install = firstBlock('ts').trim();
    expect(install.match(INSTALL_LINE)?.slice(1)).toEqual(['fullName', 'full-name']);
    expect(lines.map((line) => line.match(INSTALL_LINE)?.[1])).not.toContain('fullName');
  });

  it('runs, once installed beside the others, for a module that lists it with the README config', async () => {
    const host = new PluginHost([...PLUGIN_PACKAGES, fullName].map((pkg) => pkg.server));
    const checked = validateDefinition(CONTACTOS, { modules: ['contactos'], plugins: host.configChecks() });
    expect(checked.ok ? [] : checked.issues).toEqual([]);

    const record: RecordValues = { nombre: '  Ana María ', apellido: 'Pérez' };
    await host.beforeValidate({ definition: CONTACTOS, event: 'create', record, previous: null, changed: new Set(Object.keys(record)), user, services });
    expect(record.nombre_completo).toBe('Ana María Pérez');
    expect(host.get('full-name')?.description).toEqual({
      es: expect.stringContaining('nombre completo'),
      en: expect.stringContaining('full name'),
    });
  });

  it('refuses a config that names no text field', () => {
    const check = fullName.server.checkConfig;
    expect(check({ parts: ['nombre', 'edad'], target: 'nombre_completo' }, CONTACTOS)).toEqual(['"edad" is not a text field of the module']);
    expect(check({ parts: [], target: 'nombre_completo' }, CONTACTOS)).toEqual(['config needs "parts" (field keys) and "target" (a field key)']);
    expect(check({ parts: ['nombre'] }, CONTACTOS)).toEqual(['config needs "parts" (field keys) and "target" (a field key)']);
  });

  it('shows in the form the full name the server saves', async () => {
    const config = { parts: ['nombre', 'apellido'], target: 'nombre_completo' };
    const part = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(part, part, async (nombre, apellido) => {
        const form: RecordValues = { nombre, apellido };
        const shown = await fullName.studio!.livePatch(form, config, { services });
        const saved: RecordValues = { ...form };
        await fullName.server.hooks!.beforeValidate!({ definition: CONTACTOS, config, event: 'update', record: saved, previous: null, changed: new Set(['nombre']), user, services });
        expect({ ...form, ...shown }).toEqual(saved);
        const value = shown.nombre_completo as string;
        const [first, last] = [nombre?.trim() ?? '', apellido?.trim() ?? ''];
        expect(value).toBe(value.trim());
        expect(value.startsWith(first) && value.endsWith(last)).toBe(true);
        expect(value.length).toBe(first.length + last.length + (first && last ? 1 : 0));
      }),
    );
  });
});
