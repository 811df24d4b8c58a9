import type { SystemColumn } from './system-columns';
import type { FieldConditions, FieldType, LocalizedText, ModuleDefinition, ModuleField, PicklistOption, ValidationRule } from '../definition/module-definition.types';

/** Module-level parts a diff may change (the key and the version never travel in a diff). */
export type ModuleSettings = Pick<ModuleDefinition, 'names' | 'icon' | 'description' | 'title' | 'sections' | 'plugins' | 'role'>;

/** One change between two versions of a module definition. */
export type DiffOperation =
  | { op: 'addField'; field: ModuleField; index: number }
  | { op: 'archiveField'; key: string }
  | { op: 'restoreField'; key: string }
  | { op: 'changeFieldType'; key: string; from: ModuleField; to: ModuleField }
  /** Type-specific options and flags (required, unique, scale, target, columns...); `before` holds the old values. */
  | { op: 'changeFieldOptions'; key: string; type: FieldType; set: Record<string, unknown>; unset: string[]; before: Record<string, unknown> }
  | { op: 'relabelField'; key: string; label: LocalizedText; help?: LocalizedText }
  | { op: 'changeFieldConditions'; key: string; conditions?: FieldConditions }
  | { op: 'addOption'; key: string; option: PicklistOption; index: number }
  | { op: 'removeOption'; key: string; option: string }
  | { op: 'changeOption'; key: string; option: PicklistOption }
  | { op: 'reorderOptions'; key: string; order: string[] }
  | { op: 'reorderFields'; order: string[] }
  | { op: 'changeRules'; rules: ValidationRule[] }
  | { op: 'changeModule'; set: Partial<ModuleSettings>; unset: (keyof ModuleSettings)[] };

export type DiffOperationKind = DiffOperation['op'];

export type Safety = 'safe' | 'needsDataCheck';
/** `recent` is the recent-first index of a system column (see RECENT_FIRST_COLUMNS); fields never ask for it. */
export type IndexKind = 'btree' | 'trigram' | 'unique' | 'recent';

/**
 * One step of storage work a diff needs, in the order it must run. Each step is
 * at most one statement: what an admin reviews is what the apply executes.
 */
export type StorageStep = { safety: Safety; description: LocalizedText } &
  /** A new module's table with its system columns; field columns are added by their own steps. */
  (
    | { kind: 'createTable'; columns: SystemColumn[] }
    /** The sequence an autonumber field draws from, created before its column. */
    | { kind: 'createSequence'; column: string; start: number }
    | { kind: 'addColumn'; column: string; columnType: string }
    | { kind: 'archiveColumn'; column: string }
    | { kind: 'restoreColumn'; column: string }
    | { kind: 'alterColumnType'; column: string; from: string; to: string; fromField: ModuleField; toField: ModuleField }
    | { kind: 'createIndex'; column: string; index: IndexKind }
    | { kind: 'dropIndex'; column: string; index: IndexKind }
    /** Existing records must be looked at before the change: which ones break the new constraint. */
    | { kind: 'checkValues'; column: string; check: ValueCheck }
    | { kind: 'updateMetadata'; what: DiffOperationKind }
  );

export type ValueCheck =
  | { rule: 'notEmpty' }
  | { rule: 'optionUnused'; option: string }
  | { rule: 'maxLength'; limit: number }
  | { rule: 'range'; min?: number; max?: number }
  | { rule: 'scale'; scale: number }
  | { rule: 'unique' }
  | { rule: 'convertible'; to: FieldType };

export interface StoragePlan {
  steps: StorageStep[];
  /** True when every step is safe: the plan can be applied without looking at the data first. */
  safe: boolean;
}
