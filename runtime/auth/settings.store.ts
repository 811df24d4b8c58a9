import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Platform-wide values kept in core.settings, shared by every replica. */
@Injectable()
export class SettingsStore {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /** A secret created once and kept: sessions survive restarts and are valid on every replica. */
  async secret(key: string): Promise<string> {
    const generated = randomBytes(48).toString('base64url');
    await this.db.query(`INSERT INTO core.settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO NOTHING`, [key, generated]);
    const [row] = await this.db.query(`SELECT value #>> '{}' AS value FROM core.settings WHERE key = $1`, [key]);
    return row.value as string;
  }
}
