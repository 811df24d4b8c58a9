import { Module } from '@nestjs/common';
import { ModulesController } from './modules.controller';

/** Routes over module definitions; ModuleDefinitionsService itself is global (CoreModule), every feature reads definitions. */
@Module({ controllers: [ModulesController] })
export class ModulesModule {}
