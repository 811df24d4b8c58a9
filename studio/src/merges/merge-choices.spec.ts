import { describe, expect, it } from '@jest/globals';
import type { ModuleDefinition } from '@crm/engine';
import type { ApiRecord } from '../api/types';
import { dayRange, defaultSource, differingFields, duplicateQuery, fillOrder, groupPayload, keeperByRule } from './merge-choices';

const definition = {
  key: 'contactos',
  version: 1,
  names: { singular: { es: 'Contacto', en: 'Contact' }, plural: { es: 'Contactos', en: 'Contacts' } },
  fields: [
    { key: 'nombre', type: 'text', label: { es: 'Nombre', en: 'Name' } },
    { key: 'email', type: 'email', label: { es: 'Correo', en: 'E-mail' } },
    { key: 'numero', type: 'autonumber', label: { es: 'Número', en: 'Number' } },
    { key: 'documentos', type: 'file', label: { es: 'Documentos', en: 'Documents' } },
  ],
  sections: [],
} as unknown as ModuleDefinition;

const rec = (id: string, createdAt: string, updatedAt: string, values: Record<string, unknown>): ApiRecord =>
  ({ id, version: 1, createdAt, updatedAt, createdBy: null, updatedBy: null, owner: null, assignee: null, ...values }) as ApiRecord;
const a = rec('a', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z', { nombre: 'Ana', email: null, numero: 1, documentos: [{ id: 'f1' }] });
const b = rec('b', '2026-02-01T00:00:00.000Z', '2026-02-02T00:00:00.000Z', { nombre: 'ana', email: 'ana@x.co', numero: 2, documentos: [{ id: 'f2' }] });
const c = rec('c', '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', { nombre: null, email: 'otra@x.co', numero: 3, documentos: null });

describe('merge choices', () => {
  it('picks the keeper by rule and fills from the most recently changed first', () => {
    expect(keeperByRule(definition, [a, b, c], 'oldest')).toBe('a');
    expect(keeperByRule(definition, [a, b, c], 'newest')).toBe('c');
    expect(keeperByRule(definition, [a, b, c], 'mostComplete')).toBe('b');
    expect(fillOrder([a, b, c], 'a').map((r) => r.id)).toEqual(['c', 'b']);
  });

  it("defaults to the kept record's value, else the first other's; attachments joined", () => {
    expect(defaultSource({ key: 'nombre', kind: 'value' }, [a, b, c], 'a')).toBe('a');
    expect(defaultSource({ key: 'email', kind: 'value' }, [a, b, c], 'a')).toBe('c');
    expect(defaultSource({ key: 'documentos', kind: 'files' }, [a, b, c], 'c')).toBe('joined');
    expect(defaultSource({ key: 'documentos', kind: 'files' }, [a, c], 'c')).toBe('a');
  });

  it('offers choices only for fields that differ and never for computed ones', () => {
    expect(differingFields(definition, [a, b]).map((f) => f.key)).toEqual(['nombre', 'email', 'documentos']);
    expect(differingFields(definition, [b, b]).map((f) => f.key)).toEqual([]);
  });

  it('builds the group payload with only the picked values', () => {
    expect(groupPayload(['a', 'b', 'c'], { keep: 'b', values: {} })).toEqual({ keep: 'b', merge: ['a', 'c'] });
    expect(groupPayload(['a', 'b'], { keep: 'a', values: { email: 'b' } })).toEqual({ keep: 'a', merge: ['b'], values: { email: 'b' } });
  });

  it("turns the user's calendar days into instants, the end day included", () => {
    const range = dayRange('2026-03-01', '2026-03-31')!;
    expect(new Date(range.from!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(range.to!).getTime()).toBe(new Date(2026, 3, 1).getTime());
    expect(dayRange('', '')).toBeUndefined();
    expect(duplicateQuery(['telefono', 'documento'], 'normalised', ['documento', 'otro'], ['', ''], ['2026-03-01', ''])).toEqual({
      fields: ['telefono', 'documento'],
      mode: 'normalised',
      digitsOnly: ['documento'],
      modified: { from: range.from },
    });
    expect(duplicateQuery(['documento'], 'exact', ['documento'], ['', ''], ['', ''])).toEqual({ fields: ['documento'], mode: 'exact' });
  });
});
