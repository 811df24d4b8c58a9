import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OperationsService } from '../operations/operations.service';

export interface DemoInfo {
  operation: string;
  adminUsername: string;
  adminPassword: string;
  created: boolean;
}

/** Creates the demo operation with the catalog modules on first start; later starts find it and leave it alone. */
export async function seedDemo(app: NestFastifyApplication, key: string): Promise<DemoInfo> {
  const operations = app.get(OperationsService);
  const created = !(await operations.exists(key));
  if (created) await operations.create(key, 'Demo');
  return { operation: key, adminUsername: OperationsService.adminUsername(key), adminPassword: key, created };
}
