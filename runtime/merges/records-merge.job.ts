import { type Issue, issue, KEEPER_RULES, type KeeperRule, mergeableFields, type ModuleDefinition } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobRegistry } from '../jobs/job.registry';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { type DuplicateQuery, type DuplicateQueryInput, readDuplicateQuery } from './duplicate-query.reader';
import { type DuplicateGroup, DuplicatesRepository } from './duplicates.repository';
import { MergeErrors } from './merge.errors';
import { MergeGroupError } from './merge-group.error';
import { canMerge } from './merge-rights';
import { RecordMergeLinks } from './record-merge.links';
import { type MergeAuthor, type MergeGroupRequest, RecordMergeWriter } from './record-merge.writer';
import { isUuid } from '../core/uuid';
import { GROUP_IDS_SHOWN } from './duplicates.repository';

/** One group as the payload names it: the record to keep, the records merged into it and, per field, the record whose value survives. */
export interface MergeGroupInput {
  keep: string;
  merge: string[];
  values?: Record<string, string>;
}

/** Either explicit groups, or every group a duplicates query finds with a keeper rule. */
export interface RecordsMergePayload extends Record<string, unknown> {
  module: string;
  groups?: MergeGroupInput[];
  rule?: KeeperRule;
  duplicates?: DuplicateQueryInput;
}

export interface RecordsMergeCheckpoint extends Record<string, unknown> {
  /** Explicit groups: the next group's index. */
  index?: number;
  /** A query: the key of the last group handled (groups are walked in key order). */
  after?: string[] | null;
}

export interface RecordsMergeResult extends Record<string, unknown> {
  total: number;
  merged: number;
  failed: number;
  /** The merges made (the first RECORDS_MERGE_KEPT of them). */
  merges: { mergeId: string; keptId: string; mergedIds: string[]; fields: string[]; links: number }[];
  errors: { ids: string[]; code: string; message: { es: string; en: string } }[];
}

export const RECORDS_MERGE_MAX_GROUPS = 10_000;
/** A group as the duplicates query lists it: the kept record and up to GROUP_IDS_SHOWN - 1 others. */
export const RECORDS_MERGE_MAX_GROUP = GROUP_IDS_SHOWN - 1;
export const RECORDS_MERGE_KEPT = 1_000;
const PAGE = 500;
/** Groups merged per transaction (each in its own savepoint), with one checkpoint after them. */
const GROUPS_PER_STEP = 20;
const KEYS = new Set(['module', 'groups', 'rule', 'duplicates']);
const MODULE_KEY = /^[a-z][a-z0-9_]{0,62}$/;

const empty = (total: number): RecordsMergeResult => ({ total, merged: 0, failed: 0, merges: [], errors: [] });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `records.merge` (B3): merges groups of duplicates, one transaction per
 * group (links re-pointed, merged records soft-deleted, the kept record
 * patched, the merge stored for undo) with its checkpoint, so a resumed job
 * neither repeats nor skips a group. A group that cannot be merged is
 * reported and the job goes on.
 */
