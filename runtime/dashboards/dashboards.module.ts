import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';

/** Dashboards and goal gauges (P2, P3) kept per operation in core.dashboards. */
@Module({ imports: [RecordsModule], controllers: [DashboardsController], providers: [DashboardsService] })
export class DashboardsModule {}
