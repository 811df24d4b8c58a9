import {
  computeFormulas,
  deepEqual,
  type HookContext,
  type Issue,
  type ModuleDefinition,
  type PluginServices,
  type RecordValues,
  validateRecord,
} from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { PluginRegistry } from '../plugins/plugin.registry';
import { withDefaults, withRowDefaults } from './record-defaults';
import { hasOwn } from './record-fields';
import { type ApiRecord, fieldValues } from './record-row.mapper';

export interface WriteRequest {
  definition: ModuleDefinition;
  event: 'create' | 'update';
  /** Field values the client sent (system fields already taken out). */
  input: RecordValues;
  /** The stored record, for updates. */
  previous: ApiRecord | null;
  user: { id: string; locale: 'es' | 'en' };
  services: PluginServices;
}

export type PreparedWrite = { ok: true; record: RecordValues; context: Omit<HookContext<unknown>, 'config'> } | { ok: false; issues: Issue[] };

/**
 * What happens to a record before it is stored, in order: defaults (create),
 * plugins' beforeValidate, validation (ajv + rules, against the stored record
 * on update), formulas, plugins' beforeSave. Values set by defaults or hooks
 * are the server's own: the validator checks their shape but does not count
 * them as the client writing a read-only field.
 */
@Injectable()
export class RecordWritePipeline {
  constructor(@Inject(PluginRegistry) private readonly plugins: PluginRegistry) {}

  async prepare(request: WriteRequest): Promise<PreparedWrite> {
    const { definition, event, input, previous } = request;
    const base = previous ? fieldValues(previous, definition) : {};
    const record = event === 'create' ? withDefaults(definition, input) : { ...base, ...withRowDefaults(definition, input) };
    const context: Omit<HookContext<unknown>, 'config'> = {
      definition,
      event,
      record,
      previous: previous ?? null,
      changed: new Set(Object.keys(input)),
      user: request.user,
      services: request.services,
    };
    await this.plugins.host.beforeValidate(context);

    const values: RecordValues = {};
    const trusted: RecordValues = {};
    for (const key of Object.keys(record)) {
      const sent = hasOwn(input, key);
      const origin = sent ? input[key] : base[key];
      const setByServer = !deepEqual(record[key], origin);
      if (setByServer) trusted[key] = record[key];
      if (sent || setByServer) values[key] = record[key];
    }
    const checked = validateRecord(definition, values, { mode: 'update', current: { ...base, ...trusted } });
    if (!checked.ok) return { ok: false, issues: checked.issues };

    this.applyFormulas(definition, record);
    const refused = await this.plugins.host.beforeSave(context);
    if (refused.length) return { ok: false, issues: refused };
    this.applyFormulas(definition, record);
    return { ok: true, record, context };
  }

  /** Formula fields computed from the record as it stands (again after autonumbers, which formulas may read). */
  applyFormulas(definition: ModuleDefinition, record: RecordValues): void {
    Object.assign(record, computeFormulas(definition, record));
  }

  async afterSave(context: Omit<HookContext<unknown>, 'config'>, saved: ApiRecord): Promise<void> {
    await this.plugins.host.afterSave({ ...context, record: saved });
  }
}
