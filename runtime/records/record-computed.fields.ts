import type { ModuleDefinition, RecordValues } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { PluginRegistry } from '../plugins/plugin.registry';

/**
 * Fields a module's plugins compute on every read (never stored): added to
 * whole records the API returns. A projected list (`fields`) leaves them out,
 * since a plugin may need any field of the record to compute them.
 */
@Injectable()
export class RecordComputedFields {
  constructor(@Inject(PluginRegistry) private readonly plugins: PluginRegistry) {}

  apply<T extends RecordValues>(definition: ModuleDefinition, record: T): T {
    if (!definition.plugins?.length) return record;
    const values = this.plugins.host.computed(definition, record);
    return Object.keys(values).length ? { ...record, ...values } : record;
  }
}
