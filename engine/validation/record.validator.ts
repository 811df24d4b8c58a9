import type { ErrorObject, ValidateFunction } from 'ajv';
import { isComputed } from '../definition/field-type.registry';
import type { ModuleDefinition, ModuleField, SubtableField } from '../definition/module-definition.types';
import { issue } from '../issues/issue.messages';
import { joinPath, pointerToPath } from '../issues/issue.path';
import type { Issue, Result } from '../issues/issue.types';
import { fieldState, isEmptyValue } from '../rules/field-state.evaluator';
import { brokenRules } from '../rules/record-rules.evaluator';
import { createRecordAjv } from './record.ajv';
import { buildInputSchema } from './record-schema.builder';

export type RecordValues = Record<string, unknown>;

export interface ValidateOptions {
  /** `create` checks a whole new record; `update` checks a patch against the stored record. */
  mode: 'create' | 'update';
  /** The stored record, for updates: requiredness and rules apply to it merged with the patch. */
  current?: RecordValues;
}

/** Everything about a definition the validator needs, prepared once per definition version. */
interface CompiledModule {
  validateInput: ValidateFunction;
  /** Archived and computed fields: keys a client may not write. */
  guarded: ModuleField[];
  /** Active fields that can be required or read-only: statically or by condition. */
  checked: ModuleField[];
  subtables: SubtableField[];
  definition: ModuleDefinition;
}

const ajv = createRecordAjv();
const byObject = new WeakMap<ModuleDefinition, CompiledModule>();
const byFingerprint = new Map<string, CompiledModule>();
const FINGERPRINT_LIMIT = 500;

/** FNV-1a over the definition's JSON: definitions loaded twice share one compiled validator. */
function fingerprint(definition: ModuleDefinition): string {
  const text = JSON.stringify(definition);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${definition.key}@${definition.version}#${(hash >>> 0).toString(36)}:${text.length}`;
}

function compile(definition: ModuleDefinition): CompiledModule {
  const cached = byObject.get(definition);
  if (cached) return cached;
  const print = fingerprint(definition);
  let compiled = byFingerprint.get(print);
  if (!compiled) {
    const active = definition.fields.filter((f) => !f.archived);
    compiled = {
      validateInput: ajv.compile(buildInputSchema(definition)),
      guarded: definition.fields.filter((f) => f.archived || isComputed(f.type)),
      checked: active.filter((f) => f.required || f.readOnly || f.conditions),
      subtables: active.filter((f): f is SubtableField => f.type === 'subtable' && f.columns.some((c) => c.required || c.conditions)),
      definition,
    };
    if (byFingerprint.size >= FINGERPRINT_LIMIT) byFingerprint.clear();
    byFingerprint.set(print, compiled);
  }
  byObject.set(definition, compiled);
  return compiled;
}

/** Compiles a definition's validator ahead of the first record (e.g. when a module version is stored). */
export function prepareValidator(definition: ModuleDefinition): void {
  compile(definition);
}

/**
 * Validates what a client sends for a record: the value of each field (ajv),
 * fields that may not be written (archived, computed, read-only), required
 * fields (static and conditional, per JsonLogic) and the module's rules.
 * Never throws, whatever the input.
 */
export function validateRecord(definition: ModuleDefinition, input: unknown, options: ValidateOptions = { mode: 'create' }): Result<RecordValues> {
  try {
    return check(compile(definition), input, options);
  } catch {
    return { ok: false, issues: [issue('', 'invalid')] };
  }
}

function check(module: CompiledModule, input: unknown, options: ValidateOptions): Result<RecordValues> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [issue('', 'record')] };
  }
  const issues: Issue[] = [];
  const current = options.mode === 'update' ? (options.current ?? {}) : undefined;
  let values = input as RecordValues;

  // Archived and computed fields are not part of the input schema: report them by name, then let ajv see the rest.
  let stripped: RecordValues | undefined;
  for (const field of module.guarded) {
    const key = field.key;
    if (!(key in values)) continue;
    if (field.archived) issues.push(issue(key, 'archivedField', { field: key }));
    else if (!sameValue(values[key], current?.[key] ?? null)) issues.push(issue(key, 'readOnly'));
    stripped ??= { ...values };
    delete stripped[key];
  }
  if (stripped) values = stripped;

  if (!module.validateInput(values)) issues.push(...mapAjvErrors(module.validateInput.errors ?? []));

  const merged = current ? { ...current, ...values } : values;
  for (const field of module.checked) {
    const state = fieldState(field, merged);
    if (state.required && isEmptyValue(merged[field.key])) issues.push(issue(field.key, 'required'));
    if (state.readOnly && field.key in values && !sameValue(values[field.key], current?.[field.key] ?? null)) {
      issues.push(issue(field.key, 'readOnly'));
    }
  }
  for (const table of module.subtables) checkRows(table, merged[table.key], issues);
  issues.push(...brokenRules(module.definition, merged));

  return issues.length ? { ok: false, issues: dedupe(issues) } : { ok: true, value: values };
}

function checkRows(table: SubtableField, rows: unknown, issues: Issue[]): void {
  if (!Array.isArray(rows)) return;
  rows.forEach((row, index) => {
    if (row === null || typeof row !== 'object') return;
    for (const column of table.columns) {
      if (column.archived) continue;
      const state = fieldState(column, row as RecordValues);
      if (state.required && isEmptyValue((row as RecordValues)[column.key])) {
        issues.push(issue(`${table.key}[${index}].${column.key}`, 'required'));
      }
    }
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

const FORMAT_CODES: Record<string, string> = {
  date: 'format.date',
  'date-time': 'format.datetime',
  email: 'format.email',
  uri: 'format.url',
  uuid: 'format.uuid',
  phone: 'format.phone',
};

/** Ajv errors as the API's issues (path, code, message in both languages). */
export function mapAjvErrors(errors: ErrorObject[]): Issue[] {
  const out: Issue[] = [];
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties':
        out.push(issue(joinPath(path, String(params.additionalProperty)), 'unknownField', { field: String(params.additionalProperty) }));
        break;
      case 'type':
        out.push(issue(path, 'type', { expected: String(params.type).replace(',null', '').replace(',', ' | ') }));
        break;
      case 'format':
        out.push(issue(path, FORMAT_CODES[String(params.format)] ?? 'invalid'));
        break;
      case 'enum':
        out.push(issue(path, 'option', { value: String(error.data) }));
        break;
      case 'maxLength':
      case 'maxItems':
      case 'minimum':
      case 'maximum':
        out.push(issue(path, error.keyword, { limit: Number(params.limit) }));
        break;
      case 'uniqueItems':
      case 'pattern':
        out.push(issue(path, error.keyword));
        break;
      case 'required':
        out.push(issue(joinPath(path, String(params.missingProperty)), 'required'));
        break;
      case 'x-decimal':
      case 'x-file': {
        const { code, index, ...rest } = params as { code: string; index?: number } & Record<string, string | number>;
        out.push(issue(index === undefined ? path : `${path}[${index}]`, code, rest));
        break;
      }
      case 'anyOf':
        break; // its branches already reported what is wrong
      default:
        out.push(issue(path, 'invalid'));
    }
  }
  return out;
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}|${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
