import { columnType, valueKind } from '../definition/field-type.registry';
import type { LocalizedText, ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import type { DiffOperation, IndexKind, Safety, StoragePlan, StorageStep, ValueCheck } from './diff.types';
import { RECENT_FIRST_COLUMNS, SYSTEM_COLUMNS } from './system-columns';

/** Which indexes a field asks for: trigram for text people search, b-tree for filters, unique for unique keys. */
export function indexesFor(field: ModuleField): IndexKind[] {
  if (field.archived) return [];
  const kind = valueKind(field);
  const scalar = kind !== 'json' && kind !== 'options';
  const out: IndexKind[] = [];
  if (field.searchable && kind === 'string') out.push('trigram');
  if (field.filterable && scalar) out.push('btree');
  if (field.unique && scalar) out.push('unique');
  return out;
}

const text = (es: string, en: string): LocalizedText => ({ es, en });
const label = (field: ModuleField) => field.label;

const INDEX_WORDS: Record<IndexKind, LocalizedText> = {
  trigram: text('de búsqueda', 'search'),
  btree: text('de filtro', 'filter'),
  unique: text('único', 'unique'),
  recent: text('de orden reciente', 'recent-first'),
};

function indexSteps(before: ModuleField | undefined, after: ModuleField | undefined): StorageStep[] {
  const had = before ? indexesFor(before) : [];
  const has = after ? indexesFor(after) : [];
  const field = (after ?? before) as ModuleField;
  const steps: StorageStep[] = [];
  for (const index of had) {
    if (!has.includes(index)) {
      steps.push({
        kind: 'dropIndex',
        column: field.key,
        index,
        safety: 'safe',
        description: text(`quita el índice ${INDEX_WORDS[index].es} de «${label(field).es}»`, `drops the ${INDEX_WORDS[index].en} index on "${label(field).en}"`),
      });
    }
  }
  for (const index of has) {
    if (had.includes(index)) continue;
    if (index === 'unique') steps.push(check(field, { rule: 'unique' }));
    steps.push({
      kind: 'createIndex',
      column: field.key,
      index,
      safety: 'safe',
      description: text(`crea el índice ${INDEX_WORDS[index].es} de «${label(field).es}»`, `creates the ${INDEX_WORDS[index].en} index on "${label(field).en}"`),
    });
  }
  return steps;
}

const CHECK_WORDS: { [R in ValueCheck['rule']]: (c: Extract<ValueCheck, { rule: R }>) => LocalizedText } = {
  notEmpty: () => text('que ningún registro lo tenga vacío', 'that no record leaves it empty'),
  optionUnused: (c) => text(`qué registros usan la opción «${c.option}»`, `which records use option "${c.option}"`),
  maxLength: (c) => text(`que ningún valor pase de ${c.limit} caracteres`, `that no value is longer than ${c.limit} characters`),
  range: (c) => text(`que los valores estén entre ${c.min ?? '−∞'} y ${c.max ?? '∞'}`, `that values lie between ${c.min ?? '−∞'} and ${c.max ?? '∞'}`),
  scale: (c) => text(`que ningún valor tenga más de ${c.scale} decimales`, `that no value has more than ${c.scale} decimals`),
  unique: () => text('que no haya valores repetidos', 'that no value is repeated'),
  convertible: (c) => text(`que todos los valores se puedan convertir a ${c.to}`, `that every value converts to ${c.to}`),
};

function check(field: ModuleField, rule: ValueCheck): StorageStep {
  const words = (CHECK_WORDS[rule.rule] as (c: ValueCheck) => LocalizedText)(rule);
  return {
    kind: 'checkValues',
    column: field.key,
    check: rule,
    safety: 'needsDataCheck',
    description: text(`revisa en «${label(field).es}» ${words.es}`, `checks in "${label(field).en}" ${words.en}`),
  };
}

function sequenceStep(field: ModuleField): StorageStep[] {
  if (field.type !== 'autonumber') return [];
  const start = field.start ?? 1;
  return [
    {
      kind: 'createSequence',
      column: field.key,
      start,
      safety: 'safe',
      description: text(`crea la secuencia de numeración de «${field.label.es}» (empieza en ${start})`, `creates the numbering sequence of "${field.label.en}" (starts at ${start})`),
    },
  ];
}

/** The table of a new module and the indexes of its system columns. */
function tableSteps(module: ModuleDefinition): StorageStep[] {
  const names = module.names.plural;
  const columns = SYSTEM_COLUMNS.map((c) => c.name).join(', ');
  return [
    {
      kind: 'createTable',
      columns: SYSTEM_COLUMNS.map((c) => ({ ...c })),
      safety: 'safe',
      description: text(`crea la tabla de «${names.es}» con sus columnas de sistema (${columns})`, `creates the table of "${names.en}" with its system columns (${columns})`),
    },
    ...RECENT_FIRST_COLUMNS.map(({ column, label: name }): StorageStep => ({
      kind: 'createIndex',
      column,
      index: 'recent',
      safety: 'safe',
      description: text(`crea el índice ${INDEX_WORDS.recent.es} de «${name.es}»`, `creates the ${INDEX_WORDS.recent.en} index on "${name.en}"`),
    })),
  ];
}

const LOOSE_TARGETS = new Set(['text', 'longText']);
const NUMERIC = /^numeric\(\d+,(\d+)\)$/;

/** Whether every stored value of `from` converts to `to` without looking at the data. */
function conversionSafety(from: ModuleField, to: ModuleField): Safety {
  const a = columnType(from);
  const b = columnType(to);
  if (a === 'jsonb' || a === 'text[]' || b === 'jsonb' || b === 'text[]') return 'needsDataCheck';
  if (LOOSE_TARGETS.has(to.type)) return 'safe';
  if (a === b) return from.type === to.type ? 'safe' : 'needsDataCheck';
  if (a === 'bigint' && NUMERIC.test(b)) return 'safe';
  const scaleA = NUMERIC.exec(a)?.[1];
  const scaleB = NUMERIC.exec(b)?.[1];
  if (scaleA && scaleB) return Number(scaleB) >= Number(scaleA) ? 'safe' : 'needsDataCheck';
  if (a === 'date' && b === 'timestamptz') return 'safe';
  return 'needsDataCheck';
}

function tightening(field: ModuleField, before: Record<string, unknown>): ValueCheck[] {
  const now = field as unknown as Record<string, unknown>;
  const checks: ValueCheck[] = [];
  const lower = (k: string) => typeof now[k] === 'number' && (before[k] === undefined || (now[k] as number) < (before[k] as number));
  const higher = (k: string) => typeof now[k] === 'number' && (before[k] === undefined || (now[k] as number) > (before[k] as number));
  if ('maxLength' in before && lower('maxLength')) checks.push({ rule: 'maxLength', limit: now.maxLength as number });
  if (('min' in before && higher('min')) || ('max' in before && lower('max'))) {
    checks.push({ rule: 'range', min: now.min as number | undefined, max: now.max as number | undefined });
  }
  return checks;
}

export interface PlanOptions {
  /** `before` has no table yet: the plan starts by creating it, and has no records to check. */
  newTable?: boolean;
}

/**
 * The storage work a list of operations needs, from the definition they apply
 * to. Archiving keeps the column; type changes that may not convert are marked
 * for a data check first. Nothing here ever drops a column.
 */
export function planStorage(operations: DiffOperation[], before: ModuleDefinition, options: PlanOptions = {}): StoragePlan {
  const fields = new Map(before.fields.map((f) => [f.key, structuredClone(f) as ModuleField]));
  const steps: StorageStep[] = [];
  const metadata = (what: DiffOperation['op'], es: string, en: string) => steps.push({ kind: 'updateMetadata', what, safety: 'safe', description: text(es, en) });

  for (const op of operations) {
    switch (op.op) {
      case 'addField': {
        const field = op.field;
        fields.set(field.key, structuredClone(field));
        // An archived autonumber gets its sequence too: restoring it must not need new storage work.
        steps.push(...sequenceStep(field));
        steps.push({
          kind: 'addColumn',
          column: field.key,
          columnType: columnType(field),
          safety: 'safe',
          description: text(`agrega la columna «${field.label.es}» (${field.type})`, `adds the column "${field.label.en}" (${field.type})`),
        });
        if (field.archived) break;
        if (field.required) steps.push(check(field, { rule: 'notEmpty' }));
        steps.push(...indexSteps(undefined, field));
        break;
      }
      case 'archiveField': {
        const field = fields.get(op.key) as ModuleField;
        steps.push(...indexSteps(field, { ...field, archived: true }));
        field.archived = true;
        steps.push({
          kind: 'archiveColumn',
          column: op.key,
          safety: 'safe',
          description: text(`archiva el campo «${field.label.es}» (los datos se conservan)`, `archives the field "${field.label.en}" (its data is kept)`),
        });
        break;
      }
      case 'restoreField': {
        const field = fields.get(op.key) as ModuleField;
        delete field.archived;
        steps.push({
          kind: 'restoreColumn',
          column: op.key,
          safety: 'safe',
          description: text(`restaura el campo «${field.label.es}» con sus datos`, `restores the field "${field.label.en}" with its data`),
        });
        steps.push(...indexSteps({ ...field, archived: true }, field));
        break;
      }
      case 'changeFieldType': {
        const from = fields.get(op.key) as ModuleField;
        const to = structuredClone(op.to);
        const safety = conversionSafety(from, to);
        if (safety === 'needsDataCheck') steps.push(check(to, { rule: 'convertible', to: to.type }));
        steps.push(...indexSteps(from, undefined));
        if (from.type !== 'autonumber') steps.push(...sequenceStep(to));
        steps.push({
          kind: 'alterColumnType',
          column: op.key,
          from: columnType(from),
          to: columnType(to),
          fromField: from,
          toField: to,
          safety,
          description: text(`cambia «${to.label.es}» de ${from.type} a ${to.type}`, `changes "${to.label.en}" from ${from.type} to ${to.type}`),
        });
        steps.push(...indexSteps(undefined, to));
        fields.set(op.key, to);
        break;
      }
      case 'changeFieldOptions': {
        const old = fields.get(op.key) as ModuleField;
        const now = { ...old, ...op.set } as ModuleField;
        for (const member of op.unset) delete (now as unknown as Record<string, unknown>)[member];
        if (op.set.required === true && !old.required && !now.archived) steps.push(check(now, { rule: 'notEmpty' }));
        if (!now.archived) for (const rule of tightening(now, op.before)) steps.push(check(now, rule));
        const oldType = columnType(old);
        const newType = columnType(now);
        if (oldType !== newType) {
          const safety = conversionSafety(old, now);
          const scale = NUMERIC.exec(newType)?.[1];
          if (safety === 'needsDataCheck' && scale !== undefined) steps.push(check(now, { rule: 'scale', scale: Number(scale) }));
          steps.push({
            kind: 'alterColumnType',
            column: op.key,
            from: oldType,
            to: newType,
            fromField: old,
            toField: now,
            safety,
            description: text(`cambia el almacenamiento de «${now.label.es}» a ${newType}`, `changes the storage of "${now.label.en}" to ${newType}`),
          });
        }
        steps.push(...indexSteps(old, now));
        metadata(op.op, `actualiza las opciones de «${now.label.es}»`, `updates the options of "${now.label.en}"`);
        fields.set(op.key, now);
        break;
      }
      case 'removeOption': {
        const field = fields.get(op.key) as ModuleField;
        steps.push(check(field, { rule: 'optionUnused', option: op.option }));
        metadata(op.op, `quita la opción «${op.option}» de «${field.label.es}»`, `removes option "${op.option}" from "${field.label.en}"`);
        break;
      }
      case 'relabelField':
        metadata(op.op, `renombra el campo a «${op.label.es}»`, `renames the field to "${op.label.en}"`);
        break;
      case 'changeFieldConditions':
        metadata(op.op, `cambia las condiciones de «${op.key}»`, `changes the conditions of "${op.key}"`);
        break;
      case 'addOption':
        metadata(op.op, `agrega la opción «${op.option.label.es}» a «${op.key}»`, `adds option "${op.option.label.en}" to "${op.key}"`);
        break;
      case 'changeOption':
        metadata(op.op, `cambia la opción «${op.option.label.es}» de «${op.key}»`, `changes option "${op.option.label.en}" of "${op.key}"`);
        break;
      case 'reorderOptions':
        metadata(op.op, `reordena las opciones de «${op.key}»`, `reorders the options of "${op.key}"`);
        break;
      case 'reorderFields':
        metadata(op.op, 'reordena los campos', 'reorders the fields');
        break;
      case 'changeRules':
        metadata(op.op, 'cambia las reglas de validación del módulo', "changes the module's validation rules");
        break;
      case 'changeModule':
        metadata(op.op, 'cambia los datos del módulo', "changes the module's settings");
        break;
    }
  }
  if (!options.newTable) return { steps, safe: steps.every((s) => s.safety === 'safe') };
  // A table created by this very plan holds no record, so there is nothing to check.
  return { steps: [...tableSteps(before), ...steps.filter((s) => s.kind !== 'checkValues')], safe: true };
}
