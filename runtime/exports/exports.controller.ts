import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { ExportsService } from './exports.service';

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/**
 * Background exports (B6): the caller's exports, and the download of one with
 * the token its link carries. Exports are started as `records.export` jobs
 * (`POST /api/v1/jobs`).
 */
@ApiTags('exports')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/exports')
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  @Requires.user()
  @Get()
  list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    return this.exports.list(operation, caller, limit, cursor);
  }

  /** The module comes from the export, so its view right is checked by the service, not the guard. */
  @Requires.user()
  @Get(':id/download')
  async download(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string, @Query('token') token: string | undefined, @Res() reply: FastifyReply) {
    const { file, body } = await this.exports.download(operation, caller, id, token);
    await reply
      .header('content-type', CONTENT_TYPES[file.format])
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  }
}
