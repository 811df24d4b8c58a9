import { type ActionResult, type Issue, type ModuleDefinition, type OfferedAction, type RecordValues, validateActionInput } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { moduleRight, type ProfilePermissions } from '../core/profile-permissions';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { PluginRegistry } from '../plugins/plugin.registry';
import { RecordComputedFields } from './record-computed.fields';
import { withClientErrors } from './record-db.errors';
import { isUuid } from '../core/uuid';
import { readWriteInput } from './record-input.reader';
import { pluginServices } from './record-plugin.services';
import { type ApiRecord, fieldValues } from './record-row.mapper';
import { RecordWritePipeline } from './record-write.pipeline';
import { RecordErrors } from './record.errors';
import { RecordRepository } from './record.repository';
import { type RecordAuthor, RecordsService } from './records.service';

export interface ActionAuthor extends RecordAuthor {
  /** The caller's profile; none for the platform token and internal integrations with every right. */
  permissions?: ProfilePermissions;
}

export interface ActionOutcome {
  record: ApiRecord;
  created: { module: string; id: string }[];
  message: ActionResult['message'] | null;
}

/**
 * Plugin actions on a record (`POST /records/{module}/{id}/actions/{action}`):
 * the input is checked against the action's schema, the action runs on the
 * locked record, and its patch and the records it creates go through the
 * write pipeline in one transaction: any refusal rolls all of it back.
 */
@Injectable()
export class RecordActionsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(PluginRegistry) private readonly plugins: PluginRegistry,
    @Inject(RecordRepository) private readonly records: RecordRepository,
    @Inject(RecordWritePipeline) private readonly pipeline: RecordWritePipeline,
    @Inject(RecordsService) private readonly writes: RecordsService,
    @Inject(RecordComputedFields) private readonly computed: RecordComputedFields,
  ) {}

  /** What the module's plugins offer: actions (with their input schema) and the fields they compute on reads. */
  async offered(operation: OperationRef, module: string): Promise<{ actions: OfferedAction[]; computedFields: ReturnType<PluginRegistry['host']['computedFields']> }> {
    const definition = await this.definitions.get(operation, module);
    return { actions: this.plugins.host.actions(definition), computedFields: this.plugins.host.computedFields(definition) };
  }

  async run(operation: OperationRef, module: string, id: string, actionKey: string, body: unknown, author: ActionAuthor): Promise<ActionOutcome> {
    const definition = await this.definitions.get(operation, module);
    const action = this.plugins.host.actions(definition).find((offered) => offered.key === actionKey);
    if (!action) throw RecordErrors.unknownAction(module, actionKey);
    if (!isUuid(id)) throw ApiError.recordNotFound(module, id);
    const issues = validateActionInput(action.inputSchema, body).map((found) => ({ ...found, path: found.path ? `input.${found.path}` : 'input' }));
    if (issues.length) throw ApiError.validation(issues);
    const input = (body ?? {}) as RecordValues;
    const access = author.access;

    return withClientErrors(definition, () =>
      this.db.transaction(async (db) => {
        const previous = await this.records.find(db, operation, definition, id, { lock: true });
        if (!previous || (access && !access.canSee(previous))) throw ApiError.recordNotFound(module, id);
        access?.assertEditable(module, previous);

        const services = pluginServices(db, operation, { definitions: this.definitions, records: this.records, pipeline: this.pipeline, user: author });
        const user = { id: author.userId ?? '', locale: author.locale };
        const result = await this.plugins.host
          .runAction(actionKey, { definition, record: { ...fieldValues(previous, definition), id: previous.id }, input, user, services })
          .catch((error: unknown) => {
            throw error instanceof ApiError ? error : RecordErrors.actionFailed(actionKey, error instanceof Error ? error.message : String(error));
          });

        // The patch is the plugin's own computation (totals, cleared fields): the server's values, not the client's.
        const record =
          result.patch && Object.keys(result.patch).length
            ? await this.writes.writeOne(db, operation, definition, { index: 0, input: { values: result.patch, assign: {} }, previous, origin: 'server' }, author)
            : previous;
        const created = await this.createRecords(db, operation, result.create ?? [], author);
        // The records created may have changed this one through their own hooks (a gestión clears its file).
        const current = created.length ? ((await this.records.find(db, operation, definition, id)) ?? record) : record;
        const shown = this.computed.apply(definition, current);
        return { record: access ? access.strip(definition, shown) : shown, created, message: result.message ?? null };
      }),
    ).catch((error: unknown) => {
      throw access ? access.scrub(definition, error) : error;
    });
  }

  /** The records an action creates, each as if the caller created it: its profile's create right and field rules apply. */
  private async createRecords(db: EntityManager, operation: OperationRef, requests: NonNullable<ActionResult['create']>, author: ActionAuthor): Promise<{ module: string; id: string }[]> {
    const created: { module: string; id: string }[] = [];
    for (const [index, request] of requests.entries()) {
      const path = `create[${index}]`;
      if (author.permissions && !moduleRight(author.permissions, request.module, 'create')) throw RecordErrors.actionCreateForbidden(request.module, path);
      const target: ModuleDefinition = await this.definitions.get(operation, request.module, db);
      const read = readWriteInput(request.values, 'create');
      if (!read.ok) throw ApiError.validation(prefixed(read.issues, path));
      if (author.access) await author.access.assertWritable(request.module, read.input, null);
      try {
        const saved = await this.writes.writeOne(db, operation, target, { index: 0, input: read.input, previous: null }, author);
        created.push({ module: request.module, id: saved.id });
      } catch (error) {
        throw error instanceof ApiError ? new ApiError(error.status, error.code, error.text, prefixed(error.details, path), error.extra) : error;
      }
    }
    return created;
  }
}

const prefixed = (issues: Issue[], path: string): Issue[] => issues.map((found) => ({ ...found, path: found.path ? `${path}.${found.path}` : path }));
