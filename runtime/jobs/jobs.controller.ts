import { Body, Controller, Get, HttpCode, Inject, type MessageEvent, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { JobEventsService } from './job-events.service';
import { toJobView } from './job.view';
import { StartJobDto } from './dto/start-job.dto';
import { JobsService } from './jobs.service';

/** Users who are not operation admins see and cancel only the jobs they started. */
function onlyOwn(caller: Caller): string | undefined {
  return caller.permissions && !caller.permissions.admin ? (caller.userId ?? '') : undefined;
}

/** Any user may start jobs; each job type checks the profile right it needs (records.bulk: import on its module). */
@Requires.user()
@ApiTags('jobs')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: false, description: 'The operation, when calling with the platform token.' })
@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(JobEventsService) private readonly events: JobEventsService,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Starts a background job; answers 202 { id, state } at once.' })
  async start(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: StartJobDto) {
    const row = await this.jobs.enqueue(operation, body.type, body.payload, caller.userId, caller.permissions);
    return { id: row.id, state: row.state };
  }

  @Get()
  @ApiOperation({ summary: 'Jobs of the operation, newest first.' })
  @ApiQuery({ name: 'state', required: false, enum: ['queued', 'running', 'completed', 'failed', 'cancelled'] })
  @ApiQuery({ name: 'type', required: false })
  @ApiQuery({ name: 'module', required: false, description: 'Only jobs working on this module.' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: Record<string, unknown>) {
    const page = await this.jobs.list(operation, query, onlyOwn(caller));
    return { items: page.items.map((row) => toJobView(row)), total: page.total, nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job: state, progress, counts, result and error.' })
  async get(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string) {
    const row = await this.jobs.get(operation, id, onlyOwn(caller));
    return toJobView(row, await this.jobs.describePayload(row));
  }

  @Sse(':id/events')
  @ApiOperation({ summary: 'Server-sent events: `progress` on each change of the job, then `completed`, `failed` or `cancelled`, and the stream ends.' })
  @ApiProduces('text/event-stream')
  async stream(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string): Promise<Observable<MessageEvent>> {
    const row = await this.jobs.get(operation, id, onlyOwn(caller));
    return this.events.stream(row);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancels a queued or running job (409 when it has finished).' })
  async cancel(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string) {
    return toJobView(await this.jobs.cancel(operation, id, onlyOwn(caller)));
  }
}
