import type { ModuleDefinition, ModuleField, PicklistOption } from '../definition/module-definition.types';
import { deepEqual } from './deep-equal';
import type { DiffOperation, ModuleSettings } from './diff.types';

const SETTINGS: (keyof ModuleSettings)[] = ['names', 'icon', 'description', 'title', 'sections', 'plugins', 'role'];
/** Field members with an operation of their own; the rest travel in `changeFieldOptions`. */
const OWN_OPERATION = new Set(['key', 'type', 'label', 'help', 'conditions', 'options', 'archived']);

const hasOptions = (f: ModuleField): f is Extract<ModuleField, { options: PicklistOption[] }> => f.type === 'select' || f.type === 'multiSelect';

/**
 * The operations that turn `before` into `after`. A field missing from `after`
 * becomes an archive: a diff never deletes a field or its data.
 */
export function diffDefinitions(before: ModuleDefinition, after: ModuleDefinition): DiffOperation[] {
  const ops: DiffOperation[] = [];
  const set: Partial<ModuleSettings> = {};
  const unset: (keyof ModuleSettings)[] = [];
  for (const name of SETTINGS) {
    if (deepEqual(before[name], after[name])) continue;
    if (after[name] === undefined) unset.push(name);
    else (set as Record<string, unknown>)[name] = after[name];
  }
  if (Object.keys(set).length || unset.length) ops.push({ op: 'changeModule', set, unset });

  const afterKeys = new Set(after.fields.map((f) => f.key));
  const beforeByKey = new Map(before.fields.map((f) => [f.key, f]));
  for (const old of before.fields) {
    if (!afterKeys.has(old.key) && !old.archived) ops.push({ op: 'archiveField', key: old.key });
  }
  after.fields.forEach((field, index) => {
    const old = beforeByKey.get(field.key);
    if (!old) ops.push({ op: 'addField', field, index });
    else ops.push(...diffField(old, field));
  });

  // Fields archived by omission keep their place; only the order of the fields `after` names matters.
  const order = applyDiff(before, ops).fields.map((f) => f.key);
  const wanted = after.fields.map((f) => f.key);
  if (
    !deepEqual(
      order.filter((k) => afterKeys.has(k)),
      wanted,
    )
  ) {
    ops.push({ op: 'reorderFields', order: [...wanted, ...order.filter((k) => !afterKeys.has(k))] });
  }

  if (!deepEqual(before.rules ?? [], after.rules ?? []) || (before.rules === undefined) !== (after.rules === undefined)) {
    ops.push({ op: 'changeRules', rules: after.rules ?? [] });
  }
  return ops;
}

function diffField(old: ModuleField, next: ModuleField): DiffOperation[] {
  const ops: DiffOperation[] = [];
  if (old.type !== next.type) {
    // The new type brings its own options: the whole field travels, keeping its archive state for the ops below.
    ops.push({ op: 'changeFieldType', key: next.key, from: old, to: { ...next, archived: old.archived } as ModuleField });
  } else {
    if (!deepEqual(old.label, next.label) || !deepEqual(old.help, next.help)) {
      ops.push({ op: 'relabelField', key: next.key, label: next.label, ...(next.help && { help: next.help }) });
    }
    if (!deepEqual(old.conditions, next.conditions)) {
      ops.push({ op: 'changeFieldConditions', key: next.key, ...(next.conditions && { conditions: next.conditions }) });
    }
    if (hasOptions(old) && hasOptions(next)) ops.push(...diffOptions(next.key, old.options, next.options));
    const changedMembers = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((member) => !OWN_OPERATION.has(member) && !deepEqual((old as never)[member], (next as never)[member]));
    if (changedMembers.length) ops.push(optionChange(old, next, changedMembers));
  }
  let archived = old.archived;
  if (Boolean(old.archived) !== Boolean(next.archived)) {
    ops.push(next.archived ? { op: 'archiveField', key: next.key } : { op: 'restoreField', key: next.key });
    archived = next.archived ? true : undefined;
  }
  // Same state spelled differently (`false` or absent): carry the exact spelling.
  if (archived !== next.archived) ops.push(optionChange(old, next, ['archived']));
  return ops;
}

function optionChange(old: ModuleField, next: ModuleField, members: string[]): DiffOperation {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const before: Record<string, unknown> = {};
  for (const member of members) {
    const value = (next as unknown as Record<string, unknown>)[member];
    before[member] = (old as unknown as Record<string, unknown>)[member];
    if (value === undefined) unset.push(member);
    else set[member] = value;
  }
  return { op: 'changeFieldOptions', key: next.key, type: next.type, set, unset, before };
}

