import { issue } from '../issues/issue.messages';
import type { Issue } from '../issues/issue.types';
import type { FieldType, ModuleDefinition, ModuleField } from './module-definition.types';

/** What a field with a role must be: its types, whether the module needs it, and the option roles its picklist declares. */
export interface FieldRoleSpec {
  types: readonly FieldType[];
  required?: boolean;
  /** Option roles a picklist with this role must mark, one option each. */
  options?: readonly string[];
}

/**
 * The platform behaviour a module takes on by declaring a role (top-level
 * `role`), and the field roles it reads. The platform finds modules, fields and
 * options by these roles, never by their keys, so an operation may rename or
 * replace a catalog module: what matters is the role the definition declares.
 */
export const MODULE_ROLES = {
  /** Calls, meetings, tasks and notes: the activities tab, reminders, Click2Dial calls, e-mails and tipificaciones logged, the notes history. */
  activities: {
    subject: { types: ['text'], required: true },
    kind: { types: ['select'], options: ['note', 'call', 'task'] },
    status: { types: ['select'], options: ['pending', 'done'] },
    priority: { types: ['select'], options: ['normal'] },
    description: { types: ['longText', 'text'] },
    due: { types: ['datetime', 'date'] },
    assignee: { types: ['user'] },
    reminderOn: { types: ['boolean'] },
    reminderAt: { types: ['datetime'] },
    /** The generic link, for modules the activities module has no lookup to. */
    relatedModule: { types: ['text'] },
    relatedRecord: { types: ['text'] },
  },
  /** People: the contact-data download, the default module of templates and of the web-integration link. */
  contacts: {
    phone: { types: ['phone'] },
  },
  /** Companies: external tokens belong to one; the notes history is read per company. */
  companies: {},
  /** Cases: their notes join the company's history; case types and priorities are edited in Personalizar. */
  cases: {
    caseType: { types: ['select'] },
    priority: { types: ['select'] },
  },
  /** Opportunities: sales phases are edited in Personalizar. */
  opportunities: {
    phase: { types: ['select'] },
  },
} as const satisfies Record<string, Record<string, FieldRoleSpec>>;

/** Field roles any module may declare, with or without a module role. */
export const SHARED_FIELD_ROLES = {
  /** Where the Tipificar button stores the chosen path. */
  disposition: { types: ['text'] },
} as const satisfies Record<string, FieldRoleSpec>;

export type ModuleRole = keyof typeof MODULE_ROLES;
export type SharedFieldRole = keyof typeof SHARED_FIELD_ROLES;
export type FieldRole<R extends ModuleRole = ModuleRole> = (R extends ModuleRole ? keyof (typeof MODULE_ROLES)[R] : never) | SharedFieldRole;

export const isModuleRole = (value: unknown): value is ModuleRole => typeof value === 'string' && Object.hasOwn(MODULE_ROLES, value);

const active = (definition: ModuleDefinition): ModuleField[] => definition.fields.filter((f) => !f.archived);

/** The module that declares `role` among an operation's definitions (the platform allows one per role). */
export function moduleWithRole(definitions: Iterable<ModuleDefinition>, role: ModuleRole): ModuleDefinition | undefined {
  for (const definition of definitions) if (definition.role === role) return definition;
  return undefined;
}

/** The active field of `definition` with a field role. */
export function roleField<R extends ModuleRole>(definition: ModuleDefinition, role: FieldRole<R>): ModuleField | undefined {
  return active(definition).find((f) => f.role === role);
}

/** The key of the option marked `optionRole` on the field with `fieldRole`. */
export function roleOption<R extends ModuleRole>(definition: ModuleDefinition, fieldRole: FieldRole<R>, optionRole: string): string | undefined {
  const field = roleField(definition, fieldRole);
  if (!field || (field.type !== 'select' && field.type !== 'multiSelect')) return undefined;
  return field.options.find((o) => o.role === optionRole && !o.archived)?.key;
}

