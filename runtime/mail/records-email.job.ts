import { type Issue, issue, renderTemplate, type LocalizedText, type RecordValues } from '@crm/engine';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { fieldAccess, moduleRight } from '../core/profile-permissions';
import { ApiError } from '../core/api-error';
import type { EnqueueScope, JobContext, JobHandler } from '../jobs/job.contract';
import { JobRegistry } from '../jobs/job.registry';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from '../records/record-access.policy';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { RecordQueryService } from '../records/record-query.service';
import { RecordsService } from '../records/records.service';
import { OperationSettingsService } from '../settings/operation-settings.service';
import type { EmailTemplate, SettingsValues } from '../settings/settings.sections';
import { activityRows } from './email-activity';
import { MAIL_TRANSPORT, type MailMessage, type MailTransport } from './mail.transport';

export interface RecordsEmailPayload {
  module: string;
  ids?: string[];
  /** A records-query filter, resolved to ids (as the user sees them) when the job first runs. */
  filter?: Record<string, unknown>;
  templateKey: string;
  /** Key of an e-mail field of the module: where each message goes. */
  to: string;
}

export interface RecordsEmailCheckpoint extends Record<string, unknown> {
  /** The records to write to, fixed on the first run so a resumed job works on the same list. */
  ids: string[];
  /** Records before this index are done (their outbox rows committed with this checkpoint). */
  offset: number;
}

export interface EmailRowError {
  id: string;
  code: string;
  message: LocalizedText;
}

export interface RecordsEmailResult extends Record<string, unknown> {
  total: number;
  sent: number;
  errorCount: number;
  /** The first KEPT_ERRORS refusals, each naming its record. */
  errors: EmailRowError[];
}

/** Records rendered and stored per transaction (one checkpoint each). */
export const RECORDS_EMAIL_CHUNK = 50;
export const RECORDS_EMAIL_MAX = 10_000;
const KEPT_ERRORS = 500;
const KEYS = new Set(['module', 'ids', 'filter', 'templateKey', 'to']);
const MODULE_KEY = /^[a-z][a-z0-9_]{0,62}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const rowError = (id: string, code: string, es: string, en: string): EmailRowError => ({ id, code, message: { es, en } });
const emptyResult = (total: number): RecordsEmailResult => ({ total, sent: 0, errorCount: 0, errors: [] });

/**
 * `records.email` (R1): renders an e-mail template (settings `email_templates`) on each
 * record the user may see and hands the messages to the mail transport (the outbox),
 * logging a note activity on every record written to. Records the user cannot see, or
 * whose e-mail field is empty, are reported per record and skipped.
 */
@Injectable()
export class RecordsEmailJob implements JobHandler<RecordsEmailPayload, RecordsEmailCheckpoint>, OnModuleInit {
  readonly type = 'records.email';

