import type { ModuleDefinition } from '@crm/engine';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withCatalogRoles } from './catalog-roles';
import { ModuleDefinitionRepository } from './module-definition.repository';
import { ModuleDefinitionsService } from './module-definitions.service';

/**
 * Operations created before module roles (meta-schema 1.1.0) found their
 * activities, contacts, companies and cases by the catalog's keys. At start,
 * each such operation's catalog modules take the catalog's roles, as a normal
 * module change (a new version in each module's history, no DDL), so e-mail
 * and call logging, reminders and notes history keep working after an upgrade.
 * An operation with any role is left to its admins. A module whose change is
 * refused (a customised module the roles no longer fit) keeps its definition,
 * and the refusal is logged.
 */
@Injectable()
export class CatalogRolesUpgrade implements OnApplicationBootstrap {
  private readonly log = new Logger(CatalogRolesUpgrade.name);

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionRepository) private readonly rows: ModuleDefinitionRepository,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
  }

  /** The modules given roles, by operation key. */
  async run(): Promise<Record<string, string[]>> {
    const upgraded: Record<string, string[]> = {};
    for (const operation of await this.rows.operationsWithoutRoles(this.db.manager)) {
      for (const stored of await this.rows.list(this.db.manager, operation)) {
        const next = withCatalogRoles(stored as unknown as Record<string, unknown>) as unknown as ModuleDefinition;
        if (next === (stored as unknown)) continue;
        try {
          await this.definitions.applyMany(operation, [next], { userId: null });
          (upgraded[operation.key] ??= []).push(stored.key);
        } catch (error) {
          this.log.warn(`module ${operation.key}/${stored.key} keeps no roles: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (upgraded[operation.key]) this.log.log(`operation ${operation.key}: catalog roles given to ${upgraded[operation.key].join(', ')}`);
    }
    return upgraded;
  }
}
