import { CoreSchema1764000000000 } from './1764000000000-core-schema';
import { Access1764000001000 } from './1764000001000-access';
import { OperationSettings1764000004000 } from './1764000004000-operation-settings';

/** Every system migration, oldest first; the runtime runs the pending ones at start. */
export const SYSTEM_MIGRATIONS = [CoreSchema1764000000000, Access1764000001000, OperationSettings1764000004000];
