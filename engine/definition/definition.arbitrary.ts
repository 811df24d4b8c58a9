import fc from 'fast-check';
import type { FieldType, LocalizedText, ModuleDefinition, ModuleField, PicklistOption } from './module-definition.types';

/** fast-check generators of valid module definitions, for property tests and benchmarks. */

export const keyArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
export const textArb: fc.Arbitrary<LocalizedText> = fc.record({
  es: fc.string({ minLength: 1, maxLength: 12 }),
  en: fc.string({ minLength: 1, maxLength: 12 }),
});

const optionArb = (key: string): fc.Arbitrary<PicklistOption> =>
  fc.record(
    {
      key: fc.constant(key),
      label: textArb,
      archived: fc.constant(true),
      data: fc.dictionary(keyArb, fc.oneof(fc.integer({ min: 0, max: 100 }), fc.boolean()), { maxKeys: 2 }),
    },
    { requiredKeys: ['key', 'label'] },
  );

const optionsArb = fc.uniqueArray(keyArb, { minLength: 1, maxLength: 6 }).chain((keys) => fc.tuple(...keys.map(optionArb)));

const common = { required: fc.boolean(), searchable: fc.boolean(), filterable: fc.boolean(), unique: fc.boolean(), help: textArb };
const optionalCommon: string[] = Object.keys(common);

const SCALAR_TYPES: FieldType[] = [
  'text',
  'longText',
  'integer',
  'decimal',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiSelect',
  'email',
  'phone',
  'url',
  'lookup',
  'user',
  'formula',
];

/** A field of any type with key `key`; sub-tables get scalar columns. */
export function fieldArb(key: string, types: FieldType[] = [...SCALAR_TYPES, 'file', 'autonumber', 'subtable']): fc.Arbitrary<ModuleField> {
  return fc.constantFrom(...types).chain((type) => {
    const base = { key: fc.constant(key), type: fc.constant(type), label: textArb, ...common };
    const make = (extra: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) =>
      fc.record({ ...base, ...extra } as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: ['key', 'type', 'label', ...required] }).map((f) => {
        for (const name of optionalCommon) if ((f as Record<string, unknown>)[name] === undefined) delete (f as Record<string, unknown>)[name];
        return f as unknown as ModuleField;
      });
    switch (type) {
      case 'text':
        return make({ maxLength: fc.integer({ min: 1, max: 500 }) });
      case 'integer':
        return make({ min: fc.integer({ min: -100, max: 0 }), max: fc.integer({ min: 1, max: 1000 }) });
      case 'decimal':
      case 'percent':
        return make({ scale: fc.integer({ min: 0, max: 6 }) });
      case 'currency':
        return make({ currency: fc.constantFrom('COP', 'USD', 'MXN'), scale: fc.integer({ min: 0, max: 4 }) }, ['currency']);
      case 'select':
        return make({ options: optionsArb }, ['options']);
      case 'multiSelect':
        return make({ options: optionsArb, maxItems: fc.integer({ min: 1, max: 5 }) }, ['options']);
      case 'lookup':
        return make({ target: fc.constantFrom('contactos', 'empresas') }, ['target']);
      case 'file':
        return make({ accept: fc.uniqueArray(fc.constantFrom('pdf', 'jpg', 'png', 'docx'), { minLength: 1 }), maxSizeMb: fc.integer({ min: 1, max: 20 }) }, ['accept']);
      case 'autonumber':
        return make({ prefix: fc.constantFrom('CAS-{{seq 6}}', 'COT-{{seq 4}}', 'N{{seq}}') }, ['prefix']);
      case 'formula':
        return make({ formula: fc.constant({ '+': [1, 2] }), resultType: fc.constantFrom('decimal', 'text', 'integer') }, ['formula', 'resultType']);
      case 'subtable':
        return fc
          .uniqueArray(keyArb, { minLength: 1, maxLength: 3 })
          .chain((keys) =>
            fc.tuple(
              ...keys.map((k) =>
                fieldArb(
                  k,
                  SCALAR_TYPES.filter((t) => t !== 'formula'),
                ),
              ),
            ),
          )
          .chain((columns) => make({ columns: fc.constant(columns) }, ['columns']));
      default:
        return make({});
    }
  });
}

/** A valid definition with the given field keys (in random types). */
export function definitionArb(keys: string[]): fc.Arbitrary<ModuleDefinition> {
  return fc
    .record({
      names: fc.record({ singular: textArb, plural: textArb }),
      icon: fc.constantFrom('user', 'briefcase', 'phone'),
      fields: fc.tuple(...keys.map((k) => fieldArb(k))),
    })
    .map(({ names, icon, fields }) => ({ key: 'modulo', version: 1, names, icon, fields }));
}

/**
 * Two versions of one module: `after` keeps every field of `before` (some
 * archived, some changed, some restored), adds new ones and may reorder.
 */
export const definitionPairArb: fc.Arbitrary<[ModuleDefinition, ModuleDefinition]> = fc
  .uniqueArray(keyArb, { minLength: 1, maxLength: 10 })
  .chain((keys) =>
    fc.record({
      inBefore: fc.tuple(...keys.map(() => fc.boolean())),
      changed: fc.tuple(...keys.map(() => fc.boolean())),
      archived: fc.tuple(...keys.map(() => fc.constantFrom<boolean | undefined>(true, false, undefined))),
      first: fc.tuple(...keys.map((k) => fieldArb(k))),
      second: fc.tuple(...keys.map((k) => fieldArb(k))),
      order: fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
      beforeNames: fc.record({ singular: textArb, plural: textArb }),
      afterNames: fc.record({ singular: textArb, plural: textArb }),
      icon: fc.constantFrom('user', 'phone'),
      rules: fc.option(fc.constant([{ key: 'regla', assert: true, message: { es: 'Regla', en: 'Rule' } }]), { nil: undefined }),
    }),
  )
  .map(({ inBefore, changed, archived, first, second, order, beforeNames, afterNames, icon, rules }): [ModuleDefinition, ModuleDefinition] => {
    const before: ModuleDefinition = {
      key: 'modulo',
      version: 1,
      names: beforeNames,
      icon: 'user',
      fields: first.filter((_, i) => inBefore[i]),
    };
    const after: ModuleDefinition = {
      key: 'modulo',
      version: 1,
      names: afterNames,
      icon,
      fields: order.map((key) => {
        const i = first.findIndex((f) => f.key === key);
        const field = structuredClone(changed[i] ? second[i] : first[i]);
        if (archived[i] === undefined) delete field.archived;
        else field.archived = archived[i];
        return field;
      }),
      ...(rules && { rules: structuredClone(rules) as unknown as ModuleDefinition['rules'] }),
    };
    return [before, after];
  });
