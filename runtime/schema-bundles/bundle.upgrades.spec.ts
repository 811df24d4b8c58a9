import { CATALOG_MODULES } from '@crm/modules-catalog';
import { ApiError } from '../core/api-error';
import { BUNDLE_FORMAT_VERSION } from './bundle.format';
import { readBundle, UPGRADES } from './bundle.upgrades';

const definition = { key: 'vehiculos', version: 2, names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } }, icon: 'car', fields: [] };
const refusal = (input: unknown) => {
  try {
    readBundle(input);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('not refused');
};

describe('schema bundle versions', () => {
  it('has an upgrade step from every older version', () => {
    for (let v = 0; v < BUNDLE_FORMAT_VERSION; v++) expect(UPGRADES[v]).toBeInstanceOf(Function);
  });

  it('upgrades a v0 bundle (definitions keyed by module) to the current shape', () => {
    const read = readBundle({ format: 'contact-crm.schema-bundle', formatVersion: 0, operation: 'demo', exportedAt: '2026-01-01T00:00:00Z', definitions: { vehiculos: definition } });
    expect(read.upgradedFrom).toBe(0);
    expect(read.bundle).toEqual({
      format: 'contact-crm.schema-bundle',
      formatVersion: 1,
      metaSchemaVersion: '1.0.0',
      operation: 'demo',
      exportedAt: '2026-01-01T00:00:00Z',
      modules: [definition],
      settings: {},
    });
  });

  it('refuses newer formats, newer meta-schemas and files that are not bundles, in both languages', () => {
    const newer = refusal({ format: 'contact-crm.schema-bundle', formatVersion: BUNDLE_FORMAT_VERSION + 1, modules: [definition] });
    expect(newer).toMatchObject({ status: 400, code: 'bundle_too_new' });
    expect(newer.text.es).toContain('Actualice el CRM');
    const meta = refusal({ format: 'contact-crm.schema-bundle', formatVersion: 1, metaSchemaVersion: '2.0.0', modules: [definition], settings: {} });
    expect(meta.code).toBe('bundle_too_new');
    expect(refusal([]).code).toBe('bundle_invalid');
    expect(refusal({ format: 'contact-crm.schema-bundle', formatVersion: 1, metaSchemaVersion: '1.0.0', modules: [definition, definition] }).code).toBe('bundle_invalid');
  });

  it('gives the catalog modules of a bundle written before roles (meta-schema 1.0.0) the roles of their catalog definitions', () => {
    const strip = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v) => (key === 'role' ? undefined : v)));
    const old = CATALOG_MODULES.map(strip);
    const read = readBundle({ format: 'contact-crm.schema-bundle', formatVersion: 1, metaSchemaVersion: '1.0.0', modules: [...old, definition], settings: {} });
    expect(read.bundle.modules).toEqual([...CATALOG_MODULES, definition]);
    // A bundle that already speaks roles keeps what it says, even without any.
    const current = readBundle({ format: 'contact-crm.schema-bundle', formatVersion: 1, metaSchemaVersion: '1.1.0', modules: old, settings: {} });
    expect(current.bundle.modules).toEqual(old);
  });
});
