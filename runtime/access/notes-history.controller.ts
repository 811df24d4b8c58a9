import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import { table } from '../database/sql';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { Requires } from '../core/requires.decorator';

export class NotesHistoryQuery {
  @IsOptional() @IsUUID() companyId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

/**
 * "Consultar historial de notas" (seed 000 §3.3): the notes of a company and
 * of its contacts and cases. The only route an external token may call, and
 * only for the company the token belongs to.
 */
@ApiTags('integration')
@ApiBearerAuth()
@Requires.notesHistory()
@Controller('api/v1/integration/notes-history')
export class NotesHistoryController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
  ) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: NotesHistoryQuery) {
    const companyId = caller.externalCompanyId ?? query.companyId;
    if (caller.externalCompanyId && query.companyId && query.companyId !== caller.externalCompanyId) {
      throw new ApiError(403, 'forbidden', { es: 'Este token solo consulta las notas de su empresa.', en: 'This token only reads its own company’s notes.' });
    }
    if (!companyId) {
      throw ApiError.validation([{ path: 'companyId', code: 'required', message: { es: 'Indique la empresa.', en: 'Name the company.' } }]);
    }
    const s = operation.schemaName;
    // A user reads the notes its profile lets it see (visibility, hidden fields of actividades); tokens have no such limits.
    const access = caller.userId ? await this.access.forCaller(operation, caller) : null;
    const visible = access?.visibleUserIds ? [...access.visibleUserIds] : null;
    const params: unknown[] = visible ? [companyId, visible] : [companyId];
    const where = `a.deleted_at IS NULL AND a.tipo = 'nota' AND (
        a.empresa = $1
        OR a.contacto IN (SELECT id FROM ${table(s, 'contactos')} WHERE empresa = $1 AND deleted_at IS NULL)
        OR a.caso IN (SELECT id FROM ${table(s, 'casos')} WHERE empresa = $1 AND deleted_at IS NULL))${visible ? ' AND (a.owner = ANY($2::uuid[]) OR a.assignee = ANY($2::uuid[]))' : ''}`;
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${table(s, 'actividades')} a WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT a.id, a.asunto, a.descripcion, a.contacto, a.caso, a.empresa, a.created_at AS "createdAt", a.created_by AS "createdBy"
         FROM ${table(s, 'actividades')} a WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const items = access ? rows.map((row) => access.strip('actividades', row)) : rows;
    return { items, total, nextCursor: offset + items.length < total ? String(offset + items.length) : null };
  }
}
