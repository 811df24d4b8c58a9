import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import type { OperationRef } from '../core/operation-ref';
import type { ApiRecord } from './record-row.mapper';

/** One committed write of a record, as every replica learns of it. */
export interface RecordChange {
  operationId: string;
  module: string;
  id: string;
  action: 'update' | 'delete' | 'restore';
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** Who may see the record now (visibility is by owner / assignee). */
  owner: string | null;
  assignee: string | null;
  /** Field keys the write changed; null when too many to fit a notification (the client reloads anyway). */
  changedFields: string[] | null;
}

type Listener = (change: RecordChange) => void;

/** The Postgres channel every replica LISTENs on. */
export const RECORD_CHANGES_CHANNEL = 'crm_record_changes';
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7_500;
const RECONNECT_MS = { first: 500, max: 15_000 };

const keyOf = (operationId: string, module: string, id: string) => `${operationId}/${module}/${id}`;

/**
 * Committed record changes, for the record event streams (R6).
 *
 * On Postgres the change is sent with `pg_notify` inside the write's own
 * transaction: Postgres delivers it only on COMMIT (never for a rolled-back
 * write) and to every replica, each of which LISTENs on one dedicated
 * connection (opened while someone watches). This is preferred over polling
 * each open record's version: no query per open form per second, and no
 * delay. On the embedded PGlite (one process, one session) no second
 * connection can LISTEN, so changes are kept by the transaction's query
 * runner and handed out in-process after its COMMIT.
 */
@Injectable()
export class RecordChangesFeed implements OnModuleDestroy {
  private readonly logger = new Logger('RecordChangesFeed');
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnectListeners = new Set<() => void>();
  /** Changes of open transactions on PGlite, delivered on commit. */
  private readonly pending = new WeakMap<QueryRunner, RecordChange[]>();
  private readonly subscriber: EntitySubscriberInterface;
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RECONNECT_MS.first;
  private closed = false;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    @Inject(DataSource) private readonly db: DataSource,
  ) {
    this.subscriber = {
      afterTransactionCommit: (event) => {
        // A RELEASE SAVEPOINT also "commits": only the outermost COMMIT makes the changes visible.
        if (event.queryRunner.isTransactionActive) return;
        const changes = this.pending.get(event.queryRunner);
        this.pending.delete(event.queryRunner);
        for (const change of changes ?? []) this.deliver(change);
      },
      afterTransactionRollback: (event) => {
        if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
      },
    };
    if (!this.usesNotify) this.db.subscribers.push(this.subscriber);
  }

  private get usesNotify(): boolean {
    return this.config.databaseUrl !== undefined;
  }

  /** Announces the saved records of a write; call it inside the write's transaction (`db`), after the rows are written. */
  async publish(db: EntityManager, operation: OperationRef, module: string, action: RecordChange['action'], saved: ApiRecord[], changedFields: (record: ApiRecord) => string[]): Promise<void> {
    const changes = saved.map((record): RecordChange => ({
      operationId: operation.id,
      module,
      id: record.id,
      action,
      version: record.version,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
      owner: record.owner,
      assignee: record.assignee,
      changedFields: changedFields(record),
    }));
    if (changes.length === 0) return;
    if (this.usesNotify) {
      const payloads = changes.map((change) => {
        const text = JSON.stringify(change);
        return text.length <= MAX_PAYLOAD ? text : JSON.stringify({ ...change, changedFields: null });
      });
      await db.query(`SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload`, [RECORD_CHANGES_CHANNEL, payloads]);
      return;
    }
    const runner = db.queryRunner;
    if (!runner?.isTransactionActive) {
      for (const change of changes) this.deliver(change);
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push(...changes);
    this.pending.set(runner, list);
  }

  /** Listens to one record; returns the function that stops listening. */
  watch(operation: OperationRef, module: string, id: string, listener: Listener): () => void {
    const key = keyOf(operation.id, module, id);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    if (this.usesNotify) void this.connect();
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
      if (this.listeners.size === 0) this.disconnect();
    };
  }

  /** Called after the LISTEN connection came back: changes may have been missed meanwhile, so streams re-read their record. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Resolves once this replica receives notifications (at once on PGlite). */
  async ready(): Promise<void> {
    if (this.usesNotify && this.listeners.size > 0) await this.connect();
  }

  private deliver(change: RecordChange): void {
    for (const listener of [...(this.listeners.get(keyOf(change.operationId, change.module, change.id)) ?? [])]) listener(change);
  }

  private connect(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'crm-record-changes' });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (error) this.logger.warn(`record change feed lost its connection: ${error.message}`);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${RECORD_CHANGES_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.logger.warn(`record change feed cannot LISTEN: ${(error as Error).message}`);
      this.scheduleReconnect();
      return;
    }
    // Everyone stopped watching (or the server closed) while connecting.
    if (this.closed || this.listeners.size === 0) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.retryMs !== RECONNECT_MS.first;
    this.retryMs = RECONNECT_MS.first;
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== RECORD_CHANGES_CHANNEL || !message.payload) return;
      try {
        this.deliver(JSON.parse(message.payload) as RecordChange);
      } catch {
        // Not ours: another program NOTIFYing on the channel.
      }
    });
    if (reconnected) for (const listener of [...this.reconnectListeners]) listener();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.listeners.size === 0 || this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MS.max);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  /** Nobody watches: the LISTEN connection is given back (tests start and stop many servers). */
  private disconnect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryMs = RECONNECT_MS.first;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
    }
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.listeners.clear();
    this.reconnectListeners.clear();
    this.disconnect();
    const index = this.db.subscribers.indexOf(this.subscriber);
    if (index >= 0) this.db.subscribers.splice(index, 1);
  }
}
