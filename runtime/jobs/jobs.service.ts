import { type Issue, issue } from '@crm/engine';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ProfilePermissions } from '../core/profile-permissions';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import type { JobData } from './job.contract';
import type { JobState } from './job.record';
import { JobFailedError, storedError } from './job.errors';
import { JOB_QUEUE, type JobQueue } from './job.queue';
import { JobRegistry } from './job.registry';
import { JOB_STATES, JobStore, type JobRow } from './job.store';
import { isUuid } from '../core/uuid';

const MAX_LIMIT = 200;

export interface JobListFilters {
  state?: unknown;
  type?: unknown;
  module?: unknown;
  limit?: unknown;
  cursor?: unknown;
}

const jobNotFound = (id: string) => ApiError.notFound({ es: `No existe el trabajo ${id}.`, en: `Job ${id} does not exist.` }, 'job_not_found');

/** Starting, reading, listing and cancelling jobs; always within one operation. */
@Injectable()
export class JobsService {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(JobStore) private readonly store: JobStore,
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /**
   * Checks the type and payload, stores the row (`queued`) and hands it to the
   * queue. An unknown type or a bad payload is a 400 and stores nothing.
   */
  async enqueue(operation: OperationRef, type: unknown, payload: unknown, userId: string | null, permissions?: ProfilePermissions): Promise<JobRow> {
    const handler = typeof type === 'string' ? this.registry.get(type) : undefined;
    if (!handler) {
      throw new ApiError(400, 'unknown_job_type', { es: `El tipo de trabajo «${String(type)}» no existe.`, en: `Job type "${String(type)}" does not exist.` }, [
        { path: 'type', code: 'unknown_job_type', message: { es: `Tipos disponibles: ${this.registry.types().join(', ')}.`, en: `Available types: ${this.registry.types().join(', ')}.` } },
      ]);
    }
    const stored = (await handler.validate(payload, { operation, userId, permissions })) as JobData;
    const inserted = await this.store.insert({ operationId: operation.id, type: handler.type, payload: stored, createdBy: userId, exclusiveKey: handler.exclusiveKey?.(stored) ?? null });
    if ('heldBy' in inserted) {
      throw ApiError.conflict(
        'job_exclusive',
        {
          es: `Ya hay un trabajo en curso sobre lo mismo (${inserted.heldBy}); espere a que termine o cancélelo.`,
          en: `Another job is already working on this (${inserted.heldBy}); wait for it to finish or cancel it.`,
        },
        { jobId: inserted.heldBy },
      );
    }
    const row = inserted;
    try {
      await this.queue.add(row);
    } catch (error) {
      const failure = new JobFailedError('queue_unavailable', { es: 'La cola de trabajos no está disponible.', en: 'The job queue is not available.' });
      await this.store.fail(row.id, null, storedError(failure, 0));
      this.logger.error(`job ${row.id} not queued: ${error instanceof Error ? error.message : String(error)}`);
      throw new ApiError(503, 'queue_unavailable', failure.text);
    }
    return row;
  }

  /** `onlyOf`: a user who is not an operation admin sees only the jobs they started. */
  async get(operation: OperationRef, id: string, onlyOf?: string): Promise<JobRow> {
    const row = isUuid(id) ? await this.store.find(operation.id, id) : null;
    if (!row || (onlyOf !== undefined && row.createdBy !== onlyOf)) throw jobNotFound(id);
    return row;
  }

  /** The payload of a job as its type describes it for the API. */
  async describePayload(row: JobRow): Promise<JobData | undefined> {
    const payload = await this.store.payloadOf(row.id);
    if (!payload) return undefined;
    const handler = this.registry.get(row.type);
    return handler?.describe ? handler.describe(payload) : payload;
  }

  async list(operation: OperationRef, filters: JobListFilters, onlyOf?: string): Promise<{ items: JobRow[]; total: number; nextCursor: string | null }> {
    const issues: Issue[] = [];
    const state = filters.state === undefined || filters.state === '' ? undefined : filters.state;
    if (state !== undefined && !JOB_STATES.includes(state as JobState)) issues.push(issue('state', 'option', { value: String(state) }));
    const type = filters.type === undefined || filters.type === '' ? undefined : filters.type;
    if (type !== undefined && typeof type !== 'string') issues.push(issue('type', 'type', { expected: 'string' }));
    const module = filters.module === undefined || filters.module === '' ? undefined : filters.module;
    if (module !== undefined && typeof module !== 'string') issues.push(issue('module', 'type', { expected: 'string' }));
    const limit = filters.limit === undefined || filters.limit === '' ? 50 : Number(filters.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) issues.push(issue('limit', 'query.limit', { limit: MAX_LIMIT }));
    const cursor = filters.cursor === undefined || filters.cursor === '' ? undefined : decodeCursor(filters.cursor);
    if (cursor === null) issues.push(issue('cursor', 'query.cursor'));
    if (issues.length) throw ApiError.validation(issues);
    const page = await this.store.list(operation.id, {
      state: state as JobState | undefined,
      type: type as string | undefined,
      module: module as string | undefined,
      createdBy: onlyOf,
      limit,
      cursor: cursor ?? undefined,
    });
    return { items: page.items, total: page.total, nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  /** Cancels a queued or running job: a running one stops before its next step; what it committed stays. */
  async cancel(operation: OperationRef, id: string, onlyOf?: string): Promise<JobRow> {
    const current = await this.get(operation, id, onlyOf);
    const cancelled = await this.store.cancel(operation.id, current.id);
    if (cancelled) return cancelled;
    const now = await this.get(operation, id);
    throw ApiError.conflict('job_finished', { es: `El trabajo ya terminó (${now.state}).`, en: `The job has finished already (${now.state}).` }, { state: now.state });
  }
}

function encodeCursor(position: { at: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
function decodeCursor(value: unknown): { at: string; id: string } | null {
  if (typeof value !== 'string') return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) || typeof id !== 'string' || !isUuid(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}