@Injectable()
export class RecordsMergeJob implements JobHandler<RecordsMergePayload, RecordsMergeCheckpoint>, OnModuleInit {
  readonly type = 'records.merge';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordAccessResolver) private readonly accessResolver: RecordAccessResolver,
    @Inject(DuplicatesRepository) private readonly duplicates: DuplicatesRepository,
    @Inject(RecordMergeWriter) private readonly writer: RecordMergeWriter,
    @Inject(RecordMergeLinks) private readonly links: RecordMergeLinks,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsMergePayload> {
    if (!isObject(input)) throw ApiError.validation([issue('payload', 'record')]);
    const issues: Issue[] = Object.keys(input)
      .filter((key) => !KEYS.has(key))
      .map((key) => issue(`payload.${key}`, 'unknownField', { field: key }));
    const { module, groups, rule, duplicates } = input;
    if (typeof module !== 'string' || !MODULE_KEY.test(module)) throw ApiError.validation([...issues, issue('payload.module', module === undefined ? 'required' : 'type', { expected: 'string' })]);
    if (scope.permissions && !canMerge(scope.permissions, module)) throw MergeErrors.forbidden(module);
    const definition = await this.moduleOf(scope.operation, module);
    if (rule !== undefined && !KEEPER_RULES.includes(rule as KeeperRule)) issues.push(issue('payload.rule', 'option', { value: String(rule) }));
    if ((groups === undefined) === (duplicates === undefined)) {
      issues.push({ path: 'payload.groups', code: 'groupsOrDuplicates', message: { es: 'Indique groups o duplicates (uno de los dos).', en: 'Give groups or duplicates (one of them).' } });
    }
    let stored: RecordsMergePayload = { module };
    if (groups !== undefined) {
      const read = this.readGroups(groups, definition);
      issues.push(...read.issues);
      stored = { module, groups: read.groups };
    }
    if (duplicates !== undefined) {
      if (rule === undefined) issues.push(issue('payload.rule', 'required'));
      const hidden = scope.userId ? (await this.accessResolver.forUser(scope.operation, scope.userId)).hiddenFields(definition) : new Set<string>();
      const read = readDuplicateQuery(duplicates, definition, hidden, 'payload.duplicates.');
      if (!read.ok) issues.push(...read.issues);
      else stored = { module, rule: rule as KeeperRule, duplicates: read.input };
    }
    if (issues.length) throw ApiError.validation(issues);
    return stored;
  }

  private async moduleOf(operation: OperationRef, module: string): Promise<ModuleDefinition> {
    try {
      return await this.definitions.get(operation, module);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw ApiError.validation([{ path: 'payload.module', code: error.code, message: error.text }]);
      throw error;
    }
  }

  private readGroups(groups: unknown, definition: ModuleDefinition): { groups: MergeGroupInput[]; issues: Issue[] } {
    if (!Array.isArray(groups)) return { groups: [], issues: [issue('payload.groups', 'type', { expected: 'array' })] };
    if (groups.length === 0) return { groups: [], issues: [issue('payload.groups', 'required')] };
    if (groups.length > RECORDS_MERGE_MAX_GROUPS) return { groups: [], issues: [issue('payload.groups', 'maxItems', { limit: RECORDS_MERGE_MAX_GROUPS })] };
    const issues: Issue[] = [];
    const seen = new Set<string>();
    const fields = new Set(mergeableFields(definition).map((f) => f.key));
    const out: MergeGroupInput[] = [];
    groups.forEach((group: unknown, i) => {
      const path = `payload.groups[${i}]`;
      if (!isObject(group)) return issues.push(issue(path, 'record'));
      for (const key of Object.keys(group)) if (!['keep', 'merge', 'values'].includes(key)) issues.push(issue(`${path}.${key}`, 'unknownField', { field: key }));
      const { keep, merge, values } = group;
      if (typeof keep !== 'string' || !isUuid(keep)) issues.push(issue(`${path}.keep`, keep === undefined ? 'required' : 'format.uuid'));
      if (!Array.isArray(merge) || merge.length === 0) issues.push(issue(`${path}.merge`, merge === undefined ? 'required' : 'type', { expected: 'array' }));
      else if (merge.length > RECORDS_MERGE_MAX_GROUP) issues.push(issue(`${path}.merge`, 'maxItems', { limit: RECORDS_MERGE_MAX_GROUP }));
      else merge.forEach((id: unknown, j) => (typeof id === 'string' && isUuid(id) ? undefined : issues.push(issue(`${path}.merge[${j}]`, 'format.uuid'))));
      const ids = [keep, ...(Array.isArray(merge) ? merge : [])].filter((id): id is string => typeof id === 'string' && isUuid(id)).map((id) => id.toLowerCase());
      for (const id of ids) {
        if (seen.has(id)) issues.push({ path, code: 'recordTwice', message: { es: `El registro ${id} está dos veces.`, en: `Record ${id} is given twice.` } });
        seen.add(id);
      }
      const chosen: Record<string, string> = {};
      if (values !== undefined) {
        if (!isObject(values)) issues.push(issue(`${path}.values`, 'type', { expected: 'object' }));
        else
          for (const [field, id] of Object.entries(values)) {
            if (!fields.has(field)) issues.push(issue(`${path}.values.${field}`, 'unknownField', { field }));
            else if (typeof id !== 'string' || !ids.includes(id.toLowerCase()))
              issues.push({
                path: `${path}.values.${field}`,
                code: 'notInGroup',
                message: { es: 'El valor debe venir de un registro del grupo.', en: 'The value must come from a record of the group.' },
              });
            else chosen[field] = id.toLowerCase();
          }
      }
      if (typeof keep === 'string' && Array.isArray(merge)) {
        out.push({ keep: keep.toLowerCase(), merge: merge.map((id) => String(id).toLowerCase()), ...(Object.keys(chosen).length > 0 && { values: chosen }) });
      }
    });
    return { groups: out, issues };
  }

  describe(payload: RecordsMergePayload): Record<string, unknown> {
    return payload.groups ? { module: payload.module, groups: payload.groups.length } : { module: payload.module, rule: payload.rule, duplicates: payload.duplicates };
  }

  /** One merge of a module at a time, and none while its import or restore runs. */
  exclusiveKey(payload: RecordsMergePayload): string {
    return `module:${payload.module}`;
  }

  async run(context: JobContext<RecordsMergePayload, RecordsMergeCheckpoint>): Promise<RecordsMergeResult> {
    const { module, groups } = context.payload;
    const definition = await this.definitions.get(context.operation, module);
    const access = context.userId ? await this.accessResolver.forUser(context.operation, context.userId) : undefined;
    let query: DuplicateQuery | null = null;
    if (!groups) {
      const read = readDuplicateQuery(context.payload.duplicates, definition, access?.hiddenFields(definition) ?? new Set());
      if (!read.ok) throw ApiError.validation(read.issues);
      query = read.query;
    }
    if (!context.checkpoint) {
      const total = groups ? groups.length : (await this.duplicates.totals(this.db.manager, context.operation, module, query!, access?.visibleUserIds ?? null)).groups;
      await context.reportProgress({ processed: 0, succeeded: 0, failed: 0, total, checkpoint: groups ? { index: 0 } : { after: null }, result: empty(total) });
    }
    // The fields pointing at this module, read once per run rather than once per group.
    const linkFields = await this.links.fieldsTo(this.db.manager, context.operation, module);
    const author: MergeAuthor = { userId: context.userId, jobId: context.job.id, access, linkFields };
    if (groups) {
      for (let index = context.checkpoint?.index ?? 0; index < groups.length; index += GROUPS_PER_STEP) {
        const step = groups.slice(index, index + GROUPS_PER_STEP).map((group) => ({ ids: [group.keep, ...group.merge], keep: group.keep, rule: 'newest' as const, values: group.values }));
        await this.step(context, definition, step, author, { index: index + step.length });
      }
    } else {
      for (;;) {
        const page = await this.duplicates.after(this.db.manager, context.operation, module, query!, context.checkpoint?.after ?? null, PAGE, access?.visibleUserIds ?? null);
        if (!page.length) break;
        for (let i = 0; i < page.length; i += GROUPS_PER_STEP) {
          const step = page.slice(i, i + GROUPS_PER_STEP);
          await this.step(
            context,
            definition,
            step.map((group) => this.request(group, context.payload.rule ?? 'newest')),
            author,
            { after: step[step.length - 1].key },
          );
        }
      }
    }
    return (context.result as RecordsMergeResult | null) ?? empty(0);
  }

  private request(group: DuplicateGroup, rule: KeeperRule): MergeGroupRequest {
    return { ids: group.ids, keep: null, rule };
  }

  /**
   * Some groups in one transaction with the checkpoint after them. Each group
   * runs inside its own savepoint: a refused one rolls back alone, is counted as
   * failed, and the others of the step commit.
   */
  private async step(
    context: JobContext<RecordsMergePayload, RecordsMergeCheckpoint>,
    definition: ModuleDefinition,
    groups: MergeGroupRequest[],
    author: MergeAuthor,
    checkpoint: RecordsMergeCheckpoint,
  ): Promise<void> {
    await context.transaction(async (db) => {
      const before = (context.result as RecordsMergeResult | null) ?? empty(context.counts.total);
      const merges = [...before.merges];
      const errors = [...before.errors];
      let merged = 0;
      let failed = 0;
      for (const group of groups) {
        await db.query('SAVEPOINT merge_group');
        try {
          merges.push(await this.writer.merge(db, context.operation, definition, group, author));
          await db.query('RELEASE SAVEPOINT merge_group');
          merged++;
        } catch (error) {
          if (!(error instanceof MergeGroupError) && !(error instanceof ApiError)) throw error;
          await db.query('ROLLBACK TO SAVEPOINT merge_group');
          errors.push({ ids: group.ids, code: error.code, message: error.text });
          failed++;
        }
      }
      const result: RecordsMergeResult = {
        ...before,
        merged: before.merged + merged,
        failed: before.failed + failed,
        merges: merges.slice(0, RECORDS_MERGE_KEPT),
        errors: errors.slice(0, RECORDS_MERGE_KEPT),
      };
      const c = context.counts;
      await context.reportProgress({ processed: c.processed + groups.length, succeeded: c.succeeded + merged, failed: c.failed + failed, total: c.total, checkpoint, result }, { db });
    });
  }
}
