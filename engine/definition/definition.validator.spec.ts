import type { Issue } from '../issues/issue.types';
import { validateDefinition } from './definition.validator';
import type { ModuleDefinition } from './module-definition.types';
import { sampleCases } from './sample-definition.fixture';

const modules = ['casos', 'contactos', 'empresas'];
const issuesOf = (definition: unknown, context = { modules }): Issue[] => {
  const result = validateDefinition(definition, context);
  return result.ok ? [] : result.issues;
};
const broken = (change: (d: ModuleDefinition & Record<string, unknown>) => void) => {
  const copy = structuredClone(sampleCases) as ModuleDefinition & Record<string, unknown>;
  change(copy);
  return issuesOf(copy);
};

describe('validateDefinition', () => {
  it('accepts a definition with every field type', () => {
    expect(issuesOf(sampleCases)).toEqual([]);
  });

  it('names an unknown field type', () => {
    const found = broken((d) => ((d.fields[1] as { type: string }).type = 'texto'));
    expect(found).toEqual([expect.objectContaining({ path: 'fields[1].type', code: 'definition.unknownType' })]);
    expect(found[0].message.es).toContain('«texto»');
    expect(found[0].message.en).toContain('"texto"');
  });

  it('names a duplicate field key, option key and section key', () => {
    expect(broken((d) => d.fields.push({ key: 'asunto', type: 'text', label: { es: 'Otro', en: 'Other' } }))).toEqual([
      expect.objectContaining({ path: `fields[${sampleCases.fields.length}].key`, code: 'definition.duplicateKey', message: expect.objectContaining({ en: 'Key "asunto" is repeated.' }) }),
    ]);
    const option = broken((d) => (d.fields[10] as { options: unknown[] }).options.push({ key: 'abierto', label: { es: 'X', en: 'X' } }));
    expect(option).toEqual([expect.objectContaining({ path: 'fields[10].options[4].key', code: 'definition.duplicateKey' })]);
  });

  it('names a lookup to a module that does not exist', () => {
    const found = broken((d) => ((d.fields[15] as { target: string }).target = 'clientes'));
    expect(found).toEqual([expect.objectContaining({ path: 'fields[15].target', code: 'definition.unknownModule' })]);
    expect(found[0].message.en).toBe('Module "clientes" does not exist.');
  });

  it('names bad JsonLogic: an unknown operator, a reference to a missing field, a malformed operation', () => {
    expect(broken((d) => (d.fields[19].conditions = { visible: { igual: [1, 1] } }))).toEqual([
      expect.objectContaining({
        path: 'fields[19].conditions.visible',
        code: 'definition.badLogic',
        message: expect.objectContaining({ en: 'The JsonLogic condition is not valid: unknown operator "igual".' }),
      }),
    ]);
    expect(broken((d) => (d.fields[19].conditions = { required: { '==': [{ var: 'estatus' }, 'x'] } }))).toEqual([
      expect.objectContaining({ path: 'fields[19].conditions.required', code: 'definition.unknownFieldRef' }),
    ]);
    expect(broken((d) => (d.rules = [{ key: 'r', assert: { '==': [1, 1], '!=': [1, 2] }, message: { es: 'x', en: 'x' } }]))).toEqual([
      expect.objectContaining({ path: 'rules[0].assert', code: 'definition.badLogic' }),
    ]);
    expect(broken((d) => ((d.fields[18] as { formula: unknown }).formula = { method: [{ var: 'asunto' }, 'toUpperCase'] }))).toEqual([
      expect.objectContaining({ path: 'fields[18].formula', code: 'definition.badLogic' }),
    ]);
  });

  it('names templates that do not compile', () => {
    expect(broken((d) => (d.title = '{{numero'))).toEqual([expect.objectContaining({ path: 'title', code: 'definition.badTemplate' })]);
    expect(broken((d) => ((d.fields[0] as { prefix: string }).prefix = 'CAS-{{secuencia 6}}'))).toEqual([expect.objectContaining({ path: 'fields[0].prefix', code: 'definition.badTemplate' })]);
  });

  it('names shape mistakes with their path', () => {
    expect(broken((d) => delete (d.fields[1] as Partial<ModuleDefinition['fields'][number]>).label)).toEqual([
      expect.objectContaining({ path: 'fields[1]', code: 'definition.schema', message: expect.objectContaining({ en: expect.stringContaining('missing "label"') }) }),
    ]);
    expect(broken((d) => ((d.fields[1] as unknown as Record<string, unknown>).options = []))).toEqual([
      expect.objectContaining({ path: 'fields[1]', code: 'definition.schema', message: expect.objectContaining({ en: expect.stringContaining('unexpected property "options"') }) }),
    ]);
    expect(broken((d) => (d.key = 'Casos Nuevos'))).toEqual([expect.objectContaining({ path: 'key', code: 'definition.schema' })]);
    expect(broken((d) => (d.fields[1].label = { es: 'Asunto' } as never))).toEqual([expect.objectContaining({ path: 'fields[1].label' })]);
    expect(broken((d) => (d.sections = [{ key: 's', label: { es: 'S', en: 'S' }, fields: ['asunto', 'nada'] }]))).toEqual([
      expect.objectContaining({ path: 'sections[0].fields[1]', code: 'definition.unknownFieldRef' }),
    ]);
  });

  it('checks plugin names and their configuration when plugins are known', () => {
    const plugins = new Map([['quote-totals', (config: Record<string, unknown>) => (config.linesField ? [] : ['linesField is missing'])]]);
    const withPlugins = (list: ModuleDefinition['plugins']) => issuesOf({ ...sampleCases, plugins: list }, { modules, plugins } as never);
    expect(withPlugins([{ name: 'quote-totals', config: { linesField: 'lineas' } }])).toEqual([]);
    expect(withPlugins([{ name: 'quote-totals', config: {} }])).toEqual([expect.objectContaining({ path: 'plugins[0].config', code: 'definition.pluginConfig' })]);
    expect(withPlugins([{ name: 'no-existe' }])).toEqual([expect.objectContaining({ path: 'plugins[0].name', code: 'definition.unknownPlugin' })]);
  });

  it('never throws on arbitrary input', () => {
    for (const input of [null, 1, 'x', [], {}, { fields: 'x' }, { key: 'a', version: 1, names: {}, icon: 'x', fields: [null] }]) {
      expect(validateDefinition(input).ok).toBe(false);
    }
  });
});
