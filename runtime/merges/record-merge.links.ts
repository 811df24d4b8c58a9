import { moduleWithRole, type ModuleDefinition, roleField } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { ident, table } from '../database/sql';
import { sqlRows } from '../database/sql-rows';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { RecordsService } from '../records/records.service';
import { MergeGroupError } from './merge-group.error';
import type { MergeLink } from './record-merges.repository';

/** One place a record of the merged module can be named from: a lookup field, or the activities' generic link. */
export interface LinkField {
  module: string;
  field: string;
  /** The activities' related-module field, which must name the merged module for `field` to point into it. */
  moduleField?: string;
}

export interface LinkAuthor {
  userId: string | null;
  jobId: string | null;
}

/**
 * Moves every link to the merged records onto the kept one, and back on undo:
 * lookups of every module of the operation that target the merged module
 * (itself included), and activities linked through their relatedModule /
 * relatedRecord role fields (gestiones and the rest reach records through
 * lookups). Each field is one SELECT of the referencing ids and one batch
 * through the write pipeline (RecordsService.patchMany: audited, change feed).
 * Links are integrity, so they move whoever may see the referencing records.
 */
@Injectable()
export class RecordMergeLinks {
  constructor(
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  /** The fields of the operation that may point at records of `target`. */
  async fieldsTo(db: EntityManager, operation: OperationRef, target: string): Promise<LinkField[]> {
    const all = await this.definitions.list(operation, db);
    const out: LinkField[] = [];
    for (const definition of all) {
      for (const field of definition.fields) if (!field.archived && field.type === 'lookup' && field.target === target) out.push({ module: definition.key, field: field.key });
    }
    const activities = moduleWithRole(all, 'activities');
    const relatedModule = activities && roleField(activities, 'relatedModule');
    const relatedRecord = activities && roleField(activities, 'relatedRecord');
    if (activities && relatedModule && relatedRecord) out.push({ module: activities.key, field: relatedRecord.key, moduleField: relatedModule.key });
    return out;
  }

  /** Points every live link to one of `mergedIds` at `keptId`; answers what each held. Records of the group itself are left alone. */
  async repoint(db: EntityManager, operation: OperationRef, target: ModuleDefinition, keptId: string, mergedIds: string[], author: LinkAuthor, fields?: LinkField[]): Promise<MergeLink[]> {
    const links: MergeLink[] = [];
    const group = new Set([keptId, ...mergedIds]);
    for (const link of fields ?? (await this.fieldsTo(db, operation, target.key))) {
      const params: unknown[] = [mergedIds];
      // A lookup column is uuid (its index answers = ANY); the activities' related record is text.
      let where = `${ident(link.field)} = ANY($1::${link.moduleField ? 'text' : 'uuid'}[]) AND deleted_at IS NULL`;
      if (link.moduleField) {
        params.push(target.key);
        where += ` AND ${ident(link.moduleField)} = $2`;
      }
      const rows = await sqlRows<{ id: string; old: string }>(db, `SELECT id::text AS id, ${ident(link.field)}::text AS old FROM ${table(operation.schemaName, link.module)} WHERE ${where}`, params);
      const ids = rows.filter((row) => !(link.module === target.key && group.has(row.id))).map((row) => row.id);
      if (!ids.length) continue;
      const moved = new Map<string, string>();
      const written = await this.records.patchMany(
        db,
        operation,
        link.module,
        ids,
        (record) => {
          const old = record[link.field];
          if (typeof old !== 'string' || !mergedIds.includes(old.toLowerCase())) return null;
          moved.set(record.id, old);
          return { [link.field]: keptId };
        },
        { userId: author.userId, locale: 'es', jobId: author.jobId },
      );
      if (written.failures.size) throw MergeGroupError.linkRefused(link.module, [...written.failures.keys()][0], [...written.failures.values()][0]);
      for (const saved of written.saved) links.push({ module: link.module, record: saved.id, field: link.field, old: moved.get(saved.id)! });
    }
    return links;
  }

  /** Puts links back where they were, when they still point at the kept record; answers the ones someone changed since. */
  async restore(db: EntityManager, operation: OperationRef, keptId: string, links: MergeLink[], author: LinkAuthor): Promise<{ restored: number; conflicts: MergeLink[] }> {
    const byField = new Map<string, MergeLink[]>();
    for (const link of links) {
      const key = `${link.module}\u0000${link.field}`;
      byField.set(key, [...(byField.get(key) ?? []), link]);
    }
    let restored = 0;
    const conflicts: MergeLink[] = [];
    for (const group of byField.values()) {
      const { module, field } = group[0];
      const byRecord = new Map(group.map((link) => [link.record, link]));
      const written = await this.records.patchMany(
        db,
        operation,
        module,
        [...byRecord.keys()],
        (record) => {
          const now = record[field];
          if (typeof now !== 'string' || now.toLowerCase() !== keptId) {
            conflicts.push(byRecord.get(record.id)!);
            return null;
          }
          return { [field]: byRecord.get(record.id)!.old };
        },
        { userId: author.userId, locale: 'es', jobId: author.jobId },
      );
      restored += written.saved.length;
      for (const id of [...written.missing, ...written.failures.keys()]) conflicts.push(byRecord.get(id)!);
    }
    return { restored, conflicts };
  }
}
