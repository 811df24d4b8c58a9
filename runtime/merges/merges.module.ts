import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { DuplicatesRepository } from './duplicates.repository';
import { MergesController } from './merges.controller';
import { MergesService } from './merges.service';
import { RecordMergeLinks } from './record-merge.links';
import { RecordMergeWriter } from './record-merge.writer';
import { RecordMergesRepository } from './record-merges.repository';
import { RecordsMergeJob } from './records-merge.job';
import { RecordsUnmergeJob } from './records-unmerge.job';

/** Duplicate merges (B3): the duplicates query, the `records.merge` and `records.unmerge` jobs (registered with the JobRegistry) and the merges list. */
@Module({
  imports: [RecordsModule],
  controllers: [MergesController],
  providers: [DuplicatesRepository, RecordMergesRepository, RecordMergeLinks, RecordMergeWriter, MergesService, RecordsMergeJob, RecordsUnmergeJob],
})
export class MergesModule {}
