import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { OperationsService } from '../operations/operations.service';
import { RecordsService } from '../records/records.service';
import { type DemoCounts, seedDemoRecords } from './demo.records';

export interface DemoInfo {
  operation: string;
  adminUsername: string;
  adminPassword: string;
  created: boolean;
  /** Records written per module; empty when the operation already existed. */
  records: DemoCounts;
}

/**
 * Creates the demo operation with the catalog modules and sample records on
 * first start; later starts find it and leave it alone, so nothing an admin
 * changed or deleted comes back. The records go through RecordsService, so
 * they are validated, numbered, priced by plugins and audited like any other,
 * written by the operation's admin.
 */
export async function seedDemo(app: NestFastifyApplication, key: string): Promise<DemoInfo> {
  const operations = app.get(OperationsService);
  const created = !(await operations.exists(key));
  let records: DemoCounts = {};
  if (created) {
    const row = await operations.create(key, 'Demo');
    const operation = { id: row.id, key: row.key, schemaName: row.schemaName };
    const [admin] = await app.get(DataSource).query(`SELECT id FROM core.users WHERE operation_id = $1 AND username = $2`, [row.id, OperationsService.adminUsername(key)]);
    const service = app.get(RecordsService);
    const author = { userId: (admin?.id as string | undefined) ?? null, locale: 'es' as const };
    records = await seedDemoRecords(async (module, body) => (await service.create(operation, module, body, author)).id);
  }
  return { operation: key, adminUsername: OperationsService.adminUsername(key), adminPassword: key, created, records };
}
