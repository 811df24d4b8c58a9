import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FilterNode } from '@crm/engine';
import { filterToDraft, draftToFilter } from '../table/filter-model';
import { decodeFilter, encodeFilter } from '../table/url-filter';
import { matchRoute, paths } from '../app/router';
import { bucketLabel } from './chart-options';
import { drillFilter } from './drill-filter';

describe('dashboard click-through', () => {
  const won: FilterNode = { field: 'fase', op: 'eq', value: 'ganada' };
  it("is the widget's filter AND the clicked group's value or bucket range", () => {
    expect(drillFilter(won, [{ field: 'fecha_cierre' }], [{ value: '2026-Q1', label: null, from: '2026-01-01', to: '2026-04-01' }])).toEqual({
      and: [
        won,
        {
          and: [
            { field: 'fecha_cierre', op: 'gte', value: '2026-01-01' },
            { field: 'fecha_cierre', op: 'lt', value: '2026-04-01' },
          ],
        },
      ],
    });
    expect(
      drillFilter(
        undefined,
        [{ field: 'ciudad' }, { field: 'owner' }],
        [
          { value: 'Cali', label: null },
          { value: null, label: null },
        ],
      ),
    ).toEqual({
      and: [
        { field: 'ciudad', op: 'eq', value: 'Cali' },
        { field: 'owner', op: 'empty' },
      ],
    });
  });

  it('travels in the URL and back, also with accents, and shows in the filter builder', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (field, value) => {
        const filter: FilterNode = { and: [{ field, op: 'eq', value }, { or: [{ field: 'ciudad', op: 'contains', value: 'Bogotá ñ' }] }] };
        const text = encodeFilter(filter);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeFilter(text)).toEqual(filter);
      }),
    );
    expect(decodeFilter('%%%')).toBeUndefined();
    expect(draftToFilter(filterToDraft({ and: [won, { field: 'monto', op: 'gt', value: 5 }] }))).toEqual({ and: [won, { field: 'monto', op: 'gt', value: 5 }] });
  });

  it('labels buckets in the user language', () => {
    expect(bucketLabel('2026-Q1', 'quarter', 'es', 'es-CO')).toBe('T1 2026');
    expect(bucketLabel('2026-Q1', 'quarter', 'en', 'en-US')).toBe('Q1 2026');
    expect(bucketLabel('2026-03', 'month', 'en', 'en-US')).toBe('Mar 2026');
  });

  it('has its routes, and the table route keeps the filter in its address', () => {
    const route = (path: string) => {
      const url = new URL(path, 'http://studio.invalid');
      return matchRoute(url.pathname, url.searchParams);
    };
    expect(route(paths.dashboards())).toEqual({ name: 'dashboards' });
    expect(route(paths.dashboard(null))).toEqual({ name: 'dashboard', id: null });
    expect(route(paths.dashboard('b1d2'))).toEqual({ name: 'dashboard', id: 'b1d2' });
    const address = paths.table('contactos', encodeFilter(won));
    expect(route(address)).toEqual({ name: 'table', module: 'contactos' });
    expect(decodeFilter(new URL(address, 'http://studio.invalid').searchParams.get('filter'))).toEqual(won);
    expect(paths.table('contactos')).toBe('/m/contactos');
  });
});
