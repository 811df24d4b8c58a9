import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { SchemaBundlesController } from './schema-bundles.controller';
import { SchemaBundlesService } from './schema-bundles.service';

/** Schema export / import between operations (M7). */
@Module({ imports: [SettingsModule], controllers: [SchemaBundlesController], providers: [SchemaBundlesService], exports: [SchemaBundlesService] })
export class SchemaBundlesModule {}
