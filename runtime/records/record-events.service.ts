import { Inject, Injectable, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from './record-access.policy';
import { type RecordChange, RecordChangesFeed } from './record-changes.feed';
import type { ApiRecord } from './record-row.mapper';
import { RecordsService } from './records.service';

/** What a client receives for each change: no owner / assignee, and only the fields it may see. */
export interface RecordEventData {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  changedFields: string[];
  action?: RecordChange['action'];
}

/** Idle connections are cut by proxies; a ping now and then keeps the stream open. */
export const RECORD_EVENTS_PING_MS = 25_000;

/**
 * The live stream of one record (R6, server-sent events): `ready` with the
 * version as the stream starts (a save made between the client's read and its
 * connection is not lost), then `change` each time anyone saves, deletes or
 * restores it. The stream ends when the record leaves the caller's sight
 * (reassigned away) or the server stops; clients reconnect.
 */
@Injectable()
export class RecordEventsService implements OnModuleDestroy {
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    @Inject(RecordChangesFeed) private readonly feed: RecordChangesFeed,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  /** Streams being served now. */
  get activeStreams(): number {
    return this.open.size;
  }

  /** 404 (thrown before streaming) when the record does not exist for the caller. */
  async stream(operation: OperationRef, module: string, id: string, access: RecordAccess): Promise<Observable<MessageEvent>> {
    const initial = await this.records.get(operation, module, id, access);
    const hidden = access.hiddenFields(await this.definitions.get(operation, module));
    const visibleFields = (fields: string[] | null) => (fields ?? []).filter((key) => !hidden.has(key));

    return new Observable<MessageEvent>((subscriber) => {
      let version = initial.version;
      let closed = false;
      const finish = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        unwatch();
        unreconnect();
        this.open.delete(subscriber);
        subscriber.complete();
      };
      const emit = (type: 'ready' | 'change', data: RecordEventData) => {
        if (!closed) subscriber.next({ type, id: String(data.version), data });
      };
      const onChange = (change: RecordChange) => {
        // Notifications and re-reads may cross: only a newer version is news.
        if (closed || change.version <= version) return;
        version = change.version;
        if (!access.canSee(change)) return finish();
        const { id: recordId, updatedAt, updatedBy, action } = change;
        emit('change', { id: recordId, version: change.version, updatedAt, updatedBy, changedFields: visibleFields(change.changedFields), action });
      };
      /** After a gap (start, lost LISTEN connection) the row says whether something was missed. */
      const reread = async (): Promise<ApiRecord | null> => {
        try {
          return await this.records.get(operation, module, id, access);
        } catch {
          return null;
        }
      };
      const catchUp = async () => {
        const current = await reread();
        if (current && current.version > version) {
          const { version: next, updatedAt, updatedBy, owner, assignee } = current;
          onChange({ operationId: operation.id, module, id, action: 'update', version: next, updatedAt, updatedBy, owner, assignee, changedFields: [] });
        }
      };

      const unwatch = this.feed.watch(operation, module, id, onChange);
      const unreconnect = this.feed.onReconnect(() => void catchUp());
      const ping = setInterval(() => {
        if (!closed) subscriber.next({ type: 'ping', data: {} });
      }, RECORD_EVENTS_PING_MS);
      this.open.add(subscriber);
      const { updatedAt, updatedBy } = initial;
      // `ready` only once this replica LISTENs, so every save after it arrives with its fields;
      // a save made before that is caught by reading the row again.
      void this.feed.ready().then(() => {
        emit('ready', { id, version: initial.version, updatedAt, updatedBy, changedFields: [] });
        return catchUp();
      });
      return finish;
    });
  }

  /** The server stops: open streams end (their clients reconnect to another replica). */
  onModuleDestroy(): void {
    for (const subscriber of [...this.open]) subscriber.complete();
    this.open.clear();
  }
}
