import type { PluginPackage } from '@crm/engine';
import type { ClearFieldsConfig } from './config/clear-fields.config';
import { collectionsClearFieldsPlugin } from './plugin';

/** The collections-clear-fields package as `plugins/installed.ts` lists it; it has no Studio part. */
const collectionsClearFields: PluginPackage<ClearFieldsConfig> = { server: collectionsClearFieldsPlugin };

export default collectionsClearFields;
