import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { MergesService } from './merges.service';
import { MergesListQuery } from './dto/merges-list.query';

/**
 * Duplicate merges (B3): finding duplicates, the module's merges and undo.
 * Merging is a job (`POST /api/v1/jobs`, type `records.merge`); undo starts `records.unmerge`.
 */
@ApiTags('merges')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: false, description: 'The operation, when calling with the platform token.' })
@Controller('api/v1')
export class MergesController {
  constructor(@Inject(MergesService) private readonly merges: MergesService) {}

  @Requires.module('view')
  @Post('records/:module/duplicates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Groups of duplicates by one or more fields (exact or normalised), within created / modified date ranges, largest first.' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['fields'],
      properties: {
        fields: { type: 'array', items: { type: 'string' }, example: ['phone'] },
        mode: { type: 'string', enum: ['exact', 'normalised'], default: 'normalised' },
        digitsOnly: { type: 'array', items: { type: 'string' }, description: 'Text fields (documents) compared by their digits only; phones always are in normalised mode.' },
        created: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
        modified: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
        limit: { type: 'integer', default: 50, maximum: 200 },
        cursor: { type: 'string' },
      },
    },
  })
  duplicates(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Body() body: unknown) {
    return this.merges.find(operation, caller, module, body);
  }

  @Requires.user()
  @Get('merges')
  @ApiOperation({ summary: "The module's merges, newest first, with undo state." })
  @ApiQuery({ name: 'module', required: true })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: MergesListQuery) {
    return this.merges.list(operation, caller, query);
  }

  @Requires.module('view')
  @Get('merges/records/:module/:id')
  @ApiOperation({ summary: 'The record a merged (soft-deleted) record went into: { recordId, mergedInto, mergeId }; 404 when it is in no merge that stands.' })
  mergedInto(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('id') id: string) {
    return this.merges.mergedInto(operation, caller, module, id);
  }

  @Requires.user()
  @Post('merges/:id/undo')
  @HttpCode(202)
  @ApiOperation({ summary: 'Starts the `records.unmerge` job for one merge; answers 202 { id, state }.' })
  undo(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.merges.undo(operation, caller, id);
  }
}
