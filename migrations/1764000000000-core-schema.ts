import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The system tables: operations, users, module definitions and versions, audit, jobs. */
export class CoreSchema1764000000000 implements MigrationInterface {
  name = 'CoreSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE SCHEMA IF NOT EXISTS core`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
        name text NOT NULL,
        schema_name text NOT NULL UNIQUE,
        crm_enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        username text NOT NULL,
        display_name text NOT NULL,
        email text,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        is_admin boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        license_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX IF NOT EXISTS users_operation_username ON core.users (operation_id, lower(username))`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.module_definitions (
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        key text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation_id, key)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.module_versions (
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        key text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        operations jsonb NOT NULL DEFAULT '[]',
        plan jsonb NOT NULL DEFAULT '[]',
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation_id, key, version)
      )`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        operation_id uuid NOT NULL,
        module text NOT NULL,
        record_id uuid NOT NULL,
        action text NOT NULL,
        field text,
        old_value jsonb,
        new_value jsonb,
        user_id uuid,
        job_id uuid,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS audit_record ON core.audit (operation_id, module, record_id, id)`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        type text NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        succeeded integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        payload jsonb NOT NULL DEFAULT '{}',
        checkpoint jsonb,
        result jsonb,
        error jsonb,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS jobs_operation_state ON core.jobs (operation_id, state, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // System tables hold every operation's data: going down never drops them.
    void db;
  }
}
