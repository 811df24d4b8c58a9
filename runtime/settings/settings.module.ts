import { Module } from '@nestjs/common';
import { OperationSettingsService } from './operation-settings.service';
import { SettingsController } from './settings.controller';

/** S4 settings kept outside module definitions; exported for schema bundles (M7). */
@Module({ controllers: [SettingsController], providers: [OperationSettingsService], exports: [OperationSettingsService] })
export class SettingsModule {}
