import { Body, Controller, Delete, Get, HttpCode, Inject, type MessageEvent, Param, Patch, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { moduleRight } from '../core/profile-permissions';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { RecordAccessResolver } from './record-access.resolver';
import { RecordActionsService } from './record-actions.service';
import { RecordAggregateService } from './record-aggregate.service';
import { RecordEventsService } from './record-events.service';
import { HISTORY_LIMIT, RecordHistoryService } from './record-history.service';
import { RecordQueryService, SEARCH_LIMIT } from './record-query.service';
import { AGGREGATE_BODY_SCHEMA, AGGREGATE_RESULT_SCHEMA } from './dto/aggregate-records.schema';
import { BulkRecordsDto } from './dto/bulk-records.dto';
import { DeleteRecordQuery } from './dto/delete-record.query';
import { HistoryQuery } from './dto/history.query';
import { QueryScopeQuery } from './dto/query-scope.query';
import { SearchRecordsQuery } from './dto/search-records.query';
import { type RecordAuthor, RecordsService } from './records.service';

const author = (caller: Caller, access: RecordAuthor['access']): RecordAuthor => ({ userId: caller.userId, locale: caller.locale, access });

/** The record API of every module (ARCHITECTURE.md, HTTP API): HTTP in, one service call, HTTP out. */
@ApiTags('records')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/records')
export class RecordsController {
  constructor(
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(RecordQueryService) private readonly queries: RecordQueryService,
    @Inject(RecordHistoryService) private readonly histories: RecordHistoryService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
    @Inject(RecordEventsService) private readonly events: RecordEventsService,
    @Inject(RecordActionsService) private readonly actionRuns: RecordActionsService,
    @Inject(RecordAggregateService) private readonly aggregates: RecordAggregateService,
  ) {}

  @Requires.module('view')
  @Get(':module')
  async search(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Query() query: SearchRecordsQuery) {
    return this.queries.search(operation, module, query.q, query.limit ?? SEARCH_LIMIT.default, query.cursor, await this.access.forCaller(operation, caller));
  }

  @Requires.module('create')
  @Post(':module')
  @HttpCode(201)
  async create(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Body() body: unknown) {
    return this.records.create(operation, module, body, author(caller, await this.access.forCaller(operation, caller)));
  }

  /** Body: `{ filter, sort, limit, cursor | offset, fields, expand, count }`; `?deleted=include|only` shows the trash (needs the delete right). */
  @Requires.module('view')
  @Post(':module/query')
  @HttpCode(200)
  async query(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Query() scope: QueryScopeQuery, @Body() body: unknown) {
    const deleted = scope.deleted ?? 'exclude';
    if (deleted !== 'exclude' && caller.permissions && !moduleRight(caller.permissions, module, 'delete')) {
      throw new ApiError(403, 'forbidden', { es: 'Su perfil no permite ver registros eliminados.', en: 'Your profile does not allow seeing deleted records.' });
    }
    return this.queries.query(operation, module, body, deleted, await this.access.forCaller(operation, caller));
  }

  /** Body: `{ filter, groups, measures, order, limit }` (up to two groups and two measures); one SQL statement over the records the caller sees. */
  @Requires.module('view')
  @Post(':module/aggregate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Counts, sums, averages, minimums and maximums by up to two groups (date buckets in the operation time zone), over the records the caller sees.' })
  @ApiBody({ schema: AGGREGATE_BODY_SCHEMA as never })
  @ApiOkResponse({ schema: AGGREGATE_RESULT_SCHEMA as never })
  async aggregate(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Body() body: unknown) {
    return this.aggregates.aggregate(operation, module, body, await this.access.forCaller(operation, caller));
  }

  /** Body: `{ rows, mode: 'insert' | 'upsert', keyField }`, at most 10,000 rows. */
  @Requires.module('import')
  @Post(':module/bulk')
  @HttpCode(200)
  async bulk(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Body() body: BulkRecordsDto) {
    const access = await this.access.forCaller(operation, caller);
    return this.records.bulkWrite(operation, module, body.rows, { mode: body.mode ?? 'insert', keyField: body.keyField, userId: caller.userId, locale: caller.locale, access });
  }

  /** What the module's plugins offer: actions (label, input schema) and the fields they compute on reads. */
  @Requires.module('view')
  @Get(':module/actions')
  async actions(@CurrentOperation() operation: OperationRef, @Param('module') module: string) {
    return this.actionRuns.offered(operation, module);
  }

  /** Runs a plugin action on a record. Body: the action's input (its `inputSchema`). The patch and the records it creates commit together or not at all. */
  @Requires.module('edit')
  @Post(':module/:id/actions/:action')
  @HttpCode(200)
  async runAction(
    @CurrentOperation() operation: OperationRef,
    @CurrentCaller() caller: Caller,
    @Param('module') module: string,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ) {
    const access = await this.access.forCaller(operation, caller);
    return this.actionRuns.run(operation, module, id, action, body, { ...author(caller, access), permissions: caller.permissions });
  }

  @Requires.module('view')
  @Get(':module/:id')
  async get(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string) {
    return this.records.get(operation, module, id, await this.access.forCaller(operation, caller));
  }

  /** Body: the fields to change and `version`, the optimistic lock (required). */
  @Requires.module('edit')
  @Patch(':module/:id')
  async update(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string, @Body() body: unknown) {
    return this.records.update(operation, module, id, body, author(caller, await this.access.forCaller(operation, caller)));
  }

  @Requires.module('delete')
  @Delete(':module/:id')
  async remove(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string, @Query() query: DeleteRecordQuery) {
    return this.records.remove(operation, module, id, author(caller, await this.access.forCaller(operation, caller)), query.version);
  }

  @Requires.module('delete')
  @Post(':module/:id/restore')
  @HttpCode(200)
  async restore(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string) {
    return this.records.restore(operation, module, id, author(caller, await this.access.forCaller(operation, caller)));
  }

  @Requires.module('view')
  @Get(':module/:id/history')
  async history(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string, @Query() query: HistoryQuery) {
    return this.histories.history(operation, module, id, { limit: query.limit ?? HISTORY_LIMIT.default, cursor: query.cursor }, await this.access.forCaller(operation, caller));
  }

  /** R6: two agents with the same record open see each other's saves live. A record the caller cannot see is 404 before any event. */
  @Requires.module('view')
  @Sse(':module/:id/events')
  @ApiOperation({ summary: 'Server-sent events: `ready` with the current version, then `change` { id, version, updatedAt, updatedBy, changedFields, action } on every save, delete or restore.' })
  @ApiProduces('text/event-stream')
  async watch(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string): Promise<Observable<MessageEvent>> {
    return this.events.stream(operation, module, id, await this.access.forCaller(operation, caller));
  }
}
