import type { SchemaBundle } from '../schema-bundles/bundle.format';
import type { ImportResult } from '../schema-bundles/schema-bundles.service';

/** What the command line needs from a CRM, whether it reaches it over HTTP or through its database. */
export interface SchemaClient {
  export(operation: string, modules?: string[]): Promise<SchemaBundle>;
  import(operation: string, bundle: unknown, options: { dryRun: boolean; keepAside: boolean }): Promise<ImportResult>;
  close(): Promise<void>;
}

/** An error answer of the API, kept whole for printing. */
export class ClientError extends Error {
  constructor(readonly body: { code: string; message: { es: string; en: string }; details?: { path: string; message: { es: string; en: string } | string }[] }) {
    super(body.message.en);
  }
}
