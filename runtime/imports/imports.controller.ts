import type { Readable } from 'node:stream';
import { issue } from '@crm/engine';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../core/api-error';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { moduleRight } from '../core/profile-permissions';
import { Requires } from '../core/requires.decorator';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { PreviewImportDto } from './dto/preview-import.dto';
import { SaveMappingDto } from './dto/save-mapping.dto';
import { ImportErrors } from './import.errors';
import { ImportExampleService } from './import-example.service';
import { ImportHistoryService } from './import-history.service';
import { ImportMappingsRepository } from './import-mappings.repository';
import { ImportPreviewService } from './import-preview.service';
import { ImportUploadService } from './import-upload.service';
import { mappingEntryIssues, optionsIssues } from './records-import.payload';
import { RecordBackupsRepository } from './record-backups.repository';

/** The raw body types an upload may declare; each reaches the route as a stream. */
export const UPLOAD_CONTENT_TYPES = ['text/csv', 'application/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
const attachment = (name: string) => `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
const langOf = (value: unknown, caller: Caller): 'es' | 'en' => (value === 'es' || value === 'en' ? value : caller.locale);

function pageParams(limit: unknown, offset: unknown): { limit: number; offset: number } {
  const n = limit === undefined || limit === '' ? 50 : Number(limit);
  const o = offset === undefined || offset === '' ? 0 : Number(offset);
  const issues = [];
  if (!Number.isInteger(n) || n < 1 || n > 200) issues.push(issue('limit', 'query.limit', { limit: 200 }));
  if (!Number.isInteger(o) || o < 0 || o > 1_000_000) issues.push(issue('cursor', 'query.cursor'));
  if (issues.length) throw ApiError.validation(issues);
  return { limit: n, offset: o };
}

/**
 * Imports (B1, B2) and backups (S3): upload, preview, example files, saved
 * mappings, history, failed rows and backups. Starting an import or a restore
 * is a job (`POST /api/v1/jobs`, types `records.import` and `records.restore`).
 */
@ApiTags('imports')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: false, description: 'The operation, when calling with the platform token.' })
@Controller('api/v1/imports')
export class ImportsController {
  constructor(
    @Inject(ImportUploadService) private readonly uploads: ImportUploadService,
    @Inject(ImportPreviewService) private readonly previews: ImportPreviewService,
    @Inject(ImportExampleService) private readonly examples: ImportExampleService,
    @Inject(ImportMappingsRepository) private readonly mappings: ImportMappingsRepository,
    @Inject(ImportHistoryService) private readonly history: ImportHistoryService,
    @Inject(RecordBackupsRepository) private readonly backups: RecordBackupsRepository,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  @Requires.user()
  @Post('files')
  @HttpCode(201)
  @ApiOperation({ summary: 'Uploads a CSV or XLSX file (≤ 100 MB) as the raw request body; streamed to the database.' })
  @ApiConsumes(...UPLOAD_CONTENT_TYPES)
  @ApiQuery({ name: 'name', required: true, description: 'The file name as the user chose it.' })
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async upload(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query('name') name: unknown, @Req() request: FastifyRequest) {
    const body = request.body as Readable | undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 255 || name.includes('\u0000')) {
      body?.resume?.();
      throw ApiError.validation([issue('name', name === undefined ? 'required' : 'type', { expected: 'string' })]);
    }
    if (!body || typeof (body as Partial<Readable>).pipe !== 'function') throw ImportErrors.format();
    const length = Number(request.headers['content-length']);
    const file = await this.uploads.store(operation, caller.userId, name.trim(), body, Number.isFinite(length) ? length : undefined);
    return { id: file.id, name: file.name, size: file.size, format: file.format };
  }

  @Requires.user()
  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Detects the layout, maps the columns and converts the first 50 rows; writes nothing.' })
  preview(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: PreviewImportDto) {
    return this.previews.preview(operation, caller, body);
  }

  @Requires.module('import')
  @Get('example/:module')
  @ApiOperation({ summary: "The module's example file: headers, a sample row and the allowed values of each picklist." })
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async example(
    @CurrentOperation() operation: OperationRef,
    @CurrentCaller() caller: Caller,
    @Param('module') module: string,
    @Query('format') format: unknown,
    @Query('lang') lang: unknown,
    @Res() reply: FastifyReply,
  ) {
    if (format !== undefined && format !== 'csv' && format !== 'xlsx') throw ApiError.validation([issue('format', 'option', { value: String(format) })]);
    const definition = await this.definitions.get(operation, module);
    const language = langOf(lang, caller);
    const xlsx = format === 'xlsx';
    const bytes = xlsx ? await this.examples.xlsx(definition, language) : this.examples.csv(definition, language);
    const name = `${module}-${language === 'es' ? 'ejemplo' : 'example'}.${xlsx ? 'xlsx' : 'csv'}`;
    await reply
      .header('content-type', xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(name))
      .send(bytes);
  }

  @Requires.module('import')
  @Get('mappings/:module')
  @ApiOperation({ summary: 'Mappings saved for the module.' })
  async listMappings(@CurrentOperation() operation: OperationRef, @Param('module') module: string) {
    await this.definitions.get(operation, module);
    return { items: await this.mappings.list(operation, module) };
  }

  @Requires.module('import')
  @Post('mappings/:module')
  @HttpCode(201)
  @ApiOperation({ summary: 'Saves a mapping under a name (the same name replaces it).' })
  async saveMapping(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('module') module: string, @Body() body: SaveMappingDto) {
    await this.definitions.get(operation, module);
    const issues = [...body.mapping.flatMap((entry, i) => mappingEntryIssues(entry, `mapping[${i}]`)), ...optionsIssues(body.options, 'options')];
    if (issues.length) throw ApiError.validation(issues);
    const mapping = body.mapping.map((m) => ({ column: m.column, header: m.header, field: m.field, ...(m.lookupBy !== undefined && { lookupBy: m.lookupBy }) }));
    const options = { dateOrder: body.options.dateOrder, decimalMark: body.options.decimalMark, listSeparator: body.options.listSeparator };
    return this.mappings.save(operation, module, body.name.trim(), mapping, options, caller.userId);
  }

  @Requires.module('import')
  @Delete('mappings/:module/:id')
  @HttpCode(204)
  async removeMapping(@CurrentOperation() operation: OperationRef, @Param('module') module: string, @Param('id') id: string) {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
    if (!uuid || !(await this.mappings.remove(operation, module, id))) {
      throw ApiError.notFound({ es: `No existe el mapeo ${id}.`, en: `Mapping ${id} does not exist.` }, 'mapping_not_found');
    }
  }

  @Requires.user()
  @Get()
  @ApiOperation({ summary: "The module's imports, newest first." })
  @ApiQuery({ name: 'module', required: true })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false })
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: Record<string, unknown>) {
    const module = this.moduleParam(query.module);
    await this.definitions.get(operation, module);
    return this.history.list(operation, caller, module, query.limit, query.cursor);
  }

  @Requires.user()
  @Get('backups')
  @ApiOperation({ summary: "The module's backups (one per load that changed existing records), newest first." })
  @ApiQuery({ name: 'module', required: true })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, description: 'The offset of the next page, as the last page answered it.' })
  async listBackups(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: Record<string, unknown>) {
    const module = this.moduleParam(query.module);
    if (caller.permissions && !moduleRight(caller.permissions, module, 'import')) throw ImportErrors.forbidden(module);
    await this.definitions.get(operation, module);
    const { limit, offset } = pageParams(query.limit, query.cursor);
    const page = await this.backups.list(operation, module, limit, offset);
    return { items: page.items, total: page.total, nextCursor: offset + page.items.length < page.total ? String(offset + page.items.length) : null };
  }

  @Requires.user()
  @Get(':jobId/failures')
  @ApiOperation({ summary: 'Every row the import could not write: CSV (the original row plus the reason) or, with format=json, a page.' })
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'json'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en'] })
  @ApiProduces('text/csv', 'application/json')
  async failures(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('jobId') jobId: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    if (query.format === 'json') {
      const { limit } = pageParams(query.limit, undefined);
      const after = query.cursor === undefined || query.cursor === '' ? 0 : Number(query.cursor);
      if (!Number.isInteger(after) || after < 0) throw ApiError.validation([issue('cursor', 'query.cursor')]);
      await reply.send(await this.history.failurePage(operation, caller, jobId, limit, after));
      return;
    }
    if (query.format !== undefined && query.format !== 'csv') throw ApiError.validation([issue('format', 'option', { value: String(query.format) })]);
    const file = await this.history.failuresCsv(operation, caller, jobId, langOf(query.lang, caller));
    await reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(file.name)).send(file.body);
  }

  private moduleParam(value: unknown): string {
    if (typeof value !== 'string' || !/^[a-z][a-z0-9_]{0,62}$/.test(value)) throw ApiError.validation([issue('module', value === undefined ? 'required' : 'type', { expected: 'string' })]);
    return value;
  }
}
