import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { MassDeleteRepository } from './mass-delete.repository';
import { RecordsDeleteJob } from './records-delete.job';
import { RecordsUndeleteJob } from './records-undelete.job';

/** Mass delete (B4) and "Restaurar eliminación": two jobs, registered with the global JobRegistry. */
@Module({
  imports: [RecordsModule],
  providers: [MassDeleteRepository, RecordsDeleteJob, RecordsUndeleteJob],
})
export class MassDeleteModule {}
