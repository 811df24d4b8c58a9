import type { AggregateResult, ApiRecord, FilterNode } from '../api/types';

/** The column of records without a value in the grouped picklist. */
export const NO_VALUE = '__none__';

/** Cards a column loads at a time; "load more" fetches the next page with the cursor. */
export const COLUMN_PAGE = 25;

export interface BoardColumn {
  cards: ApiRecord[];
  /** Where the next page starts; null when every card is loaded. */
  cursor: string | null;
  loading: boolean;
}

export type Board = Record<string, BoardColumn>;

/** The records of one column: the board's filter AND the picklist equal to the column's option (or empty). */
export function columnFilter(base: FilterNode | null, field: string, column: string): FilterNode {
  const own: FilterNode = column === NO_VALUE ? { field, op: 'empty' } : { field, op: 'eq', value: column };
  return base ? { and: [base, own] } : own;
}

/** Each column's record count from the aggregation grouped by the picklist (`count` first measure). */
export function columnCounts(result: AggregateResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of result.rows) {
    const key = row.keys[0]?.value;
    counts[key === null || key === undefined ? NO_VALUE : String(key)] = Number(row.values[0] ?? 0);
  }
  return counts;
}

/** A card dropped on another column: off the first, on top of the second, counts following. */
export function moveCard(board: Board, counts: Record<string, number>, card: ApiRecord, from: string, to: string): { board: Board; counts: Record<string, number> } {
  if (from === to) return { board, counts };
  const source = board[from] ?? { cards: [], cursor: null, loading: false };
  const target = board[to] ?? { cards: [], cursor: null, loading: false };
  return {
    board: { ...board, [from]: { ...source, cards: source.cards.filter((c) => c.id !== card.id) }, [to]: { ...target, cards: [card, ...target.cards.filter((c) => c.id !== card.id)] } },
    counts: { ...counts, [from]: Math.max(0, (counts[from] ?? 1) - 1), [to]: (counts[to] ?? 0) + 1 },
  };
}

/** A saved card in place: the column keeps its position. */
export function replaceCard(board: Board, column: string, card: ApiRecord): Board {
  const current = board[column];
  if (!current) return board;
  return { ...board, [column]: { ...current, cards: current.cards.map((c) => (c.id === card.id ? card : c)) } };
}
