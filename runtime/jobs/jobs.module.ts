import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { RecordsModule } from '../records/records.module';
import { configuredProcessor } from './bullmq.processor';
import { BullJobQueue } from './bullmq.queue';
import { InProcessJobQueue } from './in-process.queue';
import { JobEventsService } from './job-events.service';
import { JobChanges } from './job.changes';
import { JOB_QUEUE } from './job.queue';
import { JobRegistry } from './job.registry';
import { JobRunner } from './job.runner';
import { JobStore } from './job.store';
import { JobsController } from './jobs.controller';
import { type JobsConfig, JOBS_OPTIONS, JOBS_QUEUE, jobsOptionsFrom } from './jobs.options';
import { JobsService } from './jobs.service';
import { RecordsBulkJob } from './records-bulk.job';

/**
 * Background jobs: rows in `core.jobs`, run by BullMQ on REDIS_URL or, without
 * it, by the in-process queue; the same handlers either way. Other modules
 * start jobs with JobsService and add job types with JobRegistry.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: JobsConfig): DynamicModule {
    const options = jobsOptionsFrom(config);
    const common: Provider[] = [{ provide: JOBS_OPTIONS, useValue: options }, JobRegistry, JobChanges, JobStore, JobRunner, JobEventsService, JobsService, RecordsBulkJob];
    const exports = [JobsService, JobRegistry, JobEventsService];
    if (!options.redisUrl) {
      return {
        module: JobsModule,
        imports: [RecordsModule],
        controllers: [JobsController],
        providers: [...common, InProcessJobQueue, { provide: JOB_QUEUE, useExisting: InProcessJobQueue }],
        exports,
      };
    }
    return {
      module: JobsModule,
      imports: [
        RecordsModule,
        BullModule.forRoot({ connection: { url: options.redisUrl }, prefix: options.prefix }),
        BullModule.registerQueue({
          name: JOBS_QUEUE,
          defaultJobOptions: {
            attempts: options.attempts,
            backoff: { type: 'exponential', delay: options.backoffMs },
            removeOnComplete: { age: 24 * 3600, count: 1_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        }),
      ],
      controllers: [JobsController],
      providers: [...common, BullJobQueue, configuredProcessor(options), { provide: JOB_QUEUE, useExisting: BullJobQueue }],
      exports,
    };
  }
}
