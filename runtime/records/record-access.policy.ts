import type { CompiledFilter, Issue, ModuleDefinition, RecordValues } from '@crm/engine';
import { fieldAccess, type ProfilePermissions } from '../core/profile-permissions';
import { ApiError } from '../core/api-error';
import type { HistoryItem } from '../database/record-audit.repository';
import type { WriteInput } from './record-input.reader';
import type { ApiRecord } from './record-row.mapper';
import { recordIssue } from './record.errors';

/** The facts a policy is built from: who calls, with which profile, and which users' records it may see. */
export interface RecordAccessFacts {
  userId: string | null;
  /** Absent for the platform token: it may do everything. */
  permissions?: ProfilePermissions;
  /** Users whose owned or assigned records the caller sees (itself included); null = all records. */
  visibleUserIds: ReadonlySet<string> | null;
  /** Users the caller may assign records to (own role and below); null = any user of the operation. */
  loadAssignable: () => Promise<ReadonlySet<string> | null>;
}

const views = new WeakMap<ModuleDefinition, Map<string, ModuleDefinition>>();

/** The definition a caller reads through: hidden fields are left out, so they are unknown to queries and never selected. */
function viewWithout(definition: ModuleDefinition, hidden: ReadonlySet<string>): ModuleDefinition {
  if (hidden.size === 0) return definition;
  const key = [...hidden].sort().join(',');
  let byKey = views.get(definition);
  if (!byKey) views.set(definition, (byKey = new Map()));
  let view = byKey.get(key);
  if (!view) {
    view = { ...definition, fields: definition.fields.filter((f) => !hidden.has(f.key)) };
    byKey.set(key, view);
  }
  return view;
}

/** Field keys a JsonLogic formula reads (`{ "var": "key" }`, `{ "var": ["key", default] }`, `{ "var": "key.sub" }`). */
function formulaInputs(logic: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(logic)) {
    for (const item of logic) formulaInputs(item, out);
  } else if (logic !== null && typeof logic === 'object') {
    for (const [operator, argument] of Object.entries(logic)) {
      if (operator === 'var') {
        const name = Array.isArray(argument) ? argument[0] : argument;
        if (typeof name === 'string' && name) out.add(name.split('.')[0]);
        else formulaInputs(argument, out);
      } else {
        formulaInputs(argument, out);
      }
    }
  }
  return out;
}

/**
 * What one caller may see and change in the records of its operation (A4, A5, R6):
 * hidden fields never leave the server and cannot be filtered or sorted on,
 * read-only fields are refused on write, records outside the caller's
 * visibility do not exist for it (404), only own and assigned records are
 * editable unless the profile says "Todos los usuarios pueden editar", and
 * records are assigned only to users of the caller's role or below.
 */
export class RecordAccess {
  private assignable?: Promise<ReadonlySet<string> | null>;
  private readonly derived = new WeakMap<ModuleDefinition, Set<string>>();

  constructor(private readonly facts: RecordAccessFacts) {}

  /** The platform token, or a job started by it. */
  static unrestricted(): RecordAccess {
    return new RecordAccess({ userId: null, visibleUserIds: null, loadAssignable: async () => null });
  }

  get userId(): string | null {
    return this.facts.userId;
  }

  /** Users whose records are visible; null when all are. */
  get visibleUserIds(): ReadonlySet<string> | null {
    return this.facts.visibleUserIds;
  }

  /**
   * Hidden fields: the profile's, and with a definition also the formulas that
   * read a hidden field (their value would give it away), to any depth.
   */
  hiddenFields(target: ModuleDefinition | string): Set<string> {
    if (typeof target === 'string') return this.fieldsWith(target, 'hidden');
    let hidden = this.derived.get(target);
    if (!hidden) {
      hidden = this.fieldsWith(target.key, 'hidden');
      let grew = hidden.size > 0;
      while (grew) {
        grew = false;
        for (const field of target.fields) {
          if (hidden.has(field.key) || !('formula' in field)) continue;
          if ([...formulaInputs(field.formula)].some((input) => hidden!.has(input))) {
            hidden.add(field.key);
            grew = true;
          }
        }
      }
      this.derived.set(target, hidden);
    }
    return hidden;
  }

  readOnlyFields(module: string): Set<string> {
    return this.fieldsWith(module, 'readOnly');
  }

  private fieldsWith(module: string, kind: 'hidden' | 'readOnly'): Set<string> {
    if (!this.facts.permissions) return new Set();
    return new Set(
      Object.entries(fieldAccess(this.facts.permissions, module))
        .filter(([, access]) => access === kind)
        .map(([key]) => key),
    );
  }

  /**
   * Loads the users the caller may assign to. Call it before a write's
   * transaction: on a one-connection database (PGlite) a query outside the
   * transaction would wait for it forever.
   */
  async prepareAssignment(): Promise<void> {
    await (this.assignable ??= this.facts.loadAssignable());
  }

  /** The definition to read through: without the caller's hidden fields. */
  view(definition: ModuleDefinition): ModuleDefinition {
    return viewWithout(definition, this.hiddenFields(definition));
  }

