import { describe, expect, it } from '@jest/globals';
import type { ModuleDefinition, ModuleField } from '@crm/engine';
import fc from 'fast-check';
import type { ColumnMapping, PreviewRow } from '../api/imports.api';
import { applySavedMapping, columnSamples, foldHeader, importableFields, mappedFields, setColumnField, setLookupBy, withFieldForHeader } from './mapping-edits';

const text = (s: string) => ({ es: s, en: s });
const moduleOf = (fields: ModuleField[], sections?: ModuleDefinition['sections']): ModuleDefinition => ({
  key: 'linea',
  version: 2,
  icon: 'phone',
  names: { singular: text('Contacto'), plural: text('Contactos') },
  fields,
  ...(sections && { sections }),
});
const column = (index: number, header: string, field: string | null, lookupBy?: string): ColumnMapping => ({ column: index, header, field, ...(lookupBy && { lookupBy }) });
const row = (line: number, cells: string[]): PreviewRow => ({ line, cells, values: {}, issues: [] });

/** 1–8 columns, each mapped to one of a few fields or ignored, no field twice (as the server answers). */
const mappingArb = fc
  .array(fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }), { minLength: 1, maxLength: 8 })
  .map((fields) => fields.map((field, i) => column(i, `col ${i}`, fields.indexOf(field) === i ? field : null)));

describe('setColumnField', () => {
  it('maps a column and takes the field away from the column that had it', () => {
    const mapping = [column(0, 'calle', 'domicilio_calle'), column(1, 'domiclio_calle', null), column(2, 'barrio', 'barrio')];
    expect(setColumnField(mapping, 1, 'domicilio_calle')).toEqual([column(0, 'calle', null), column(1, 'domiclio_calle', 'domicilio_calle'), column(2, 'barrio', 'barrio')]);
  });

  it('ignores a column with null and drops the lookup choice made for the old field', () => {
    const mapping = [column(0, 'empresa', 'empresa', 'nit'), column(1, 'nit', null)];
    expect(setColumnField(mapping, 0, null)).toEqual([column(0, 'empresa', null), column(1, 'nit', null)]);
    expect(setColumnField(mapping, 0, 'otra')).toEqual([column(0, 'empresa', 'otra'), column(1, 'nit', null)]);
  });

  it('keeps every field on one column at most, and the chosen column on the chosen field', () => {
    fc.assert(
      fc.property(mappingArb, fc.nat(), fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }), (mapping, pick, field) => {
        const target = pick % mapping.length;
        const next = setColumnField(mapping, target, field);
        expect(next.map((m) => m.column)).toEqual(mapping.map((m) => m.column));
        expect(next[target].field).toBe(field);
        const fields = mappedFields(next);
        expect(new Set(fields).size).toBe(fields.length);
        // The other columns only lose a field, never gain one.
        next.forEach((entry, i) => i !== target && expect([mapping[i].field, null]).toContain(entry.field));
      }),
    );
  });
});

describe('setLookupBy', () => {
  it('sets and clears the target field a lookup column is matched by', () => {
    const mapping = [column(0, 'Empresa', 'empresa'), column(1, 'Nombre', 'nombre')];
    const byNit = setLookupBy(mapping, 0, 'nit');
    expect(byNit).toEqual([column(0, 'Empresa', 'empresa', 'nit'), column(1, 'Nombre', 'nombre')]);
    expect(setLookupBy(byNit, 0, undefined)).toEqual(mapping);
  });
});

describe('applySavedMapping', () => {
  it('applies a saved mapping by header text when the columns moved, and leaves the columns it does not name alone', () => {
    const current = [column(0, 'Género', null), column(1, 'domiclio_calle', null), column(2, 'canal', 'canal'), column(3, 'Nueva', 'notas')];
    const saved = [column(0, 'DOMICLIO CALLE', 'domicilio_calle'), column(1, 'genero', 'genero'), column(2, 'Canal', null)];
    expect(applySavedMapping(current, saved)).toEqual([column(0, 'Género', 'genero'), column(1, 'domiclio_calle', 'domicilio_calle'), column(2, 'canal', null), column(3, 'Nueva', 'notas')]);
  });

  it('keeps a saved lookup choice and takes a saved field away from the column that had it', () => {
    const current = [column(0, 'Empresa', null), column(1, 'Razón social', 'empresa')];
    const saved = [column(4, 'empresa', 'empresa', 'nit')];
    expect(applySavedMapping(current, saved)).toEqual([column(0, 'Empresa', 'empresa', 'nit'), column(1, 'Razón social', null)]);
  });
});

describe('foldHeader', () => {
  it('ignores case, accents, spaces and punctuation', () => {
    expect(foldHeader('Correo electrónico')).toBe(foldHeader('CORREO-ELECTRONICO'));
    expect(foldHeader('correo_electronico')).toBe('correoelectronico');
    expect(foldHeader('Año')).toBe('ano');
  });
});

describe('columnSamples', () => {
  it('gives up to three different non-blank values in file order', () => {
    const rows = [row(2, ['Denuncia', '', 'x']), row(3, ['Denuncia', ' ', 'y']), row(4, ['Solicitud', 'a']), row(5, ['Queja']), row(6, ['Reporte'])];
    expect(columnSamples(rows, 0)).toEqual(['Denuncia', 'Solicitud', 'Queja']);
    expect(columnSamples(rows, 1)).toEqual(['a']);
    expect(columnSamples(rows, 2)).toEqual(['x', 'y']);
    expect(columnSamples(rows, 7)).toEqual([]);
  });
});

describe('importableFields', () => {
  it('offers fields people write in one cell, not archived, computed, sub-table or file fields', () => {
    const definition = moduleOf([
      { key: 'nombre', type: 'text', label: text('Nombre') },
      { key: 'viejo', type: 'text', label: text('Viejo'), archived: true },
      { key: 'numero', type: 'autonumber', label: text('Número'), template: 'C-{{seq 4}}' },
      { key: 'total', type: 'formula', label: text('Total'), expression: { '+': [1, 1] }, resultType: 'integer' },
      { key: 'adjunto', type: 'file', label: text('Adjunto'), accept: ['pdf'] },
      { key: 'fecha', type: 'date', label: text('Fecha') },
    ] as ModuleField[]);
    expect(importableFields(definition).map((f) => f.key)).toEqual(['nombre', 'fecha']);
  });
});

describe('withFieldForHeader', () => {
  it('adds a text field named after the header, with a fresh key, to the last section', () => {
    const definition = moduleOf([{ key: 'domicilio_calle', type: 'text', label: text('Calle') }], [{ key: 'datos', label: text('Datos'), fields: ['domicilio_calle'] }]);
    const { definition: next, key } = withFieldForHeader(definition, 'Domicilio calle', []);
    expect(key).toBe('domicilio_calle_2');
    expect(next.fields.at(-1)).toMatchObject({ key: 'domicilio_calle_2', type: 'text', label: { es: 'Domicilio calle', en: 'Domicilio calle' } });
    expect(next.sections?.[0].fields).toEqual(['domicilio_calle', 'domicilio_calle_2']);
    expect(definition.fields).toHaveLength(1);
  });

  it('makes a key from a header with accents and symbols', () => {
    expect(withFieldForHeader(moduleOf([]), 'Teléfono (móvil)', []).key).toBe('telefono_movil');
  });
});
