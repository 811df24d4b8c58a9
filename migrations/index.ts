import { CoreSchema1764000000000 } from './1764000000000-core-schema';
import { Access1764000001000 } from './1764000001000-access';
import { OperationSettings1764000004000 } from './1764000004000-operation-settings';
import { Files1764000006500 } from './1764000006500-files';
import { SavedViews1764000007000 } from './1764000007000-saved-views';
import { MailOutbox1764000007500 } from './1764000007500-mail-outbox';
import { Imports1764000008000 } from './1764000008000-imports';
import { MailDelivery1764000009000 } from './1764000009000-mail-delivery';
import { Exports1764000010000 } from './1764000010000-exports';
import { MassDelete1764000011000 } from './1764000011000-mass-delete';
import { Merges1764000012000 } from './1764000012000-merges';
import { OperationTimezone1764000013000 } from './1764000013000-operation-timezone';
import { Dashboards1764000014000 } from './1764000014000-dashboards';

/** Every system migration, oldest first; the runtime runs the pending ones at start. */
export const SYSTEM_MIGRATIONS = [
  CoreSchema1764000000000,
  Access1764000001000,
  OperationSettings1764000004000,
  Files1764000006500,
  SavedViews1764000007000,
  MailOutbox1764000007500,
  Imports1764000008000,
  MailDelivery1764000009000,
  Exports1764000010000,
  MassDelete1764000011000,
  Merges1764000012000,
  OperationTimezone1764000013000,
  Dashboards1764000014000,
];
