import { deepEqual, issue } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import { moduleRight } from '../core/profile-permissions';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobFailedError } from '../jobs/job.errors';
import { JobRegistry } from '../jobs/job.registry';
import { RecordsService } from '../records/records.service';
import { RecordBackupsRepository } from './record-backups.repository';
import { isUuid } from '../core/uuid';

export interface RecordsRestorePayload extends Record<string, unknown> {
  backupId: string;
  module: string;
}

export interface RecordsRestoreCheckpoint extends Record<string, unknown> {
  /** Entries are restored in record-id order; everything up to this id is done. */
  afterId: string | null;
}

export interface RecordsRestoreResult extends Record<string, unknown> {
  total: number;
  restored: number;
  /** Records already holding their previous values. */
  unchanged: number;
  /** Records with a field someone changed after the load (or deleted since): those fields are left as they are. */
  conflicts: number;
  conflictList: { recordId: string; fields: string[] }[];
}

const PAGE = 500;
/** Conflicts listed in the result; the count covers them all. */
const KEPT_CONFLICTS = 1_000;

const notFound = (id: string) => ApiError.notFound({ es: `No existe la copia de seguridad ${id}.`, en: `Backup ${id} does not exist.` }, 'backup_not_found');

/**
 * `records.restore` (S3): puts every record a load changed back to the values
 * it had before, field by field. A field someone changed after the load keeps
 * its newer value and is reported as a conflict; records the load created are
 * not in the backup and stay. Written through the pipeline (audit, history).
 */
@Injectable()
export class RecordsRestoreJob implements JobHandler<RecordsRestorePayload, RecordsRestoreCheckpoint>, OnModuleInit {
  readonly type = 'records.restore';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(RecordBackupsRepository) private readonly backups: RecordBackupsRepository,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsRestorePayload> {
    const backupId = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).backupId : undefined;
    const extra = typeof input === 'object' && input !== null ? Object.keys(input).filter((key) => key !== 'backupId') : [];
    if (typeof backupId !== 'string' || !isUuid(backupId) || extra.length) {
      throw ApiError.validation([
        ...(typeof backupId === 'string' && isUuid(backupId) ? [] : [issue('payload.backupId', backupId === undefined ? 'required' : 'type', { expected: 'uuid' })]),
        ...extra.map((key) => issue(`payload.${key}`, 'unknownField', { field: key })),
      ]);
    }
    const backup = await this.backups.find(scope.operation, backupId);
    if (!backup) throw notFound(backupId);
    if (scope.permissions && !(moduleRight(scope.permissions, backup.module, 'import') && moduleRight(scope.permissions, backup.module, 'edit'))) {
      throw new ApiError(403, 'forbidden', { es: `Su perfil no permite restaurar en el módulo «${backup.module}».`, en: `Your profile does not allow restoring into module "${backup.module}".` });
    }
    if (backup.restoredAt) {
      throw ApiError.conflict(
        'backup_restored',
        { es: `Esta copia ya se restauró (${backup.restoredAt}).`, en: `This backup was restored already (${backup.restoredAt}).` },
        { restoreJobId: backup.restoreJobId },
      );
    }
    return { backupId, module: backup.module };
  }

  /** One restore per backup, and none while that module's import runs. */
  exclusiveKey(payload: RecordsRestorePayload): string {
    return `module:${payload.module}`;
  }

  async run(context: JobContext<RecordsRestorePayload, RecordsRestoreCheckpoint>): Promise<RecordsRestoreResult> {
    const { backupId, module } = context.payload;
    const backup = await this.backups.find(context.operation, backupId);
    if (!backup) throw new JobFailedError('backup_not_found', notFound(backupId).text);
    let result = (context.result as RecordsRestoreResult | null) ?? { total: backup.records, restored: 0, unchanged: 0, conflicts: 0, conflictList: [] };
    if (!context.checkpoint) {
      await context.transaction(async (db) => {
        if (!(await this.backups.claimForRestore(db, context.operation, backupId, context.job.id))) {
          throw new JobFailedError('backup_restoring', { es: 'Otra restauración de esta copia ya se hizo o está en curso.', en: 'Another restore of this backup is done or running.' });
        }
        await context.reportProgress({ processed: 0, succeeded: 0, failed: 0, total: backup.records, checkpoint: { afterId: null }, result }, { db });
      });
    }
    for (;;) {
      const more = await context.transaction(async (db) => {
        const entries = await this.backups.entries(db, backupId, context.checkpoint?.afterId ?? null, PAGE);
        if (entries.length === 0) return false;
        const byId = new Map(entries.map((entry) => [entry.recordId, entry]));
        const conflicts = new Map<string, string[]>();
        let unchanged = 0;
        const written = await this.records.patchMany(
          db,
          context.operation,
          module,
          [...byId.keys()],
          (record) => {
            const entry = byId.get(record.id)!;
            const patch: Record<string, unknown> = {};
            const changedSince: string[] = [];
            for (const [field, before] of Object.entries(entry.before)) {
              const now = record[field] ?? null;
              if (deepEqual(now, entry.after[field] ?? null)) patch[field] = before;
              else if (!deepEqual(now, before)) changedSince.push(field);
            }
            if (changedSince.length) conflicts.set(record.id, changedSince);
            if (Object.keys(patch).length === 0 && changedSince.length === 0) unchanged++;
            return Object.keys(patch).length ? patch : null;
          },
          { userId: context.userId, locale: 'es', jobId: context.job.id },
        );
        for (const id of written.missing) conflicts.set(id, Object.keys(byId.get(id)!.before));
        for (const [id] of written.failures) conflicts.set(id, Object.keys(byId.get(id)!.before));
        const listed = [...conflicts].map(([recordId, fields]) => ({ recordId, fields }));
        result = {
          ...result,
          restored: result.restored + written.saved.length,
          unchanged: result.unchanged + unchanged,
          conflicts: result.conflicts + conflicts.size,
          conflictList: [...result.conflictList, ...listed].slice(0, KEPT_CONFLICTS),
        };
        const counts = context.counts;
        await context.reportProgress(
          {
            processed: counts.processed + entries.length,
            succeeded: counts.succeeded + entries.length - conflicts.size,
            failed: counts.failed + conflicts.size,
            total: counts.total,
            checkpoint: { afterId: entries[entries.length - 1].recordId },
            result,
          },
          { db },
        );
        return true;
      });
      if (!more) break;
    }
    await context.transaction((db) => this.backups.markRestored(db, context.operation, backupId, context.job.id));
    return result;
  }
}
