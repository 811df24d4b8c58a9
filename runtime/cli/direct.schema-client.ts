import { loadConfig } from '../config/runtime.config';
import { closeDatabase, openDatabase } from '../database/database.provider';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionRepository } from '../modules/module-definition.repository';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { OperationsService } from '../operations/operations.service';
import { PluginRegistry } from '../plugins/plugin.registry';
import { RecordAuditRepository } from '../database/record-audit.repository';
import { SchemaBundlesService } from '../schema-bundles/schema-bundles.service';
import { OperationSettingsService } from '../settings/operation-settings.service';
import { ClientError, type SchemaClient } from './schema-client';

/**
 * The database itself, configured like the server (DATABASE_URL, or the embedded
 * PGlite in DATA_DIR): no server needs to run. PGlite allows one process at a
 * time, so with the embedded database stop the server first or use --url.
 */
export async function directSchemaClient(): Promise<SchemaClient> {
  const database = await openDatabase(loadConfig());
  const plugins = new PluginRegistry();
  const modules = new ModuleDefinitionsService(database.dataSource, plugins, new RecordAuditRepository(), new ModuleDefinitionRepository());
  const operations = new OperationsService(database.dataSource, modules);
  const bundles = new SchemaBundlesService(modules, plugins, new OperationSettingsService(database.dataSource, modules));
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof ApiError ? new ClientError(error.toBody()) : error;
    }
  };
  return {
    export: (operation, keys) => run(async () => bundles.export(await operations.resolve(operation), keys)),
    import: (operation, bundle, options) => run(async () => bundles.import(await operations.resolve(operation), bundle, options)),
    close: () => closeDatabase(database),
  };
}
