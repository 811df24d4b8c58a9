import type { PluginReads, RecordValues } from '@crm/engine';

export type ProductLoader = (id: string) => Promise<RecordValues | null>;

/** Reads products through the runtime's services, each product once per loader (one loader per write). */
export function productLoader(services: PluginReads, productModule: string): ProductLoader {
  const cache = new Map<string, Promise<RecordValues | null>>();
  return (id) => {
    let found = cache.get(id);
    if (!found) {
      found = services.findRecord(productModule, id);
      cache.set(id, found);
    }
    return found;
  };
}
