import type { HookContext, ModuleDefinition, PluginServices, RecordValues } from '@crm/engine';
import type { QuoteTotalsConfig } from './config/quote-totals.config';

/** Test fixtures: a small quotes module, three products and a fake product store. */

export const CONFIG: QuoteTotalsConfig = {
  linesField: 'lineas',
  productModule: 'productos',
  priceListField: 'lista_precios',
  totals: { subtotal: 'subtotal', discount: 'descuento_total', tax: 'impuesto_total', total: 'total' },
};

const label = (es: string, en: string) => ({ es, en });
const money = (key: string, es: string, en: string) => ({ key, type: 'currency' as const, currency: 'COP', label: label(es, en), readOnly: true });

export const COTIZACIONES: ModuleDefinition = {
  key: 'cotizaciones',
  version: 1,
  names: { singular: label('Cotización', 'Quote'), plural: label('Cotizaciones', 'Quotes') },
  icon: 'file-invoice-dollar',
  fields: [
    { key: 'asunto', type: 'text', label: label('Asunto', 'Subject'), required: true },
    { key: 'lista_precios', type: 'text', label: label('Precio cotización', 'Quote price list') },
    {
      key: 'lineas',
      type: 'subtable',
      label: label('Detalle de la oferta', 'Offer detail'),
      columns: [
        { key: 'producto', type: 'lookup', target: 'productos', label: label('Producto', 'Product'), required: true },
        {
          key: 'tipo_costo',
          type: 'select',
          label: label('Tipo de costo', 'Cost type'),
          options: [
            { key: 'mensual', label: label('Mensual', 'Monthly') },
            { key: 'bajo_demanda', label: label('Bajo demanda', 'On demand') },
            { key: 'unica_vez', label: label('Única vez', 'One time') },
          ],
        },
        { key: 'precio_lista', type: 'currency', currency: 'COP', label: label('Precio de lista', 'List price') },
        { key: 'cantidad', type: 'decimal', label: label('Cantidad', 'Quantity'), required: true },
        { key: 'importe', type: 'currency', currency: 'COP', label: label('Importe', 'Amount') },
        { key: 'descuento', type: 'percent', label: label('Descuento', 'Discount') },
        { key: 'descuento_manual', type: 'boolean', label: label('Editar descuento', 'Edit discount') },
        { key: 'impuesto', type: 'percent', label: label('Impuesto', 'Tax') },
        { key: 'impuesto_manual', type: 'boolean', label: label('Editar impuesto', 'Edit tax') },
        { key: 'total', type: 'currency', currency: 'COP', label: label('Total', 'Total') },
      ],
    },
    money('subtotal', 'Subtotal', 'Subtotal'),
    money('descuento_total', 'Descuento', 'Discount'),
    money('impuesto_total', 'Impuesto', 'Tax'),
    money('total', 'Total', 'Total'),
  ],
  plugins: [{ name: 'quote-totals', config: { ...CONFIG } }],
};

export const LICENCIA = 'a1000000-0000-4000-8000-000000000001';
export const DIADEMA = 'a1000000-0000-4000-8000-000000000002';
export const CAPACITACION = 'a1000000-0000-4000-8000-000000000003';
export const DESCONTINUADO = 'a1000000-0000-4000-8000-000000000004';

/** Products as the runtime returns them: amounts as decimal strings or numbers, as stored. */
export const PRODUCTS: Record<string, RecordValues> = {
  // Monthly agent licence: has a "Colombia COP" price, ranges 1–9 / 10–49 / 50+, VAT 19 %.
  [LICENCIA]: {
    id: LICENCIA,
    nombre: 'Licencia agente CRM',
    activo: true,
    tipo_pago: 'mensual',
    impuesto: 19,
    precio_unitario: '95000.00',
    listas_precios: [
      { lista: 'México MXN', lugar: 'CDMX', moneda: 'MXN', precio: '450.00' },
      { lista: 'Colombia COP', lugar: 'Bogotá', moneda: 'COP', precio: '89900.00' },
    ],
    rangos_cantidad: [
      { desde: 1, hasta: 9, descuento: 0 },
      { desde: 10, hasta: 49, descuento: 5 },
      { desde: 50, hasta: null, descuento: 10 },
    ],
  },
  // USB headset: no "Colombia COP" row (falls back to the unit price), 5 % tax, range 5–19 at 7.5 %.
  [DIADEMA]: {
    id: DIADEMA,
    nombre: 'Diadema USB',
    activo: true,
    tipo_pago: 'unica_vez',
    impuesto: '5',
    precio_unitario: '185990.50',
    listas_precios: [{ lista: 'Perú PEN', lugar: 'Lima', moneda: 'PEN', precio: '210.00' }],
    rangos_cantidad: [
      { desde: 1, hasta: 4, descuento: 0 },
      { desde: 5, hasta: 19, descuento: '7.5' },
    ],
  },
  // Agent training: tax exempt (0 %), 15 % from 3 sessions up (open range).
  [CAPACITACION]: {
    id: CAPACITACION,
    nombre: 'Capacitación de agentes',
    activo: true,
    tipo_pago: 'unica_vez',
    impuesto: 0,
    precio_unitario: 1300000,
    listas_precios: [{ lista: 'Colombia COP', lugar: 'Bogotá', moneda: 'COP', precio: 1250000 }],
    rangos_cantidad: [
      { desde: 1, hasta: 2, descuento: 0 },
      { desde: 3, hasta: '', descuento: 15 },
    ],
  },
  [DESCONTINUADO]: { id: DESCONTINUADO, nombre: 'Plan IVR 2019', activo: false, impuesto: 19, precio_unitario: '50000.00' },
};

/** A product store that counts its reads. */
export function productStore(products: Record<string, RecordValues> = PRODUCTS) {
  const reads: string[] = [];
  const services: PluginServices = {
    async findRecord(module, id) {
      reads.push(`${module}/${id}`);
      return module === 'productos' ? (products[id] ?? null) : null;
    },
    findDefinition: async () => null,
    // Quote totals never write other records; a hook that tried would fail its test.
    updateRecord: async (module) => {
      throw new Error(`quote-totals must not write ${module}`);
    },
  };
  return { services, reads };
}

/** A hook context for a write of `record`. */
export function hookContext(record: RecordValues, options: Partial<HookContext<QuoteTotalsConfig>> = {}): HookContext<QuoteTotalsConfig> {
  return {
    definition: COTIZACIONES,
    config: CONFIG,
    event: 'create',
    record,
    previous: null,
    changed: new Set(Object.keys(record)),
    user: { id: 'b2000000-0000-4000-8000-000000000001', locale: 'es' },
    services: productStore().services,
    ...options,
  };
}