  canSee(record: { owner: string | null; assignee: string | null }): boolean {
    const visible = this.facts.visibleUserIds;
    if (visible === null) return true;
    return (record.owner !== null && visible.has(record.owner)) || (record.assignee !== null && visible.has(record.assignee));
  }

  /** Own and assigned records, or any visible one with "Todos los usuarios pueden editar" (and for the platform and integration tokens). */
  canEdit(record: { owner: string | null; assignee: string | null }): boolean {
    if (!this.canSee(record)) return false;
    const { permissions, userId } = this.facts;
    if (!permissions || userId === null || permissions.allUsersCanEdit) return true;
    return record.owner === userId || record.assignee === userId;
  }

  /** 404 when the record is not visible, 403 when visible but not the caller's to change. */
  assertEditable(module: string, record: ApiRecord): void {
    if (!this.canSee(record)) throw ApiError.recordNotFound(module, record.id);
    if (!this.canEdit(record)) throw notEditable(module, record.id);
  }

  /** The filter tree restricted to visible records (owner or assignee among the visible users). */
  scopeFilter(filter: CompiledFilter | null): CompiledFilter | null {
    const visible = this.facts.visibleUserIds;
    if (visible === null) return filter;
    const ids = [...visible];
    const scope: CompiledFilter = {
      kind: 'or',
      children: (['owner', 'assignee'] as const).map((field) => ({ kind: 'condition', field, system: true, op: 'in', valueKind: 'reference', value: ids }) as CompiledFilter),
    };
    return filter ? { kind: 'and', children: [scope, filter] } : scope;
  }

  /** A record as this caller may see it: without hidden fields (the stored record may carry them, e.g. after a write). */
  strip<T extends RecordValues>(target: ModuleDefinition | string, record: T): T {
    const hidden = this.hiddenFields(target);
    if (hidden.size === 0) return record;
    return Object.fromEntries(Object.entries(record).filter(([key]) => !hidden.has(key))) as T;
  }

  /** History entries as this caller may see them: whole-record values without hidden fields (field entries of hidden fields are left out by the query). */
  stripHistory(target: ModuleDefinition | string, items: HistoryItem[]): HistoryItem[] {
    const hidden = this.hiddenFields(target);
    if (hidden.size === 0) return items;
    const clean = (value: unknown) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? this.strip(target, value as RecordValues) : value);
    return items.filter((item) => !(item.field && hidden.has(item.field))).map((item) => ({ ...item, oldValue: clean(item.oldValue), newValue: clean(item.newValue) }));
  }

  /** An error about a record (a stale version carries the current record) as this caller may see it. */
  scrub(target: ModuleDefinition | string, error: unknown): unknown {
    if (!(error instanceof ApiError) || !error.extra.current || typeof error.extra.current !== 'object') return error;
    return new ApiError(error.status, error.code, error.text, error.details, { ...error.extra, current: this.strip(target, error.extra.current as RecordValues) });
  }

  /**
   * Fields of a write body the caller may not set: hidden and read-only ones
   * (paths prefixed for bulk rows), and owner / assignee outside its role's
   * reach. `previous` is the stored record on an update: values it already holds are no change.
   */
  async writeIssues(module: string, input: WriteInput, previous: ApiRecord | null, prefix = ''): Promise<Issue[]> {
    const issues: Issue[] = [];
    const hidden = this.hiddenFields(module);
    const readOnly = this.readOnlyFields(module);
    for (const key of Object.keys(input.values)) {
      if (hidden.has(key) || readOnly.has(key)) {
        issues.push(recordIssue(`${prefix}${key}`, 'readOnly', `Su perfil no permite escribir el campo «${key}».`, `Your profile does not allow writing field "${key}".`));
      }
    }
    for (const key of ['owner', 'assignee'] as const) {
      const target = input.assign[key];
      if (target === undefined || target === null || (previous && previous[key] === target)) continue;
      const assignable = await (this.assignable ??= this.facts.loadAssignable());
      if (assignable !== null && !assignable.has(target)) {
        issues.push(
          recordIssue(
            `${prefix}${key}`,
            'assignAbove',
            'Solo puede asignar registros a usuarios de su rol o de roles inferiores.',
            'You can only assign records to users of your role or of roles below it.',
          ),
        );
      }
    }
    return issues;
  }

  /** Refuses a write with the paths of the fields the caller may not set (403); nothing is written. */
  async assertWritable(module: string, input: WriteInput, previous: ApiRecord | null): Promise<void> {
    const issues = await this.writeIssues(module, input, previous);
    if (issues.length) throw fieldsRefused(issues);
  }
}

export const fieldsRefused = (issues: Issue[]) =>
  new ApiError(403, 'fields_not_allowed', { es: 'Su perfil no permite escribir algunos de estos campos.', en: 'Your profile does not allow writing some of these fields.' }, issues);

export const notEditable = (module: string, id: string) =>
  new ApiError(403, 'record_not_editable', {
    es: `Solo puede modificar sus registros y los asignados a usted (registro ${id} de «${module}»).`,
    en: `You can only change your own records and those assigned to you (record ${id} of "${module}").`,
  });
