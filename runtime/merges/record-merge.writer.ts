import { chooseKeeper, deepEqual, type KeeperRule, type MergeCandidate, mergeableFields, mergePatch, type ModuleDefinition, survivingValues } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { RecordAuditRepository } from '../database/record-audit.repository';
import type { RecordAccess } from '../records/record-access.policy';
import type { ApiRecord } from '../records/record-row.mapper';
import { RecordRepository } from '../records/record.repository';
import { RecordsService } from '../records/records.service';
import { MergeGroupError } from './merge-group.error';
import { type LinkField, RecordMergeLinks } from './record-merge.links';
import { type MergeLink, RecordMergesRepository, type StoredMerge } from './record-merges.repository';

/** One group to merge: its records, the one to keep (or the rule that picks it) and, per field, the record whose value survives. */
export interface MergeGroupRequest {
  ids: string[];
  keep: string | null;
  rule: KeeperRule;
  values?: Record<string, string>;
}

export interface MergeAuthor {
  userId: string | null;
  jobId: string | null;
  /** The requesting user's access: every record of the group must be editable by them. */
  access?: RecordAccess;
  /** The fields pointing at the module, when the caller read them already (a job, once per run). */
  linkFields?: LinkField[];
}

export interface MergeDone {
  mergeId: string;
  keptId: string;
  mergedIds: string[];
  fields: string[];
  links: number;
}

export interface UndoDone {
  keptId: string;
  restored: string[];
  links: number;
  /** Kept fields and links someone changed after the merge: left as they are. */
  conflicts: { fields: string[]; links: MergeLink[] };
}

const candidate = (record: ApiRecord, definition: ModuleDefinition): MergeCandidate => {
  const values: Record<string, unknown> = {};
  for (const field of definition.fields) if (!field.archived) values[field.key] = record[field.key] ?? null;
  return { id: record.id, createdAt: record.createdAt, updatedAt: record.updatedAt, values };
};

/**
 * Merges one group of duplicates inside the caller's transaction, and undoes
 * one merge: everything goes through the write pipeline (links re-pointed,
 * the merged records soft-deleted, the kept record patched, each audited) and
 * the merge is stored with what undoing it needs.
 */
@Injectable()
export class RecordMergeWriter {
  constructor(
    @Inject(RecordRepository) private readonly repository: RecordRepository,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(RecordAuditRepository) private readonly audit: RecordAuditRepository,
    @Inject(RecordMergeLinks) private readonly links: RecordMergeLinks,
    @Inject(RecordMergesRepository) private readonly merges: RecordMergesRepository,
  ) {}