function diffOptions(key: string, before: PicklistOption[], after: PicklistOption[]): DiffOperation[] {
  const ops: DiffOperation[] = [];
  const afterKeys = new Set(after.map((o) => o.key));
  const beforeByKey = new Map(before.map((o) => [o.key, o]));
  for (const option of before) if (!afterKeys.has(option.key)) ops.push({ op: 'removeOption', key, option: option.key });
  after.forEach((option, index) => {
    const old = beforeByKey.get(option.key);
    if (!old) ops.push({ op: 'addOption', key, option, index });
    else if (!deepEqual(old, option)) ops.push({ op: 'changeOption', key, option });
  });
  const kept = before.filter((o) => afterKeys.has(o.key)).map((o) => o.key);
  const simulated = [...kept];
  after.forEach((option, index) => {
    if (!beforeByKey.has(option.key)) simulated.splice(index, 0, option.key);
  });
  const wanted = after.map((o) => o.key);
  if (!deepEqual(simulated, wanted)) ops.push({ op: 'reorderOptions', key, order: wanted });
  return ops;
}

/** Applies operations to a definition and returns the new one; the input is not changed. */
export function applyDiff(definition: ModuleDefinition, operations: DiffOperation[]): ModuleDefinition {
  const next: ModuleDefinition = structuredClone(definition);
  const field = (key: string): ModuleField => {
    const found = next.fields.find((f) => f.key === key);
    if (!found) throw new Error(`Field "${key}" is not in module "${definition.key}"`);
    return found;
  };
  const options = (key: string): PicklistOption[] => {
    const target = field(key);
    if (!hasOptions(target)) throw new Error(`Field "${key}" has no options`);
    return target.options;
  };
  for (const operation of operations) {
    switch (operation.op) {
      case 'addField':
        if (next.fields.some((f) => f.key === operation.field.key)) throw new Error(`Field "${operation.field.key}" already exists`);
        next.fields.splice(Math.min(operation.index, next.fields.length), 0, structuredClone(operation.field));
        break;
      case 'archiveField':
        field(operation.key).archived = true;
        break;
      case 'restoreField':
        delete field(operation.key).archived;
        break;
      case 'changeFieldType': {
        const index = next.fields.indexOf(field(operation.key));
        next.fields[index] = structuredClone(operation.to);
        if (next.fields[index].archived === undefined) delete next.fields[index].archived;
        break;
      }
      case 'changeFieldOptions': {
        const target = field(operation.key) as unknown as Record<string, unknown>;
        Object.assign(target, structuredClone(operation.set));
        for (const member of operation.unset) delete target[member];
        break;
      }
      case 'relabelField': {
        const target = field(operation.key);
        target.label = structuredClone(operation.label);
        if (operation.help) target.help = structuredClone(operation.help);
        else delete target.help;
        break;
      }
      case 'changeFieldConditions': {
        const target = field(operation.key);
        if (operation.conditions) target.conditions = structuredClone(operation.conditions);
        else delete target.conditions;
        break;
      }
      case 'addOption': {
        const list = options(operation.key);
        if (list.some((o) => o.key === operation.option.key)) throw new Error(`Option "${operation.option.key}" already exists`);
        list.splice(Math.min(operation.index, list.length), 0, structuredClone(operation.option));
        break;
      }
      case 'removeOption': {
        const list = options(operation.key);
        const index = list.findIndex((o) => o.key === operation.option);
        if (index >= 0) list.splice(index, 1);
        break;
      }
      case 'changeOption': {
        const list = options(operation.key);
        const index = list.findIndex((o) => o.key === operation.option.key);
        if (index < 0) throw new Error(`Option "${operation.option.key}" is not in field "${operation.key}"`);
        list[index] = structuredClone(operation.option);
        break;
      }
      case 'reorderOptions': {
        const target = field(operation.key);
        if (hasOptions(target)) target.options = reorder(target.options, operation.order);
        break;
      }
      case 'reorderFields':
        next.fields = reorder(next.fields, operation.order);
        break;
      case 'changeRules':
        next.rules = structuredClone(operation.rules);
        break;
      case 'changeModule':
        Object.assign(next, structuredClone(operation.set));
        for (const name of operation.unset) delete next[name];
        break;
    }
  }
  return next;
}

/** Puts items in the given key order; items the order does not name keep their place at the end. */
function reorder<T extends { key: string }>(items: T[], order: string[]): T[] {
  const rank = new Map(order.map((key, index) => [key, index]));
  return [...items].sort((a, b) => (rank.get(a.key) ?? order.length) - (rank.get(b.key) ?? order.length));
}
