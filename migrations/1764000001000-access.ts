import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Access: profiles, roles, levels, sessions, API tokens, Click2Dial IP rules, login history, platform settings. */
export class Access1764000001000 implements MigrationInterface {
  name = 'Access1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        name text NOT NULL,
        description text,
        permissions jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS profiles_operation_name ON core.profiles (operation_id, lower(name))`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        name text NOT NULL,
        parent_id uuid REFERENCES core.roles(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.levels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.record_levels (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        operation_id uuid NOT NULL,
        module text NOT NULL,
        record_id uuid NOT NULL,
        level_id uuid NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS record_levels_record ON core.record_levels (operation_id, module, record_id, entered_at)`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS profile_id uuid REFERENCES core.profiles(id)`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS role_id uuid REFERENCES core.roles(id)`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS level_id uuid REFERENCES core.levels(id)`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS failed_attempts integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS locked_until timestamptz`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS token_version integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE core.users ADD COLUMN IF NOT EXISTS password_changed_at timestamptz`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES core.users(id),
        refresh_hash text NOT NULL UNIQUE,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('internal', 'external')),
        token_hash text NOT NULL UNIQUE,
        company_id uuid,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CHECK (type = 'internal' OR company_id IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.ip_restrictions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        address text NOT NULL,
        mask text,
        description text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.login_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        operation_id uuid,
        user_id uuid,
        username text NOT NULL,
        ip text NOT NULL,
        success boolean NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS login_history_operation_at ON core.login_history (operation_id, at DESC)`);
    await db.query(`CREATE TABLE IF NOT EXISTS core.settings (key text PRIMARY KEY, value jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`CREATE INDEX IF NOT EXISTS login_history_ip_at ON core.login_history (ip, at DESC) WHERE NOT success`);
  }

  async down(db: QueryRunner): Promise<void> {
    void db; // access data is never dropped by going down
  }
}
