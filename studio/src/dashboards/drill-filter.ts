import type { AggregateKeyView, FilterNode } from '@crm/engine';

/** A clicked group's records: the value itself, "empty" for no value, or the bucket's range. */
export function keyCondition(field: string, key: AggregateKeyView): FilterNode {
  if (key.value === null) return { field, op: 'empty' };
  if (key.from !== undefined && key.to !== undefined) {
    return {
      and: [
        { field, op: 'gte', value: key.from },
        { field, op: 'lt', value: key.to },
      ],
    };
  }
  return { field, op: 'eq', value: key.value };
}

/** The records behind a bar or slice: the widget's filter AND each clicked group's value or bucket range. */
export function drillFilter(base: FilterNode | undefined, groups: { field: string }[], keys: AggregateKeyView[]): FilterNode {
  const parts: FilterNode[] = [...(base ? [base] : []), ...keys.map((key, i) => keyCondition(groups[i].field, key))];
  return parts.length === 1 ? parts[0] : { and: parts };
}