  constructor(
    @Inject(JobRegistry) private readonly registry: JobRegistry,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(OperationSettingsService) private readonly settings: OperationSettingsService,
    @Inject(RecordAccessResolver) private readonly resolver: RecordAccessResolver,
    @Inject(RecordQueryService) private readonly query: RecordQueryService,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async validate(input: unknown, scope: EnqueueScope): Promise<RecordsEmailPayload> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw ApiError.validation([issue('payload', 'record')]);
    const payload = input as Record<string, unknown>;
    const issues: Issue[] = Object.keys(payload)
      .filter((key) => !KEYS.has(key))
      .map((key) => issue(`payload.${key}`, 'unknownField', { field: key }));
    const { module, ids, filter, templateKey, to } = payload;
    if (typeof module !== 'string' || !MODULE_KEY.test(module)) issues.push(issue('payload.module', module === undefined ? 'required' : 'type', { expected: 'string' }));
    if (typeof templateKey !== 'string' || !templateKey) issues.push(issue('payload.templateKey', 'required'));
    if (typeof to !== 'string' || !to) issues.push(issue('payload.to', 'required'));
    if ((ids === undefined) === (filter === undefined)) {
      issues.push({ path: 'payload.ids', code: 'idsOrFilter', message: { es: 'Indique «ids» o «filter», uno de los dos.', en: 'Give either "ids" or "filter", one of them.' } });
    } else if (ids !== undefined) {
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) issues.push(issue('payload.ids', 'type', { expected: 'string[]' }));
      else if (ids.length > RECORDS_EMAIL_MAX) issues.push(issue('payload.ids', 'maxItems', { limit: RECORDS_EMAIL_MAX }));
    } else if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      issues.push(issue('payload.filter', 'type', { expected: 'object' }));
    }
    if (issues.length) throw ApiError.validation(issues);
    await this.check(scope, module as string, templateKey as string, to as string);
    return {
      module: module as string,
      templateKey: templateKey as string,
      to: to as string,
      ...(ids !== undefined ? { ids: [...new Set(ids as string[])] } : { filter: filter as Record<string, unknown> }),
    };
  }

  /** The module must be readable, `to` a visible e-mail field of it and the template one of the module's. */
  private async check(scope: EnqueueScope, module: string, templateKey: string, to: string): Promise<void> {
    if (scope.permissions && !moduleRight(scope.permissions, module, 'view')) {
      throw new ApiError(403, 'forbidden', { es: `Su perfil no permite ver el módulo «${module}».`, en: `Your profile does not allow viewing module "${module}".` });
    }
    let definition;
    try {
      definition = await this.definitions.get(scope.operation, module);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw ApiError.validation([{ path: 'payload.module', code: error.code, message: error.text }]);
      throw error;
    }
    const issues: Issue[] = [];
    const hidden = scope.permissions ? fieldAccess(scope.permissions, module)[to] === 'hidden' : false;
    const field = definition.fields.find((f) => f.key === to && !f.archived);
    if (!field || hidden || field.type !== 'email') {
      issues.push({ path: 'payload.to', code: 'notEmailField', message: { es: `«${to}» no es un campo de correo del módulo.`, en: `"${to}" is not an e-mail field of the module.` } });
    }
    if (!(await this.template(scope.operation, module, templateKey))) {
      issues.push({
        path: 'payload.templateKey',
        code: 'unknownTemplate',
        message: { es: `La plantilla «${templateKey}» no existe para este módulo.`, en: `Template "${templateKey}" does not exist for this module.` },
      });
    }
    if (issues.length) throw ApiError.validation(issues);
  }

  private async template(operation: OperationRef, module: string, key: string): Promise<EmailTemplate | undefined> {
    const value = (await this.settings.get(operation, 'email_templates')).value as SettingsValues['email_templates'];
    return value.items.find((t) => t.key === key && t.module === module);
  }

  describe(payload: RecordsEmailPayload): Record<string, unknown> {
    return { module: payload.module, templateKey: payload.templateKey, to: payload.to, ...(payload.ids ? { records: payload.ids.length } : { filter: payload.filter }) };
  }

  async run(context: JobContext<RecordsEmailPayload, RecordsEmailCheckpoint>): Promise<RecordsEmailResult> {
    const { module, templateKey, to } = context.payload;
    // Access and template as they are now, read outside any transaction (one connection on the embedded database).
    const access = await this.resolver.forUser(context.operation, context.userId);
    const template = await this.template(context.operation, module, templateKey);
    if (!template) throw ApiError.validation([{ path: 'payload.templateKey', code: 'unknownTemplate', message: { es: 'La plantilla ya no existe.', en: 'The template no longer exists.' } }]);
    let ids = context.checkpoint?.ids;
    if (!ids) {
      ids = context.payload.ids ?? (await this.matching(context.operation, module, context.payload.filter ?? {}, access));
      await context.reportProgress({ processed: 0, succeeded: 0, failed: 0, total: ids.length, checkpoint: { ids, offset: 0 }, result: emptyResult(ids.length) });
    }
    let offset = context.checkpoint?.offset ?? 0;
    while (offset < ids.length) {
      await context.throwIfCancelled();
      const chunk = ids.slice(offset, offset + RECORDS_EMAIL_CHUNK);
      const found = await this.visible(context.operation, module, chunk, access);
      const messages: MailMessage[] = [];
      const errors: EmailRowError[] = [];
      for (const id of chunk) {
        const record = found.get(id);
        if (!record) {
          errors.push(rowError(id, 'recordNotVisible', 'El registro no existe o no es visible para usted.', 'The record does not exist or is not visible to you.'));
          continue;
        }
        const address = typeof record[to] === 'string' ? (record[to] as string).trim() : '';
        if (!EMAIL.test(address)) {
          errors.push(rowError(id, 'noEmail', `El registro no tiene un correo válido en «${to}».`, `The record has no valid e-mail in "${to}".`));
          continue;
        }
        // The record as the user reads it: hidden fields are absent, so the template cannot reveal them.
        messages.push({
          operationId: context.operation.id,
          module,
          recordId: id,
          jobId: context.job.id,
          templateKey,
          to: address,
          subject: renderTemplate(template.subject, record, 'text'),
          html: renderTemplate(template.body, record, 'html'),
          createdBy: context.userId,
        });
      }
      const start = offset;
      await context.transaction(async (db) => {
        await this.transport.enqueue(db, messages);
        const activities = await activityRows(this.definitions, context.operation, module, messages, db);
        if (activities) await this.records.bulkWrite(context.operation, activities.module, activities.rows, { mode: 'insert', userId: context.userId, jobId: context.job.id, db });
        const before = (context.result as RecordsEmailResult | null) ?? emptyResult(ids.length);
        const counts = context.counts;
        await context.reportProgress(
          {
            processed: counts.processed + chunk.length,
            succeeded: counts.succeeded + messages.length,
            failed: counts.failed + errors.length,
            total: ids.length,
            checkpoint: { ids, offset: start + chunk.length },
            result: {
              total: ids.length,
              sent: before.sent + messages.length,
              errorCount: before.errorCount + errors.length,
              errors: [...before.errors, ...errors].slice(0, KEPT_ERRORS),
            },
          },
          { db },
        );
      });
      offset = start + chunk.length;
    }
    return (context.result as RecordsEmailResult | null) ?? emptyResult(ids.length);
  }

  /** Ids of the records the filter matches as the user sees them, page by page. */
  private async matching(operation: OperationRef, module: string, filter: Record<string, unknown>, access: RecordAccess): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.query.query(operation, module, { filter, fields: ['id'], limit: 1000, count: false, ...(cursor && { cursor }) }, 'exclude', access);
      ids.push(...page.items.map((r) => String(r.id)));
      cursor = page.nextCursor;
    } while (cursor && ids.length < RECORDS_EMAIL_MAX);
    return ids.slice(0, RECORDS_EMAIL_MAX);
  }

  private async visible(operation: OperationRef, module: string, ids: string[], access: RecordAccess): Promise<Map<string, RecordValues>> {
    const page = await this.query.query(operation, module, { filter: { field: 'id', op: 'in', value: ids }, limit: ids.length, count: false }, 'exclude', access);
    return new Map(page.items.map((r) => [String(r.id), r]));
  }
}
