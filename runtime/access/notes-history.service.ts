import { lookupTo, roleField, roleOption } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../core/caller';
import { ident, table } from '../database/sql';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { moduleRight } from '../core/profile-permissions';

export interface NotesHistoryPage {
  items: Record<string, unknown>[];
  total: number;
  nextCursor: string | null;
}

/**
 * The notes of a company and of its contacts and cases (seed 000 §3.3), found
 * by role: the activities module's notes linked to the company, or to a
 * contact or a case whose own lookup points at that company.
 */
@Injectable()
export class NotesHistoryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
  ) {}

  async list(operation: OperationRef, caller: Caller, companyId: string, page: { limit: number; offset: number }): Promise<NotesHistoryPage> {
    const activities = await this.definitions.requireRole(operation, 'activities');
    // The route lets every user in: which module's view right it needs depends on the operation's definitions.
    if (!caller.externalCompanyId && caller.permissions && !moduleRight(caller.permissions, activities.key, 'view')) {
      throw new ApiError(403, 'forbidden', { es: 'Su perfil no permite esta acción.', en: 'Your profile does not allow this.' });
    }
    const companies = await this.definitions.requireRole(operation, 'companies');
    const s = operation.schemaName;
    const links: string[] = [];
    const shown = new Set<string>();
    const direct = lookupTo(activities, companies.key);
    if (direct) {
      links.push(`a.${ident(direct.key)} = $1`);
      shown.add(direct.key);
    }
    for (const role of ['contacts', 'cases'] as const) {
      const module = await this.definitions.withRole(operation, role);
      const via = module && lookupTo(activities, module.key);
      const up = module && lookupTo(module, companies.key);
      if (!module || !via || !up) continue;
      links.push(`a.${ident(via.key)} IN (SELECT id FROM ${table(s, module.key)} WHERE ${ident(up.key)} = $1 AND deleted_at IS NULL)`);
      shown.add(via.key);
    }
    if (!links.length) return { items: [], total: 0, nextCursor: null };

    // A user reads the notes its profile lets it see (visibility, hidden fields of activities); tokens have no such limits.
    const access = caller.userId ? await this.access.forCaller(operation, caller) : null;
    const visible = access?.visibleUserIds ? [...access.visibleUserIds] : null;
    const params: unknown[] = visible ? [companyId, visible] : [companyId];
    const kind = roleField(activities, 'kind');
    const note = roleOption(activities, 'kind', 'note');
    if (kind && note) params.push(note);
    const where = [
      'a.deleted_at IS NULL',
      ...(kind && note ? [`a.${ident(kind.key)} = $${params.length}`] : []),
      `(${links.join(' OR ')})`,
      ...(visible ? ['(a.owner = ANY($2::uuid[]) OR a.assignee = ANY($2::uuid[]))'] : []),
    ].join(' AND ');
    const columns = [roleField(activities, 'subject'), roleField(activities, 'description')].flatMap((f) => (f ? [f.key] : []));
    columns.push(...shown);
    const from = `FROM ${table(s, activities.key)} a WHERE ${where}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT a.id, ${columns.map((c) => `a.${ident(c)}`).join(', ')}, a.created_at AS "createdAt", a.created_by AS "createdBy"
         ${from} ORDER BY a.created_at DESC, a.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    );
    const items = access ? rows.map((row) => access.strip(activities.key, row)) : rows;
    return { items, total, nextCursor: page.offset + items.length < total ? String(page.offset + items.length) : null };
  }
}
