import { SetMetadata } from '@nestjs/common';
import type { ModuleRight } from './profile-permissions';

export const REQUIRES = 'requires';

/** What a route needs from the caller's profile. Every non-public route declares one: the guard refuses routes that do not. */
export type Requirement =
  | { kind: 'user' }
  | { kind: 'admin' }
  | { kind: 'aiAssistant' }
  /** The notes-history integration API: the one route external tokens may call (the route checks the view right on the activities module). */
  | { kind: 'notesHistory' }
  /** A right on the module named by a route parameter (`:module`, `:key`); routes tied to a module role check it themselves. */
  | { kind: 'module'; right: ModuleRight; param?: string };

export const Requires = {
  /** Any logged-in user of the operation (results are still filtered by profile). */
  user: () => SetMetadata(REQUIRES, { kind: 'user' } satisfies Requirement),
  admin: () => SetMetadata(REQUIRES, { kind: 'admin' } satisfies Requirement),
  aiAssistant: () => SetMetadata(REQUIRES, { kind: 'aiAssistant' } satisfies Requirement),
  notesHistory: () => SetMetadata(REQUIRES, { kind: 'notesHistory' } satisfies Requirement),
  module: (right: ModuleRight, param = 'module') => SetMetadata(REQUIRES, { kind: 'module', right, param } satisfies Requirement),
};