/** The active lookup of `definition` that points at `target` (how an activity links to a contact, a contact to its company). */
export function lookupTo(definition: ModuleDefinition, target: string): ModuleField | undefined {
  return active(definition).find((f) => f.type === 'lookup' && f.target === target);
}

function specOf(role: ModuleRole | undefined, fieldRole: string): FieldRoleSpec | undefined {
  const own = role ? (MODULE_ROLES[role] as Record<string, FieldRoleSpec>) : {};
  return Object.hasOwn(own, fieldRole) ? own[fieldRole] : Object.hasOwn(SHARED_FIELD_ROLES, fieldRole) ? (SHARED_FIELD_ROLES as Record<string, FieldRoleSpec>)[fieldRole] : undefined;
}

/** A definition's roles against the registry: a known module role, field roles it allows on fitting types, once each, with their option roles. */
export function roleIssues(definition: ModuleDefinition): Issue[] {
  const out: Issue[] = [];
  const role = definition.role;
  if (role !== undefined && !isModuleRole(role)) {
    out.push(issue('role', 'definition.unknownRole', { role, known: Object.keys(MODULE_ROLES).join(', ') }));
    return out;
  }
  const seen = new Map<string, string>();
  definition.fields.forEach((field, index) => {
    const path = `fields[${index}]`;
    if (field.type === 'subtable') {
      field.columns.forEach((column, j) => {
        if (column.role !== undefined) out.push(issue(`${path}.columns[${j}].role`, 'definition.roleOnColumn'));
      });
    }
    if (field.role === undefined) return;
    const spec = specOf(role, field.role);
    if (!spec) {
      out.push(issue(`${path}.role`, 'definition.unknownFieldRole', { role: field.role, module: role ?? '-' }));
      return;
    }
    if (!spec.types.includes(field.type)) out.push(issue(`${path}.role`, 'definition.roleFieldType', { role: field.role, types: spec.types.join(', ') }));
    if (!field.archived) {
      const other = seen.get(field.role);
      if (other) out.push(issue(`${path}.role`, 'definition.duplicateFieldRole', { role: field.role, field: other }));
      seen.set(field.role, field.key);
    }
    const options = field.type === 'select' || field.type === 'multiSelect' ? field.options : [];
    const marked = new Set<string>();
    options.forEach((option, j) => {
      if (option.role === undefined) return;
      if (!spec.options?.includes(option.role)) out.push(issue(`${path}.options[${j}].role`, 'definition.unknownOptionRole', { role: option.role, known: (spec.options ?? []).join(', ') || '-' }));
      else if (marked.has(option.role)) out.push(issue(`${path}.options[${j}].role`, 'definition.duplicateOptionRole', { role: option.role }));
      marked.add(option.role);
    });
    for (const needed of spec.options ?? []) {
      if (!marked.has(needed)) out.push(issue(`${path}.options`, 'definition.missingOptionRole', { role: field.role, option: needed }));
    }
  });
  if (role) {
    for (const [fieldRole, spec] of Object.entries(MODULE_ROLES[role] as Record<string, FieldRoleSpec>)) {
      if (spec.required && !seen.has(fieldRole)) out.push(issue('fields', 'definition.missingFieldRole', { role, field: fieldRole }));
    }
  }
  return out;
}

/** Module roles two definitions of one operation declare: the platform could not tell which to use. */
export function sharedRoleIssues(definitions: Iterable<Pick<ModuleDefinition, 'key' | 'role'>>): Issue[] {
  const owners = new Map<string, string[]>();
  for (const { key, role } of definitions) if (role) owners.set(role, [...(owners.get(role) ?? []), key]);
  return [...owners].filter(([, keys]) => keys.length > 1).map(([role, keys]) => issue('role', 'definition.sharedRole', { role, modules: keys.sort().join(', ') }));
}
