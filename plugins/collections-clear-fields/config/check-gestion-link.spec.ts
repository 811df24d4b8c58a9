import { GESTIONES } from '../cobranza.fixture';
import { checkClearFieldsConfig } from './check-config';

describe('collections-clear-fields checkConfig on the gestión module', () => {
  it('accepts a lookup to the collection module', () => {
    expect(checkClearFieldsConfig({ collectionLookup: 'cobranza' }, GESTIONES)).toEqual([]);
  });

  it('names a missing, non-lookup or empty link, and unknown keys', () => {
    expect(checkClearFieldsConfig({ collectionLookup: 'expediente' }, GESTIONES)).toEqual(['Field "expediente" (collectionLookup) does not exist in module "gestiones".']);
    expect(checkClearFieldsConfig({ collectionLookup: 'canal' }, GESTIONES)).toEqual(['Field "canal" (collectionLookup) must be a lookup to the collection module, but it is a text field.']);
    expect(checkClearFieldsConfig({ collectionLookup: '' }, GESTIONES)).toEqual(['"collectionLookup" must be a non-empty string.']);
    expect(checkClearFieldsConfig({ collectionLookup: 'cobranza', recordFields: [] }, GESTIONES)).toEqual([
      'Unknown config key "recordFields"; on the gestión module collections-clear-fields takes only collectionLookup.',
    ]);
  });

  it('needs the long-text snapshot field', () => {
    const without = { ...GESTIONES, fields: GESTIONES.fields.filter((f) => f.key !== 'valores_anteriores') };
    expect(checkClearFieldsConfig({ collectionLookup: 'cobranza' }, without)).toEqual(['Module "gestiones" needs a long-text field "valores_anteriores" to keep the cleared values.']);
  });
});