  async merge(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, group: MergeGroupRequest, author: MergeAuthor): Promise<MergeDone> {
    const locked = await this.repository.lockByIds(db, operation, definition, group.ids);
    const missing = group.ids.filter((id) => !locked.some((record) => record.id === id));
    if (missing.length) throw MergeGroupError.missing(missing);
    if (author.access) for (const record of locked) if (!author.access.canEdit(record)) throw MergeGroupError.notEditable(record.id);
    // Fields the user's profile hides are neither chosen nor filled: they stay as the kept record has them.
    const seen = author.access ? author.access.view(definition) : definition;
    const fields = mergeableFields(seen);
    const candidates = locked.map((record) => candidate(record, seen));
    const keptId =
      group.keep ??
      chooseKeeper(
        candidates,
        group.rule,
        fields.map((f) => f.key),
      );
    const keep = candidates.find((c) => c.id === keptId)!;
    const others = candidates.filter((c) => c.id !== keptId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
    const mergedIds = others.map((c) => c.id);
    const patch = mergePatch(keep, survivingValues(fields, keep, others, group.values ?? {}));
    const keptBefore = Object.fromEntries(Object.keys(patch).map((key) => [key, keep.values[key] ?? null]));
    const options = { userId: author.userId, locale: 'es' as const, jobId: author.jobId };

    const links = await this.links.repoint(db, operation, definition, keptId, mergedIds, author, author.linkFields);
    // The merged records go first: a unique value they hold may then move to the kept record.
    await this.records.removeMany(db, operation, definition.key, mergedIds, options);
    let keptAfter: Record<string, unknown> = {};
    if (Object.keys(patch).length) {
      const written = await this.records.patchMany(db, operation, definition.key, [keptId], () => patch, options);
      if (written.failures.size) throw MergeGroupError.refused(keptId, written.failures.get(keptId) ?? []);
      const saved = written.saved[0];
      keptAfter = Object.fromEntries(Object.keys(patch).map((key) => [key, saved?.[key] ?? null]));
    }
    const mergeId = await this.merges.insert(db, operation, { module: definition.key, jobId: author.jobId, keptId, mergedIds, keptBefore, keptAfter, links, createdBy: author.userId });
    await this.audit.write(db, operation, definition.key, { userId: author.userId, jobId: author.jobId }, [
      { recordId: keptId, action: 'merge', newValue: { mergeId, merged: mergedIds } },
      ...mergedIds.map((id) => ({ recordId: id, action: 'merge' as const, newValue: { mergeId, mergedInto: keptId } })),
    ]);
    return { mergeId, keptId, mergedIds, fields: Object.keys(keptAfter), links: links.length };
  }

  /**
   * Undoes a merge: the kept record's fields back to their values before (those
   * still holding what the merge wrote), the merged records restored, the links
   * pointed back (those still pointing at the kept record).
   */
  async undo(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, merge: StoredMerge, author: MergeAuthor): Promise<UndoDone> {
    const kept = await this.repository.find(db, operation, definition, merge.keptId, { includeDeleted: true, lock: true });
    if (!kept) throw MergeGroupError.keptDeleted(merge.keptId);
    if (author.access && !author.access.canEdit(kept)) throw MergeGroupError.notEditable(merge.keptId);
    if (kept.deletedAt) {
      const later = await this.merges.mergedInto(db, operation, definition.key, merge.keptId);
      throw later ? MergeGroupError.keptMergedLater(merge.keptId, later.mergeId) : MergeGroupError.keptDeleted(merge.keptId);
    }
    const options = { userId: author.userId, locale: 'es' as const, jobId: author.jobId };
    const changedSince: string[] = [];
    const written = await this.records.patchMany(
      db,
      operation,
      definition.key,
      [merge.keptId],
      (record) => {
        const patch: Record<string, unknown> = {};
        for (const [field, before] of Object.entries(merge.keptBefore)) {
          if (!definition.fields.some((f) => f.key === field && !f.archived)) continue;
          if (deepEqual(record[field] ?? null, merge.keptAfter[field] ?? null)) patch[field] = before;
          else changedSince.push(field);
        }
        return patch;
      },
      options,
    );
    if (written.failures.size) throw MergeGroupError.refused(merge.keptId, written.failures.get(merge.keptId) ?? []);
    const { restored, refused } = await this.records.restoreMany(db, operation, definition.key, merge.mergedIds, options);
    // A merged record whose unique value a live record took since cannot come back: the undo of this group stops whole.
    const [conflict] = refused;
    if (conflict) throw MergeGroupError.refused(conflict[0], conflict[1]);
    const links = await this.links.restore(db, operation, merge.keptId, merge.links, author);
    await this.audit.write(db, operation, definition.key, { userId: author.userId, jobId: author.jobId }, [
      { recordId: merge.keptId, action: 'unmerge', oldValue: { mergeId: merge.id, merged: merge.mergedIds } },
      ...restored.map((id) => ({ recordId: id, action: 'unmerge' as const, oldValue: { mergeId: merge.id, mergedInto: merge.keptId } })),
    ]);
    await this.merges.markUndone(db, operation, merge.id, author.userId, author.jobId);
    return { keptId: merge.keptId, restored, links: links.restored, conflicts: { fields: changedSince, links: links.conflicts } };
  }
}
