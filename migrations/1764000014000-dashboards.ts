import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboards (P2) and their goal gauges (P3): a named grid of widgets, each an
 * aggregation drawn as a chart or a gauge. Private to their owner or shared with
 * profiles; versioned for optimistic locking; soft-deleted.
 */
export class Dashboards1764000014000 implements MigrationInterface {
  name = 'Dashboards1764000014000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.dashboards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        name text NOT NULL,
        owner_id uuid REFERENCES core.users(id),
        shared_with uuid[] NOT NULL DEFAULT '{}',
        widgets jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(`CREATE INDEX IF NOT EXISTS dashboards_list ON core.dashboards (operation_id, lower(name), id) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX IF NOT EXISTS dashboards_shared ON core.dashboards USING gin (shared_with) WHERE deleted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS core.dashboards`);
  }
}
