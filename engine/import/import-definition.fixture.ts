import type { ModuleDefinition, ModuleField } from '../definition/module-definition.types';

const label = (es: string, en: string) => ({ es, en });

const FIELDS: ModuleField[] = [
  { key: 'numero', type: 'autonumber', label: label('Número', 'Number'), prefix: 'CAS-{{seq 6}}' },
  { key: 'nombre', type: 'text', label: label('Nombre', 'Name') },
  { key: 'correo_electronico', type: 'email', label: label('Correo electrónico', 'E-mail') },
  { key: 'celular', type: 'phone', label: label('Celular', 'Mobile') },
  { key: 'sitio', type: 'url', label: label('Sitio web', 'Website') },
  { key: 'fecha_ingreso', type: 'date', label: label('Fecha de ingreso', 'Start date') },
  { key: 'llamada', type: 'datetime', label: label('Llamada', 'Call') },
  { key: 'edad', type: 'integer', label: label('Edad', 'Age') },
  { key: 'latitud', type: 'decimal', label: label('Latitud', 'Latitude'), scale: 10 },
  { key: 'saldo', type: 'currency', label: label('Saldo', 'Balance'), currency: 'COP', scale: 2 },
  { key: 'descuento', type: 'percent', label: label('Descuento', 'Discount'), scale: 1 },
  { key: 'activo', type: 'boolean', label: label('Activo', 'Active') },
  {
    key: 'tipo',
    type: 'select',
    label: label('Tipo de contacto', 'Contact type'),
    options: [
      { key: 'solicitud', label: label('Solicitud', 'Request') },
      { key: 'denuncia', label: label('Denuncia', 'Complaint') },
      { key: 'vieja', label: label('Vieja', 'Old'), archived: true },
    ],
  },
  {
    key: 'canales',
    type: 'multiSelect',
    label: label('Canales', 'Channels'),
    options: [
      { key: 'telefono', label: label('Teléfono', 'Phone') },
      { key: 'web', label: label('Web, chat', 'Web, chat') },
      { key: 'presencial', label: label('Presencial', 'In person') },
    ],
  },
  { key: 'empresa', type: 'lookup', label: label('Compañía', 'Account'), target: 'empresas' },
  { key: 'agente', type: 'user', label: label('Agente', 'Agent') },
  { key: 'estado', type: 'text', label: label('Situación', 'Situation') },
  { key: 'total', type: 'formula', label: label('Total', 'Total'), formula: { '*': [{ var: 'saldo' }, 2] }, resultType: 'currency' },
  { key: 'antiguo', type: 'text', label: label('Antiguo', 'Former'), archived: true },
  { key: 'adjuntos', type: 'file', label: label('Adjuntos', 'Attachments'), accept: ['pdf'] },
];

/** A module with a field of every importable type, plus fields an import never fills (computed, archived, files). */
export const IMPORT_DEFINITION: ModuleDefinition = {
  key: 'casos',
  version: 1,
  names: { singular: label('Caso', 'Case'), plural: label('Casos', 'Cases') },
  icon: 'folder',
  fields: FIELDS,
};
