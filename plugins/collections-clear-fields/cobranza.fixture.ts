import type { ActionContext, ModuleDefinition, PluginServices, RecordValues } from '@crm/engine';
import type { ClearFieldsConfig, CollectionsConfig } from './config/clear-fields.config';

/** Test fixtures: a small collections module and a debtor's file with three obligations. */

export const CONFIG: ClearFieldsConfig = {
  recordFields: ['compromiso_pago_fecha', 'compromiso_pago_monto', 'observacion_gestion'],
  obligationsField: 'obligaciones',
  obligationFields: ['compromiso', 'nota_obligacion', 'tipificacion'],
  gestionModule: 'gestiones',
  gestionLookup: 'cobranza',
};

const label = (es: string, en: string) => ({ es, en });

export const COBRANZA: ModuleDefinition = {
  key: 'cobranza',
  version: 3,
  names: { singular: label('Cobranza', 'Collection'), plural: label('Cobranzas', 'Collections') },
  icon: 'hand-holding-dollar',
  fields: [
    { key: 'expediente', type: 'autonumber', prefix: 'COB-{{seq 6}}', label: label('Expediente', 'File'), locked: true },
    { key: 'nombre_deudor', type: 'text', label: label('Deudor', 'Debtor'), required: true, locked: true },
    { key: 'documento', type: 'text', label: label('Documento', 'ID number'), locked: true },
    { key: 'telefono', type: 'phone', label: label('Teléfono', 'Phone') },
    { key: 'monto_total', type: 'currency', currency: 'COP', label: label('Monto total', 'Total amount'), locked: true },
    { key: 'monto_vencido', type: 'currency', currency: 'COP', label: label('Monto vencido', 'Overdue amount'), locked: true },
    { key: 'codigo_tipificacion', type: 'text', label: label('Código de tipificación', 'Disposition code'), locked: true },
    { key: 'compromiso_pago_fecha', type: 'date', label: label('Fecha compromiso de pago', 'Promise-to-pay date') },
    { key: 'compromiso_pago_monto', type: 'currency', currency: 'COP', label: label('Monto compromiso de pago', 'Promise-to-pay amount') },
    { key: 'observacion_gestion', type: 'longText', label: label('Observación de la gestión', 'Interaction note') },
    {
      key: 'canal_preferido',
      type: 'select',
      label: label('Canal preferido', 'Preferred channel'),
      options: [
        { key: 'whatsapp', label: label('WhatsApp', 'WhatsApp') },
        { key: 'telefono', label: label('Teléfono', 'Phone') },
      ],
    },
    { key: 'codigo_antiguo', type: 'text', label: label('Código antiguo', 'Old code'), archived: true },
    {
      key: 'obligaciones',
      type: 'subtable',
      label: label('Obligaciones', 'Obligations'),
      locked: true,
      columns: [
        { key: 'id_obligacion', type: 'text', label: label('Id obligación', 'Obligation id'), required: true },
        { key: 'nombre', type: 'text', label: label('Nombre', 'Name') },
        { key: 'saldo', type: 'currency', currency: 'COP', label: label('Saldo', 'Balance'), locked: true },
        { key: 'fecha_vencimiento', type: 'date', label: label('Fecha de vencimiento', 'Due date') },
        { key: 'dias_mora', type: 'integer', label: label('Días de mora', 'Days overdue') },
        { key: 'gestionar', type: 'boolean', label: label('Gestionar', 'Manage') },
        { key: 'tipificacion', type: 'text', label: label('Tipificación', 'Disposition') },
        { key: 'compromiso', type: 'currency', currency: 'COP', label: label('Compromiso', 'Promise') },
        { key: 'nota_obligacion', type: 'text', label: label('Nota', 'Note') },
      ],
    },
  ],
  plugins: [{ name: 'collections-clear-fields', config: { ...CONFIG } }],
};

export const RECORD_ID = 'd4000000-0000-4000-8000-000000000001';

