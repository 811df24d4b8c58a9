import { PluginHost } from '@crm/engine';
import collectionsClearFields from '@crm/plugin-collections-clear-fields';
import quoteTotals from '@crm/plugin-quote-totals';
import { Injectable } from '@nestjs/common';

/** The plugins this server ships; a module uses those its definition lists. */
@Injectable()
export class PluginRegistry {
  readonly host = new PluginHost([quoteTotals, collectionsClearFields]);
}
