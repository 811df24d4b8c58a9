import { api } from './http';

export interface AssignableUser {
  id: string;
  username: string;
  displayName: string;
  role: { id: string; name: string } | null;
}

let cached: Promise<AssignableUser[]> | null = null;

/**
 * Users the caller may assign records to (GET /api/v1/users/assignable, any profile):
 * the server applies the role tree, so the Studio never offers a target it would refuse.
 * Loaded once per page; a failure is not cached so the next dialog retries.
 */
export function loadAssignableUsers(): Promise<AssignableUser[]> {
  cached ??= api<{ items: AssignableUser[] }>('GET', '/api/v1/users/assignable').then(
    (page) => page.items,
    (failure: unknown) => {
      cached = null;
      throw failure;
    },
  );
  return cached;
}

export const userLabel = (u: { displayName: string | null; username: string }) => (u.displayName ? `${u.displayName} (${u.username})` : u.username);