/** Ana Pérez's file after last week's call: a promise to pay and notes on every obligation. */
export const anaPerez = (): RecordValues & { id: string } => ({
  id: RECORD_ID,
  expediente: 'COB-000042',
  nombre_deudor: 'Ana Pérez',
  documento: '1020304050',
  telefono: '+57 300 123 4567',
  monto_total: '4850000.00',
  monto_vencido: '1250000.00',
  codigo_tipificacion: 'PP-01',
  compromiso_pago_fecha: '2025-07-15',
  compromiso_pago_monto: '500000.00',
  observacion_gestion: 'Promete abonar el 15 de julio tras recibir la prima.',
  canal_preferido: 'whatsapp',
  obligaciones: [
    {
      id: 'r1',
      id_obligacion: 'TC-8841',
      nombre: 'Tarjeta de crédito Oro',
      saldo: '2350000.00',
      fecha_vencimiento: '2025-05-30',
      dias_mora: 45,
      gestionar: true,
      tipificacion: 'Promesa de pago',
      compromiso: '300000.00',
      nota_obligacion: 'Abona con la prima',
    },
    {
      id: 'r2',
      id_obligacion: 'LB-1203',
      nombre: 'Crédito libre inversión',
      saldo: '1800000.00',
      fecha_vencimiento: '2025-06-10',
      dias_mora: 20,
      gestionar: true,
      tipificacion: 'Promesa de pago',
      compromiso: '200000.00',
      nota_obligacion: 'Segunda cuota en agosto',
    },
    {
      id: 'r3',
      id_obligacion: 'CV-0077',
      nombre: 'Crédito vehículo',
      saldo: '700000.00',
      fecha_vencimiento: '2025-08-01',
      dias_mora: 0,
      gestionar: false,
      tipificacion: 'Al día',
      compromiso: '0.00',
      nota_obligacion: 'Sin novedad',
    },
  ],
});

export function actionContext(
  record: RecordValues & { id: string },
  input: RecordValues = {},
  definition: ModuleDefinition = COBRANZA,
  config: CollectionsConfig = CONFIG,
): ActionContext<CollectionsConfig> {
  return {
    definition,
    config,
    record,
    input,
    user: { id: 'b2000000-0000-4000-8000-000000000007', locale: 'es' },
    services: fixtureServices().services,
  };
}

/** The gestión module's side: the lookup to the collection record and the snapshot field. */
export const GESTIONES: ModuleDefinition = {
  key: 'gestiones',
  version: 1,
  names: { singular: label('Gestión', 'Interaction'), plural: label('Gestiones', 'Interactions') },
  icon: 'headset',
  fields: [
    { key: 'canal', type: 'text', label: label('Canal', 'Channel') },
    { key: 'descripcion', type: 'longText', label: label('Descripción', 'Description') },
    { key: 'cobranza', type: 'lookup', target: 'cobranza', label: label('Cobranza', 'Collection'), locked: true },
    { key: 'valores_anteriores', type: 'longText', label: label('Valores anteriores', 'Previous values'), readOnly: true, locked: true },
  ],
  plugins: [{ name: 'collections-clear-fields', config: { collectionLookup: 'cobranza' } }],
};

/** Plugin services over fixed definitions and records, keeping every update a hook asks for. */
export function fixtureServices(records: Record<string, RecordValues & { id: string }> = { [RECORD_ID]: anaPerez() }, definitions: ModuleDefinition[] = [COBRANZA, GESTIONES]) {
  const updates: { module: string; id: string; patch: RecordValues }[] = [];
  const services: PluginServices = {
    findRecord: async (module, id) => (module === 'cobranza' ? (records[id] ?? null) : null),
    findDefinition: async (module) => definitions.find((d) => d.key === module) ?? null,
    updateRecord: async (module, id, patch) => {
      updates.push({ module, id, patch });
      return { ...records[id], ...patch, id };
    },
  };
  return { services, updates };
}
