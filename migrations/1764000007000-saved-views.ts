import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved custom views of a module (R5): a user's named arrangement of the table
 * or kanban (grouping, fields shown, filter, sort), optionally shared with the
 * operation. Preferences, not records: no history and hard deletes.
 */
export class SavedViews1764000007000 implements MigrationInterface {
  name = 'SavedViews1764000007000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE IF NOT EXISTS core.saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES core.operations(id),
        module text NOT NULL,
        owner_id uuid REFERENCES core.users(id),
        name text NOT NULL,
        category text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('table', 'kanban')),
        config jsonb NOT NULL,
        shared boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One name per user, module and kind: saving a view again under its name replaces it.
    await db.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS saved_views_owner_name ON core.saved_views (operation_id, module, kind, COALESCE(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS core.saved_views`);
  }
}
