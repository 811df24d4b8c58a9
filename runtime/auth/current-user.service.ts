import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '../core/caller';

/** `GET /auth/me`: who the caller is, with what the Studio shows beside the name and what it may use. */
@Injectable()
export class CurrentUserService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async describe(caller: Caller): Promise<Record<string, unknown>> {
    if (!caller.userId) return { platform: true, operation: caller.operation?.key ?? null };
    const [user] = await this.db.query(
      // Level, role and profile by name: the Studio shows them beside the user's name.
      `SELECT u.id, u.username, u.display_name AS "displayName", u.email, u.is_admin AS "isAdmin", u.must_change_password AS "mustChangePassword", u.language,
              l.name AS level, r.name AS role, p.name AS profile
         FROM core.users u
         LEFT JOIN core.levels l ON l.id = u.level_id
         LEFT JOIN core.roles r ON r.id = u.role_id
         LEFT JOIN core.profiles p ON p.id = u.profile_id
        WHERE u.id = $1`,
      [caller.userId],
    );
    // The profile's permissions let the Studio hide what the profile cannot use (e.g. the AI assistant).
    return { ...user, platform: false, operation: caller.operation?.key, permissions: caller.permissions ?? null };
  }

  /** The language the user's e-mails are written in, as chosen in the Studio. */
  async setLanguage(caller: Caller, language: 'es' | 'en'): Promise<{ language: 'es' | 'en' }> {
    if (caller.userId) await this.db.query(`UPDATE core.users SET language = $2 WHERE id = $1`, [caller.userId, language]);
    return { language };
  }
}
