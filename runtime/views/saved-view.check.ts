import { isSystemField, pointerToPath, type Issue, type ModuleDefinition } from '@crm/engine';
import Ajv, { type ErrorObject } from 'ajv';

export type SavedViewKind = 'table' | 'kanban';

export interface SavedViewConfig {
  /** A picklist of the module; the kanban's columns, the table's grouping. */
  groupBy?: string;
  /** Fields shown: table columns or kanban card fields, in order. */
  fields: string[];
  /** A records-query filter; checked by the query API when the view is used, since fields may change after saving. */
  filter?: Record<string, unknown>;
  sort?: { field: string; dir: 'asc' | 'desc' }[];
}

export interface SavedViewInput {
  name: string;
  category?: string;
  kind: SavedViewKind;
  config: SavedViewConfig;
  shared?: boolean;
}

const config = {
  type: 'object',
  additionalProperties: false,
  required: ['fields'],
  properties: {
    groupBy: { type: 'string', minLength: 1, maxLength: 100 },
    fields: { type: 'array', maxItems: 200, items: { type: 'string', minLength: 1, maxLength: 100 } },
    filter: { type: 'object' },
    sort: {
      type: 'array',
      maxItems: 10,
      items: { type: 'object', additionalProperties: false, required: ['field', 'dir'], properties: { field: { type: 'string', minLength: 1 }, dir: { enum: ['asc', 'desc'] } } },
    },
  },
};

const properties = {
  name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  category: { type: 'string', maxLength: 100 },
  kind: { enum: ['table', 'kanban'] },
  config,
  shared: { type: 'boolean' },
};

const ajv = new Ajv({ allErrors: true });
// Compiled once at load; a PATCH is the same shape with nothing required.
const validateCreate = ajv.compile({ type: 'object', additionalProperties: false, required: ['name', 'kind', 'config'], properties });
const validatePatch = ajv.compile({ type: 'object', additionalProperties: false, minProperties: 1, properties });

function schemaIssue(error: ErrorObject): Issue {
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  const extra = params.additionalProperty ?? params.missingProperty;
  const base = pointerToPath(error.instancePath);
  const path = extra ? (base ? `${base}.${extra}` : extra) : base;
  if (error.keyword === 'additionalProperties') {
    return { path, code: 'view.unknownProperty', message: { es: `La propiedad «${extra}» no está permitida.`, en: `Property "${extra}" is not allowed.` } };
  }
  if (error.keyword === 'required') return { path, code: 'view.required', message: { es: 'Este dato es obligatorio.', en: 'This value is required.' } };
  const what = error.message ?? error.keyword;
  return { path, code: `view.${error.keyword}`, message: { es: `El valor no es válido (${what}).`, en: `The value is not valid (${what}).` } };
}

/** Shape problems of a body (POST when `create`, PATCH otherwise). */
export function shapeIssues(body: unknown, create: boolean): Issue[] {
  const validate = create ? validateCreate : validatePatch;
  return validate(body) ? [] : (validate.errors ?? []).map(schemaIssue);
}

/**
 * Field problems against the module as the caller sees it: hidden fields count as
 * unknown, so a saved view cannot reveal them. The grouping field must be a picklist.
 */
export function fieldIssues(definition: ModuleDefinition, hidden: ReadonlySet<string>, view: SavedViewInput): Issue[] {
  const out: Issue[] = [];
  const field = (key: string) => (hidden.has(key) ? undefined : definition.fields.find((f) => f.key === key && !f.archived));
  const exists = (key: string) => isSystemField(key) || field(key) !== undefined;
  const unknown = (path: string, key: string): Issue => ({
    path,
    code: 'view.unknownField',
    message: { es: `El campo «${key}» no existe en el módulo «${definition.key}».`, en: `Field "${key}" does not exist in module "${definition.key}".` },
  });
  const { groupBy, fields, sort } = view.config;
  if (groupBy !== undefined && field(groupBy)?.type !== 'select') {
    out.push({
      path: 'config.groupBy',
      code: 'view.notPicklist',
      message: { es: `«${groupBy}» no es un campo de lista del módulo.`, en: `"${groupBy}" is not a picklist field of the module.` },
    });
  }
  if (view.kind === 'kanban' && groupBy === undefined) {
    out.push({ path: 'config.groupBy', code: 'view.required', message: { es: 'Un tablero necesita un campo de agrupación.', en: 'A board needs a grouping field.' } });
  }
  fields.forEach((key, i) => {
    if (!exists(key)) out.push(unknown(`config.fields[${i}]`, key));
  });
  (sort ?? []).forEach((s, i) => {
    if (!exists(s.field)) out.push(unknown(`config.sort[${i}].field`, s.field));
  });
  return out;
}
