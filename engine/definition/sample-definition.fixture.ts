import type { ModuleDefinition } from './module-definition.types';

/** A case module with one field of every type, for tests across the engine. */
export const sampleCases: ModuleDefinition = {
  key: 'casos',
  version: 1,
  names: { singular: { es: 'Caso', en: 'Case' }, plural: { es: 'Casos', en: 'Cases' } },
  icon: 'briefcase',
  title: '{{numero}} · {{asunto}}',
  fields: [
    { key: 'numero', type: 'autonumber', label: { es: 'Número', en: 'Number' }, prefix: 'CAS-{{seq 6}}' },
    { key: 'asunto', type: 'text', label: { es: 'Asunto', en: 'Subject' }, required: true, maxLength: 120, searchable: true },
    { key: 'descripcion', type: 'longText', label: { es: 'Descripción', en: 'Description' } },
    { key: 'cantidad', type: 'integer', label: { es: 'Cantidad', en: 'Quantity' }, min: 0, max: 1000 },
    { key: 'peso', type: 'decimal', label: { es: 'Peso', en: 'Weight' }, scale: 3 },
    { key: 'monto', type: 'currency', label: { es: 'Monto', en: 'Amount' }, currency: 'COP', scale: 2, min: 0 },
    { key: 'descuento', type: 'percent', label: { es: 'Descuento', en: 'Discount' }, min: 0, max: 100 },
    { key: 'fecha_limite', type: 'date', label: { es: 'Fecha límite', en: 'Due date' } },
    { key: 'abierto_en', type: 'datetime', label: { es: 'Abierto en', en: 'Opened at' } },
    { key: 'urgente', type: 'boolean', label: { es: 'Urgente', en: 'Urgent' } },
    {
      key: 'estado',
      type: 'select',
      label: { es: 'Estado', en: 'Status' },
      required: true,
      filterable: true,
      options: [
        { key: 'abierto', label: { es: 'Abierto', en: 'Open' } },
        { key: 'en_progreso', label: { es: 'En progreso', en: 'In progress' } },
        { key: 'solucionado', label: { es: 'Solucionado', en: 'Solved' } },
        { key: 'anulado', label: { es: 'Anulado', en: 'Void' }, archived: true },
      ],
    },
    {
      key: 'canales',
      type: 'multiSelect',
      label: { es: 'Canales', en: 'Channels' },
      maxItems: 2,
      options: [
        { key: 'whatsapp', label: { es: 'WhatsApp', en: 'WhatsApp' } },
        { key: 'telefono', label: { es: 'Teléfono', en: 'Phone' } },
        { key: 'correo', label: { es: 'Correo', en: 'E-mail' } },
      ],
    },
    { key: 'email', type: 'email', label: { es: 'Correo', en: 'E-mail' } },
    { key: 'telefono', type: 'phone', label: { es: 'Teléfono', en: 'Phone' } },
    { key: 'sitio', type: 'url', label: { es: 'Sitio web', en: 'Website' } },
    { key: 'contacto', type: 'lookup', label: { es: 'Contacto', en: 'Contact' }, target: 'contactos' },
    { key: 'responsable', type: 'user', label: { es: 'Responsable', en: 'Owner' } },
    { key: 'adjuntos', type: 'file', label: { es: 'Adjuntos', en: 'Attachments' }, accept: ['pdf', 'jpg'], maxSizeMb: 5, maxFiles: 3 },
    {
      key: 'total',
      type: 'formula',
      label: { es: 'Total', en: 'Total' },
      resultType: 'currency',
      formula: { '*': [{ var: 'monto' }, { '-': [1, { '/': [{ var: 'descuento' }, 100] }] }] },
    },
    {
      key: 'solucion',
      type: 'longText',
      label: { es: 'Agrega solución', en: 'Add solution' },
      conditions: {
        visible: { '==': [{ var: 'estado' }, 'solucionado'] },
        required: { '==': [{ var: 'estado' }, 'solucionado'] },
      },
    },
    { key: 'codigo_cierre', type: 'text', label: { es: 'Código de cierre', en: 'Closing code' }, conditions: { readOnly: { '==': [{ var: 'estado' }, 'solucionado'] } } },
    { key: 'antiguo', type: 'text', label: { es: 'Antiguo', en: 'Old' }, archived: true },
    {
      key: 'lineas',
      type: 'subtable',
      label: { es: 'Líneas', en: 'Lines' },
      columns: [
        { key: 'producto', type: 'text', label: { es: 'Producto', en: 'Product' }, required: true },
        { key: 'cantidad', type: 'integer', label: { es: 'Cantidad', en: 'Quantity' }, min: 1 },
        { key: 'precio', type: 'currency', label: { es: 'Precio', en: 'Price' }, currency: 'COP' },
      ],
    },
  ],
  rules: [
    {
      key: 'fecha_en_futuro_si_urgente',
      field: 'fecha_limite',
      assert: { or: [{ '!': { var: 'urgente' } }, { '!!': { var: 'fecha_limite' } }] },
      message: { es: 'Un caso urgente necesita fecha límite.', en: 'An urgent case needs a due date.' },
    },
  ],
};
