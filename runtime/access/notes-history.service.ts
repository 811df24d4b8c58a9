import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { table } from '../database/sql';
import { RecordAccessResolver } from '../records/record-access.resolver';

/** "Consultar historial de notas" (seed 000 §3.3): the notes of a company and of its contacts and cases, newest first. */
@Injectable()
export class NotesHistoryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
  ) {}

  async list(operation: OperationRef, caller: Caller, companyId: string, page: { limit: number; offset: number }): Promise<{ items: Record<string, unknown>[]; total: number }> {
    const s = operation.schemaName;
    // A user reads the notes its profile lets it see (visibility, hidden fields of actividades); tokens have no such limits.
    const access = caller.userId ? await this.access.forCaller(operation, caller) : null;
    const visible = access?.visibleUserIds ? [...access.visibleUserIds] : null;
    const params: unknown[] = visible ? [companyId, visible] : [companyId];
    const where = `a.deleted_at IS NULL AND a.tipo = 'nota' AND (
        a.empresa = $1
        OR a.contacto IN (SELECT id FROM ${table(s, 'contactos')} WHERE empresa = $1 AND deleted_at IS NULL)
        OR a.caso IN (SELECT id FROM ${table(s, 'casos')} WHERE empresa = $1 AND deleted_at IS NULL))${visible ? ' AND (a.owner = ANY($2::uuid[]) OR a.assignee = ANY($2::uuid[]))' : ''}`;
    const { limit, offset } = page;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${table(s, 'actividades')} a WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT a.id, a.asunto, a.descripcion, a.contacto, a.caso, a.empresa, a.created_at AS "createdAt", a.created_by AS "createdBy"
         FROM ${table(s, 'actividades')} a WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const items = access ? rows.map((row) => access.strip('actividades', row)) : rows;
    return { items, total };
  }
}
