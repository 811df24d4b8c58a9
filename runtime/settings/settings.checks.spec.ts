import { checkSection, urlVariables } from './settings.checks';

const MODULES = ['casos', 'contactos'];
const codes = (section: Parameters<typeof checkSection>[0], value: unknown) => checkSection(section, value, MODULES).map((i) => `${i.path} ${i.code}`);

describe('settings checks (S4)', () => {
  it('accepts the seed link and reads both brace styles', () => {
    expect(urlVariables('https://x.co/?c={id_customer}&a={{id_agent}}&t={TELEFONO}&c2={id_customer}')).toEqual(['id_customer', 'id_agent', 'TELEFONO']);
    const link = { module: 'contactos', url: 'https://x.co/?c={id_customer}', variables: [{ name: 'id_customer', source: 'field', field: 'id' }] };
    expect(codes('web_integration', link)).toEqual([]);
  });

  it('finds repeated sibling keys at any depth, but allows the same key under different parents', () => {
    const leaf = (key: string) => ({ key, label: { es: key, en: key } });
    const tree = {
      casos: [
        { ...leaf('a'), children: [leaf('x'), leaf('x')] },
        { ...leaf('b'), children: [leaf('x')] },
      ],
    };
    expect(codes('tipificaciones', tree)).toEqual(['casos[0].children[1].key settings.duplicateKey']);
  });

  it('names schema problems by path before any semantic check', () => {
    expect(codes('email_templates', { items: [{ key: 'a', name: 'A', module: 'casos', subject: 's' }] })).toEqual(['items[0] settings.required']);
    expect(codes('web_integration', { module: 'contactos', url: '', variables: [], extra: true })).toEqual(['extra settings.additionalProperties']);
  });

  it('refuses unknown modules, broken templates and variables that are not declared', () => {
    const template = { key: 'a', name: 'A', module: 'naves', subject: '{{#if x}}', body: 'ok' };
    expect(codes('email_templates', { items: [template] })).toEqual(['items[0].module settings.unknownModule', 'items[0].subject settings.badTemplate']);
    const link = { module: 'contactos', url: 'https://x.co/?c={id_call}', variables: [{ name: 'tel', source: 'field' }] };
    expect(codes('web_integration', link)).toEqual(['url settings.undeclaredVariable', 'variables[0].field settings.fieldRequired']);
  });
});
