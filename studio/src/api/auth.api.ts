import { api } from './http';
import type { LoginAnswer, Me } from './types';

export const authApi = {
  login: (operation: string, username: string, password: string) => api<LoginAnswer>('POST', '/api/v1/auth/login', { operation, username, password }),
  changePassword: (currentPassword: string, newPassword: string) => api<LoginAnswer>('POST', '/api/v1/auth/change-password', { currentPassword, newPassword }),
  logout: () => api<void>('POST', '/api/v1/auth/logout'),
  me: () => api<Me>('GET', '/api/v1/auth/me'),
  /** The language the user's e-mails are written in follows the Studio's. */
  setLanguage: (language: 'es' | 'en') => api<{ language: 'es' | 'en' }>('PUT', '/api/v1/auth/me/language', { language }),
};
