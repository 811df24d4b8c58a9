import { Module } from '@nestjs/common';
import { OperationSettingsService } from './operation-settings.service';
import { OperationTimeZoneController } from './operation-time-zone.controller';
import { OperationTimeZoneService } from './operation-time-zone.service';
import { SettingsController } from './settings.controller';

/** S4 settings kept outside module definitions (exported for schema bundles, M7) and the operation's time zone (read by aggregations). */
@Module({
  controllers: [OperationTimeZoneController, SettingsController],
  providers: [OperationSettingsService, OperationTimeZoneService],
  exports: [OperationSettingsService, OperationTimeZoneService],
})
export class SettingsModule {}
