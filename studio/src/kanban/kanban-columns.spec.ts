import { describe, expect, it } from '@jest/globals';
import type { ApiRecord } from '../api/types';
import { columnCounts, columnFilter, moveCard, NO_VALUE, type Board } from './kanban-columns';

const card = (id: string, fase: string | null) => ({ id, version: 1, fase }) as unknown as ApiRecord;

describe('kanban columns', () => {
  it('filters a column by its option, or by an empty value, within the board filter', () => {
    expect(columnFilter(null, 'fase', 'ganada')).toEqual({ field: 'fase', op: 'eq', value: 'ganada' });
    expect(columnFilter({ field: 'owner', op: 'eq', value: 'u1' }, 'fase', NO_VALUE)).toEqual({
      and: [
        { field: 'owner', op: 'eq', value: 'u1' },
        { field: 'fase', op: 'empty' },
      ],
    });
  });

  it('reads the counts of every column from the aggregation, the empty group included', () => {
    const result = {
      groups: [{ field: 'fase', bucket: null }],
      measures: [{ op: 'count' as const, field: null }],
      timeZone: 'America/Bogota',
      truncated: false,
      rows: [
        { keys: [{ value: 'ganada', label: { es: 'Ganada', en: 'Won' } }], values: [3012] },
        { keys: [{ value: null, label: { es: '(Sin valor)', en: '(No value)' } }], values: [7] },
      ],
    };
    expect(columnCounts(result)).toEqual({ ganada: 3012, [NO_VALUE]: 7 });
  });

  it('moves a card to the top of its new column and the counts with it', () => {
    const board: Board = { nueva: { cards: [card('a', 'nueva'), card('b', 'nueva')], cursor: 'c1', loading: false }, ganada: { cards: [card('c', 'ganada')], cursor: null, loading: false } };
    const moved = moveCard(board, { nueva: 40, ganada: 1 }, card('b', 'ganada'), 'nueva', 'ganada');
    expect(moved.board.nueva.cards.map((c) => c.id)).toEqual(['a']);
    expect(moved.board.nueva.cursor).toBe('c1');
    expect(moved.board.ganada.cards.map((c) => c.id)).toEqual(['b', 'c']);
    expect(moved.counts).toEqual({ nueva: 39, ganada: 2 });
    expect(moveCard(board, { nueva: 40 }, card('a', 'nueva'), 'nueva', 'nueva').counts).toEqual({ nueva: 40 });
  });
});
