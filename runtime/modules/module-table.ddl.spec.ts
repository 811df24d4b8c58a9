import { planModuleChange, type ModuleDefinition } from '@crm/engine';
import { stepSql } from './module-table.ddl';

const pedidos: ModuleDefinition = {
  key: 'pedidos',
  version: 1,
  names: { singular: { es: 'Pedido', en: 'Order' }, plural: { es: 'Pedidos', en: 'Orders' } },
  icon: 'box',
  fields: [
    { key: 'numero', type: 'autonumber', label: { es: 'Número', en: 'Number' }, prefix: 'P-{{seq 5}}', start: 10 },
    { key: 'cliente', type: 'text', label: { es: 'Cliente', en: 'Customer' }, required: true, searchable: true },
  ],
};

describe('stepSql', () => {
  it('compiles a new module plan step by step: one statement per storage step, none for checks and metadata', () => {
    const { plan } = planModuleChange(undefined, pedidos);
    expect(plan.steps.map((step) => stepSql('op_x', 'pedidos', step))).toEqual([
      'CREATE TABLE IF NOT EXISTS "op_x"."pedidos" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "created_at" timestamptz NOT NULL DEFAULT now(), "created_by" uuid, ' +
        '"updated_at" timestamptz NOT NULL DEFAULT now(), "updated_by" uuid, "owner" uuid, "assignee" uuid, "version" integer NOT NULL DEFAULT 1, "deleted_at" timestamptz)',
      'CREATE INDEX IF NOT EXISTS "pedidos_created_at_idx" ON "op_x"."pedidos" ("created_at" DESC, id) WHERE deleted_at IS NULL',
      'CREATE INDEX IF NOT EXISTS "pedidos_updated_at_idx" ON "op_x"."pedidos" ("updated_at" DESC, id) WHERE deleted_at IS NULL',
      'CREATE SEQUENCE IF NOT EXISTS "op_x"."pedidos_numero_seq" START 10',
      'ALTER TABLE "op_x"."pedidos" ADD COLUMN IF NOT EXISTS "numero" text',
      'ALTER TABLE "op_x"."pedidos" ADD COLUMN IF NOT EXISTS "cliente" text',
      'CREATE INDEX IF NOT EXISTS "pedidos_cliente_trgm" ON "op_x"."pedidos" USING gin ("cliente" gin_trgm_ops)',
    ]);
  });

  it('runs nothing for the data checks and metadata of a change', () => {
    const after = structuredClone(pedidos);
    after.fields[1] = { ...after.fields[1], label: { es: 'Cliente final', en: 'End customer' }, unique: true };
    const { plan } = planModuleChange(pedidos, after);
    expect(plan.steps.map((step) => [step.kind, stepSql('op_x', 'pedidos', step)])).toEqual([
      ['updateMetadata', null],
      ['checkValues', null],
      ['createIndex', 'CREATE UNIQUE INDEX IF NOT EXISTS "pedidos_cliente_uniq" ON "op_x"."pedidos" ("cliente") WHERE deleted_at IS NULL'],
      ['updateMetadata', null],
    ]);
  });
});
