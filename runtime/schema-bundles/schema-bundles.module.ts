import { Module } from '@nestjs/common';
import { SchemaBundlesController } from './schema-bundles.controller';
import { SchemaBundlesService } from './schema-bundles.service';

/** Schema export / import between operations (M7). */
@Module({ controllers: [SchemaBundlesController], providers: [SchemaBundlesService], exports: [SchemaBundlesService] })
export class SchemaBundlesModule {}
