import { DATE_OPERATORS, NUMBER_OPERATORS, REFERENCE_OPERATORS } from '../fields/field-operators';
import type { FilterOperator, JsonSchema, ValueKind } from '../fields/field-type';

/** How a system column is stored: its Postgres type, which decides how its value is read and compared. */
export type SystemColumnShape = 'uuid' | 'integer' | 'timestamptz';

export interface SystemField {
  /** The column in every module table; the key (camelCase) is its name in the API. */
  column: string;
  shape: SystemColumnShape;
  kind: ValueKind;
  sortable: boolean;
  operators: readonly FilterOperator[];
  /** Present in every API record; false: only when it has a value (deletedAt, on deleted records). */
  always: boolean;
  /** A client may set it on a record write (who owns the record, who it is assigned to). */
  assignable: boolean;
  /** Its schema in the API's record schema; absent: not documented there. */
  schema?: JsonSchema;
  nullable: boolean;
  primaryKey?: true;
  /** The column's default, a Postgres expression. */
  columnDefault?: string;
}

const uuid = { type: 'string', format: 'uuid' };
const nullableUuid = { type: ['string', 'null'], format: 'uuid' };
const stamp = { type: 'string', format: 'date-time' };
const REFERENCE = REFERENCE_OPERATORS;
const VERSION_OPERATORS = NUMBER_OPERATORS.filter((op) => op !== 'empty' && op !== 'notEmpty');

/**
 * The system columns every module table has, in API order: clients read
 * them, write only the assignable ones, and filter and sort by them under
 * these names. The one description the engine, the runtime and the Studio use.
 */
export const SYSTEM_FIELDS = {
  id: {
    column: 'id',
    shape: 'uuid',
    kind: 'reference',
    sortable: true,
    operators: REFERENCE,
    always: true,
    assignable: false,
    nullable: false,
    schema: uuid,
    primaryKey: true,
    columnDefault: 'gen_random_uuid()',
  },
  version: {
    column: 'version',
    shape: 'integer',
    kind: 'number',
    sortable: true,
    operators: VERSION_OPERATORS,
    always: true,
    assignable: false,
    nullable: false,
    schema: { type: 'integer', minimum: 1 },
    columnDefault: '1',
  },
  createdAt: {
    column: 'created_at',
    shape: 'timestamptz',
    kind: 'datetime',
    sortable: true,
    operators: DATE_OPERATORS,
    always: true,
    assignable: false,
    nullable: false,
    schema: stamp,
    columnDefault: 'now()',
  },
  createdBy: { column: 'created_by', shape: 'uuid', kind: 'reference', sortable: false, operators: REFERENCE, always: true, assignable: false, nullable: true, schema: nullableUuid },
  updatedAt: {
    column: 'updated_at',
    shape: 'timestamptz',
    kind: 'datetime',
    sortable: true,
    operators: DATE_OPERATORS,
    always: true,
    assignable: false,
    nullable: false,
    schema: stamp,
    columnDefault: 'now()',
  },
  updatedBy: { column: 'updated_by', shape: 'uuid', kind: 'reference', sortable: false, operators: REFERENCE, always: true, assignable: false, nullable: true, schema: nullableUuid },
  owner: { column: 'owner', shape: 'uuid', kind: 'reference', sortable: false, operators: REFERENCE, always: true, assignable: true, nullable: true, schema: nullableUuid },
  assignee: { column: 'assignee', shape: 'uuid', kind: 'reference', sortable: false, operators: REFERENCE, always: true, assignable: true, nullable: true, schema: nullableUuid },
  deletedAt: { column: 'deleted_at', shape: 'timestamptz', kind: 'datetime', sortable: true, operators: DATE_OPERATORS, always: false, assignable: false, nullable: true },
} as const satisfies Record<string, SystemField>;

export type SystemFieldKey = keyof typeof SYSTEM_FIELDS;

export const SYSTEM_FIELD_KEYS = Object.keys(SYSTEM_FIELDS) as SystemFieldKey[];

/** System fields every record carries in API answers (deletedAt only shows on deleted records). */
export const RECORD_SYSTEM_KEYS = SYSTEM_FIELD_KEYS.filter((key) => SYSTEM_FIELDS[key].always);

export type AssignableSystemKey = { [K in SystemFieldKey]: (typeof SYSTEM_FIELDS)[K]['assignable'] extends true ? K : never }[SystemFieldKey];
/** System fields a client may send on a record write. */
export const ASSIGNABLE_SYSTEM_KEYS = SYSTEM_FIELD_KEYS.filter((key): key is AssignableSystemKey => SYSTEM_FIELDS[key].assignable);

/** Storage names of the system columns: no field may take one as its key. */
export const SYSTEM_COLUMN_NAMES: readonly string[] = SYSTEM_FIELD_KEYS.map((key) => SYSTEM_FIELDS[key].column);

export function isSystemField(key: string): key is SystemFieldKey {
  return Object.prototype.hasOwnProperty.call(SYSTEM_FIELDS, key);
}

/** The system part of a record as the API answers it. */
export type SystemRecordValues = {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  owner: string | null;
  assignee: string | null;
  deletedAt?: string;
};
