import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { RecordAccessResolver } from './record-access.resolver';
import { RecordActionsService } from './record-actions.service';
import { RecordAggregateLabels } from './record-aggregate.labels';
import { RecordAggregateService } from './record-aggregate.service';
import { RecordBulkWriter } from './record-bulk.writer';
import { RecordChangesFeed } from './record-changes.feed';
import { RecordComputedFields } from './record-computed.fields';
import { RecordEventsService } from './record-events.service';
import { RecordExpander } from './record-expander';
import { RecordHistoryService } from './record-history.service';
import { RecordLevelsTracker } from './record-levels.tracker';
import { RecordQueryService } from './record-query.service';
import { RecordReferencesChecker } from './record-references.checker';
import { RecordUniqueChecker } from './record-unique.checker';
import { RecordWritePipeline } from './record-write.pipeline';
import { RecordRepository } from './record.repository';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

/**
 * Records of every module: CRUD with optimistic locking and soft delete,
 * queries, aggregations, quick search, bulk insert / upsert, plugin actions and history. Uses the global
 * providers of CoreModule (DataSource, module definitions, plugins, the audit writer).
 * RecordsService is exported for jobs (imports, mass updates) and the demo seeder; the
 * pipeline and the repository for merges, which soft-delete and restore inside their own transaction.
 */
@Module({
  imports: [SettingsModule],
  controllers: [RecordsController],
  providers: [
    RecordRepository,
    RecordAccessResolver,
    RecordLevelsTracker,
    RecordWritePipeline,
    RecordReferencesChecker,
    RecordUniqueChecker,
    RecordBulkWriter,
    RecordExpander,
    RecordQueryService,
    RecordAggregateService,
    RecordAggregateLabels,
    RecordHistoryService,
    RecordsService,
    RecordActionsService,
    RecordComputedFields,
    RecordChangesFeed,
    RecordEventsService,
  ],
  exports: [RecordsService, RecordQueryService, RecordAggregateService, RecordHistoryService, RecordAccessResolver, RecordExpander, RecordRepository],
})
export class RecordsModule {}
