import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { UploadFileDto } from './dto/upload-file.dto';
import { FilesService } from './files.service';

/**
 * Attachments of `file` fields (R2). Uploads are JSON `{ name, mime, content }`
 * with base64 content: no multipart plugin is installed, and the server's 50 MB
 * body limit covers the largest catalog field (20 MB) once encoded. The answer
 * is the reference a record's file field stores.
 */
@ApiTags('files')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/files')
export class FilesController {
  constructor(@Inject(FilesService) private readonly files: FilesService) {}

  @Requires.module('view')
  @Post(':module/:field')
  @HttpCode(201)
  upload(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Param('field') field: string, @Body() body: UploadFileDto) {
    return this.files.upload(operation, module, field, body, caller.userId);
  }

  /** The module comes from the file's row, so the right to view it is checked by the service, not the guard. */
  @Requires.user()
  @Get(':id')
  async download(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('id') id: string, @Res() reply: FastifyReply) {
    const file = await this.files.download(operation, caller, id);
    await reply
      .header('content-type', file.mime)
      .header('content-length', String(file.bytes.length))
      .header('content-disposition', `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  }
}

/** The plain filename= fallback must be ASCII without quotes; filename* carries the real name. */
function asciiName(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'file'
  );
}
