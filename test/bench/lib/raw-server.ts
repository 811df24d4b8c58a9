/**
 * Child process for the throughput benchmark's baseline: a hand-written
 * Fastify + pg server with the two endpoints the benchmark calls, sending the
 * SQL the records API sends for them (runtime/records/record.repository.ts
 * and record-audit.repository.ts), written out here without Nest, TypeORM,
 * the engine, validation, rules or auth:
 *  - GET  /records/:id  one live contacto by id;
 *  - POST /records      START TRANSACTION, INSERT … RETURNING the record, the
 *                       audit entry in core.audit, the record's open level
 *                       interval (core.record_levels, when that table
 *                       exists: the API looks it up on every create), COMMIT;
 *                       answers 201.
 * The ready line lists these statements, so the benchmark can hold them
 * against what the API sends.
 * Environment: BENCH_DATABASE_URL, BENCH_SCHEMA (the operation's schema),
 * BENCH_OPERATION_ID (for core.audit). Prints one JSON line `{ url, statements }`
 * when listening; closes on SIGTERM. Same pool size as the server.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';
import contactos from '../../../modules-catalog/contactos.module.json';
import { SERVER_POOL_SIZE } from './bench-kit';

interface Field {
  key: string;
  type: string;
  archived?: boolean;
}

const fields = (contactos.fields as Field[]).filter((f) => !f.archived);
const SYSTEM = ['id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner', 'assignee', 'deleted_at'];
const select = [...SYSTEM.map((c) => `r.${c}`), ...fields.map((f) => (f.type === 'date' ? `to_char(r."${f.key}", 'YYYY-MM-DD') AS "${f.key}"` : `r."${f.key}"`))].join(', ');
const NOW = `date_trunc('milliseconds', now())`;

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value === null ? null : new Date(String(value)).toISOString());

/** A row → the record the API answers (system fields in camelCase, timestamps as ISO text). */
function toRecord(row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {
    id: row.id,
    version: row.version,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
    owner: row.owner,
    assignee: row.assignee,
  };
  if (row.deleted_at !== null) record.deletedAt = iso(row.deleted_at);
  for (const f of fields) record[f.key] = f.type === 'datetime' ? iso(row[f.key]) : row[f.key];
  return record;
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const schema = process.env.BENCH_SCHEMA;
  const operationId = process.env.BENCH_OPERATION_ID;
  if (!url || !schema || !operationId) throw new Error('BENCH_DATABASE_URL, BENCH_SCHEMA and BENCH_OPERATION_ID are required');
  const pool = new Pool({ connectionString: url, max: SERVER_POOL_SIZE, idleTimeoutMillis: 30_000 });
  const target = `"${schema}"."contactos" AS r`;
  const findSql = `SELECT ${select} FROM ${target} WHERE r.id = $1 AND r.deleted_at IS NULL`;
  const auditSql = `INSERT INTO core.audit (operation_id, module, record_id, action, field, old_value, new_value, user_id, job_id, at)
       SELECT $1, $2, (e.v->>'record_id')::uuid, e.v->>'action', e.v->>'field', NULLIF(e.v->'old_value', 'null'::jsonb), NULLIF(e.v->'new_value', 'null'::jsonb),
              $3, $4, date_trunc('milliseconds', now())
         FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(v, n)
        ORDER BY e.n`;
  const levelsSql = `SELECT record_id, level_id FROM core.record_levels WHERE operation_id = $1 AND module = $2 AND record_id = ANY($3::uuid[]) AND left_at IS NULL`;
  const { rows: levelsTable } = await pool.query(`SELECT to_regclass('core.record_levels') IS NOT NULL AS present`);
  const trackLevels = levelsTable[0].present === true;
  const writable = new Set(fields.filter((f) => !['lookup', 'user'].includes(f.type)).map((f) => f.key));

  const app = Fastify({ logger: false, bodyLimit: 50 * 1024 * 1024 });
  app.get<{ Params: { id: string } }>('/records/:id', async (request, reply) => {
    const { rows } = await pool.query(findSql, [request.params.id]);
    if (!rows.length) return reply.code(404).send({ code: 'record_not_found' });
    return toRecord(rows[0]);
  });
  app.post<{ Body: Record<string, unknown> }>('/records', async (request, reply) => {
    const body = request.body ?? {};
    const keys = Object.keys(body).filter((k) => writable.has(k) && body[k] !== undefined);
    const names = ['id', 'created_by', 'updated_by', 'owner', 'assignee', 'created_at', 'updated_at', ...keys.map((k) => `"${k}"`)];
    const values = ['$1', '$2', '$2', '$3', '$4', NOW, NOW, ...keys.map((_, i) => `$${i + 5}`)];
    const sql = `INSERT INTO ${target} (${names.join(', ')}) VALUES (${values.join(', ')}) RETURNING ${select}`;
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      const { rows } = await client.query(sql, [randomUUID(), null, null, null, ...keys.map((k) => body[k])]);
      const record = toRecord(rows[0]);
      await client.query(auditSql, [operationId, 'contactos', null, null, JSON.stringify([{ record_id: record.id, action: 'create', field: null, old_value: null, new_value: record }])]);
      if (trackLevels) await client.query(levelsSql, [operationId, 'contactos', [record.id]]);
      await client.query('COMMIT');
      return reply.code(201).send(record);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const statements = {
    read: [findSql],
    create: ['START TRANSACTION', `INSERT INTO ${target} (…) VALUES (…) RETURNING ${select}`, auditSql, ...(trackLevels ? [levelsSql] : []), 'COMMIT'],
  };
  process.stdout.write(`${JSON.stringify({ url: address, statements })}\n`);
  const stop = () =>
    void app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
