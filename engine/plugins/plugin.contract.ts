import type { LocalizedText, ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import type { Issue } from '../issues/issue.types';
import type { RecordValues } from '../validation/record.validator';

/** What a plugin may read besides the record in hand, scoped to the caller's operation (and, in the Studio, to what the user may see). */
export interface PluginReads {
  /** Reads one live record of a module, or null when it does not exist or is deleted. */
  findRecord(module: string, id: string): Promise<RecordValues | null>;
  /** The current definition of a module of the operation, or null when there is none. */
  findDefinition(module: string): Promise<ModuleDefinition | null>;
}

/** What a plugin may read and change during a write; the runtime provides it, inside the write's transaction. */
export interface PluginServices extends PluginReads {
  /**
   * Changes another live record in the same transaction, through the same
   * write pipeline (validation, hooks, audit as the same user). Throws when the
   * record does not exist or the change is refused, which rolls the whole write back.
   */
  updateRecord(module: string, id: string, patch: RecordValues): Promise<RecordValues & { id: string }>;
}

export interface HookContext<Config> {
  definition: ModuleDefinition;
  config: Config;
  event: 'create' | 'update';
  /** The record as it will be saved; hooks may change it in place. */
  record: RecordValues;
  /** The stored record before this write; null on create. */
  previous: RecordValues | null;
  /** Field keys the client sent in this write. */
  changed: ReadonlySet<string>;
  user: { id: string; locale: 'es' | 'en' };
  services: PluginServices;
}

export interface SavedContext<Config> extends Omit<HookContext<Config>, 'record'> {
  record: Readonly<RecordValues> & { id: string };
}

export interface ActionContext<Config> {
  definition: ModuleDefinition;
  config: Config;
  record: Readonly<RecordValues> & { id: string };
  input: RecordValues;
  user: { id: string; locale: 'es' | 'en' };
  services: PluginServices;
}

/** What an action asks the runtime to do, in one transaction with the record's audit. */
export interface ActionResult {
  /** Changes to the record the action ran on. */
  patch?: RecordValues;
  /** Records to create in other modules (a gestión, a note...). */
  create?: { module: string; values: RecordValues }[];
  message?: LocalizedText;
}

export interface PluginAction<Config> {
  key: string;
  label: LocalizedText;
  /** JSON Schema of the action's input, shown as a form. */
  inputSchema?: Record<string, unknown>;
  /** Whether the action is offered on a module with this config (a plugin listed on two modules in two roles); absent: always. */
  offeredFor?(config: Config, definition: ModuleDefinition): boolean;
  run(context: ActionContext<Config>): Promise<ActionResult> | ActionResult;
}

export interface ComputedField<Config> {
  field: ModuleField;
  compute(record: Readonly<RecordValues>, config: Config): unknown;
}

/**
 * A module plugin: a package that adds behaviour to the modules whose
 * definition lists it under `plugins`, with that module's `config`.
 */
export interface ModulePlugin<Config = Record<string, unknown>> {
  name: string;
  version: string;
  description: LocalizedText;
  /** Checks the `config` a definition gives this plugin (field keys it names must exist); returns plain-sentence problems in English. */
  checkConfig(config: Record<string, unknown>, definition: ModuleDefinition): string[];
  hooks?: {
    /** Runs before validation: normalise or fill values so validation sees them. */
    beforeValidate?(context: HookContext<Config>): Promise<void> | void;
    /** Runs after validation, inside the write: compute values; returned issues refuse the write. */
    beforeSave?(context: HookContext<Config>): Promise<Issue[] | void> | Issue[] | void;
    /** Runs after the row and its audit are written, inside the same transaction. */
    afterSave?(context: SavedContext<Config>): Promise<void> | void;
  };
  computedFields?: ComputedField<Config>[];
  actions?: PluginAction<Config>[];
}
