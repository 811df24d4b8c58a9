import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { LevelsReportController } from './levels-report.controller';
import { LevelsReportService } from './levels-report.service';

/** The report of records by user level (seed 003). */
@Module({
  imports: [RecordsModule],
  controllers: [LevelsReportController],
  providers: [LevelsReportService],
})
export class LevelsModule {}
