import type { ModuleDefinition } from '@crm/engine';
import { pageBound } from './export-page.bound';

const label = (es: string) => ({ es, en: es });
const definition = {
  key: 'facturas',
  version: 1,
  names: { singular: label('Factura'), plural: label('Facturas') },
  icon: 'file',
  fields: [
    { key: 'numero', type: 'integer', label: label('Número') },
    { key: 'emitida', type: 'date', label: label('Emitida') },
    { key: 'llamada', type: 'datetime', label: label('Llamada') },
    { key: 'estado', type: 'select', label: label('Estado'), options: [{ key: 'a', label: label('A') }] },
  ],
} as unknown as ModuleDefinition;

describe('pageBound', () => {
  it('bounds descending sorts at the last value, widening timestamps by a millisecond', () => {
    expect(pageBound(definition, [{ field: 'numero', dir: 'desc' }], { numero: 42 })).toEqual({ field: 'numero', op: 'lte', value: 42 });
    expect(pageBound(definition, [{ field: 'emitida', dir: 'desc' }], { emitida: '2025-07-16' })).toEqual({ field: 'emitida', op: 'lte', value: '2025-07-16' });
    expect(pageBound(definition, [{ field: 'llamada', dir: 'desc' }], { llamada: '2025-07-16T14:05:00.123Z' })).toEqual({ field: 'llamada', op: 'lte', value: '2025-07-16T14:05:00.124Z' });
    expect(pageBound(definition, [], { createdAt: '2025-07-16T14:05:00.000Z' })).toEqual({ field: 'createdAt', op: 'lte', value: '2025-07-16T14:05:00.001Z' });
  });

  it('bounds ascending sorts only on the never-empty timestamps (empty values of other fields come last)', () => {
    expect(pageBound(definition, [{ field: 'updatedAt', dir: 'asc' }], { updatedAt: '2025-07-16T14:05:00.000Z' })).toEqual({ field: 'updatedAt', op: 'gte', value: '2025-07-16T14:04:59.999Z' });
    expect(pageBound(definition, [{ field: 'numero', dir: 'asc' }], { numero: 42 })).toBeNull();
  });

  it('leaves the page unbounded where a bound could drop rows or is not a filter', () => {
    expect(pageBound(definition, [{ field: 'numero', dir: 'desc' }], { numero: null })).toBeNull();
    expect(pageBound(definition, [{ field: 'estado', dir: 'desc' }], { estado: 'a' })).toBeNull();
    expect(pageBound(definition, [{ field: 'id', dir: 'desc' }], { id: '0b6f3c1e-7d2a-4c3b-9a1e-5f2d8c7b6a49' })).toBeNull();
    expect(pageBound(definition, [{ field: 'numero', dir: 'desc' }], undefined)).toBeNull();
  });
});
