import { Module } from '@nestjs/common';
import { CatalogRolesUpgrade } from './catalog-roles.upgrade';
import { ModulesController } from './modules.controller';

/**
 * Routes over module definitions, and the start-up upgrade of operations
 * stored before module roles; ModuleDefinitionsService itself is global
 * (CoreModule), every feature reads definitions.
 */
@Module({ controllers: [ModulesController], providers: [CatalogRolesUpgrade] })
export class ModulesModule {}
