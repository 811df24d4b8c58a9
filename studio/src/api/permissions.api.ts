import { api } from './http';
import type { Me } from './types';

/** The profile rights the Studio reads to hide what a profile cannot use (the server enforces them anyway). */
export interface ProfileRights {
  aiAssistant: boolean;
  admin: boolean;
  modules: Record<string, Partial<Record<'view' | 'settings', boolean>>>;
}

/** `GET /auth/me` with the profile's permissions; the platform token has none (it may do everything). */
export const permissionsApi = {
  me: () => api<Me & { permissions?: ProfileRights | null }>('GET', '/api/v1/auth/me'),
};
