import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from './record-access.policy';
import { type HistoryItem, RecordAuditRepository } from '../database/record-audit.repository';
import { isUuid } from '../core/uuid';
import { RecordRepository } from './record.repository';

export const HISTORY_LIMIT = { default: 50, max: 500 } as const;

export interface HistoryPage {
  items: HistoryItem[];
  total: number;
  /** The id of the last entry of this page, to ask for the next (older) one; null on the last page. */
  nextCursor: string | null;
}

/** A record's history (R3): who, when, action, field, old and new value, newest first, for every change including bulk ones. */
@Injectable()
export class RecordHistoryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordRepository) private readonly records: RecordRepository,
    @Inject(RecordAuditRepository) private readonly audit: RecordAuditRepository,
  ) {}

  /** With `access`: the record must be visible to the caller (else 404) and hidden fields never show. */
  async history(operation: OperationRef, module: string, id: string, page: { limit: number; cursor?: string }, access?: RecordAccess): Promise<HistoryPage> {
    const definition = await this.definitions.get(operation, module);
    if (!isUuid(id)) throw ApiError.recordNotFound(module, id);
    const db = this.db.manager;
    // Deleted records keep their history; a record never written has none.
    const row = await this.records.find(db, operation, definition, id, { includeDeleted: true });
    // A restricted caller needs the record itself to judge its visibility.
    const known = access ? row !== null && access.canSee(row) : row !== null || (await this.audit.hasHistory(db, operation, module, id));
    if (!known) throw ApiError.recordNotFound(module, id);
    const before = page.cursor === undefined ? undefined : Number(page.cursor);
    const hiddenFields = access ? [...access.hiddenFields(definition)] : [];
    const { items, total } = await this.audit.history(db, operation, module, id, { limit: page.limit + 1, before, hiddenFields });
    const more = items.length > page.limit;
    const shown = access ? access.stripHistory(definition, more ? items.slice(0, page.limit) : items) : more ? items.slice(0, page.limit) : items;
    return { items: shown, total, nextCursor: more ? String(shown[shown.length - 1].id) : null };
  }
}
