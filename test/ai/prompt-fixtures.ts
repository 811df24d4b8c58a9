import type { ModuleDefinition } from '@crm/engine';

const t = (es: string, en: string) => ({ es, en });

/** Stored modules the edit prompts change (Spanish keys, as the catalog). */
export const CLIENTES: ModuleDefinition = {
  key: 'clientes',
  version: 3,
  names: { singular: t('Cliente', 'Customer'), plural: t('Clientes', 'Customers') },
  icon: 'user',
  fields: [
    { key: 'nombre', type: 'text', label: t('Nombre', 'Name'), required: true },
    { key: 'telefono', type: 'phone', label: t('Teléfono', 'Phone') },
    { key: 'correo', type: 'email', label: t('Correo', 'Email') },
    { key: 'edad', type: 'text', label: t('Edad', 'Age') },
    { key: 'observaciones', type: 'longText', label: t('Observaciones', 'Notes') },
    {
      key: 'estado',
      type: 'select',
      label: t('Estado', 'Status'),
      options: [
        { key: 'activo', label: t('Activo', 'Active') },
        { key: 'inactivo', label: t('Inactivo', 'Inactive') },
      ],
    },
    { key: 'ciudad', type: 'text', label: t('Ciudad', 'City') },
    { key: 'fecha_registro', type: 'date', label: t('Fecha de registro', 'Signup date') },
    { key: 'notas_antiguas', type: 'longText', label: t('Notas antiguas', 'Old notes'), archived: true },
  ],
};

export const GARANTIAS: ModuleDefinition = {
  key: 'garantias',
  version: 1,
  names: { singular: t('Garantía', 'Warranty'), plural: t('Garantías', 'Warranties') },
  icon: 'shield',
  fields: [
    { key: 'numero_serie', type: 'text', label: t('Número de serie', 'Serial number') },
    { key: 'fecha_compra', type: 'date', label: t('Fecha de compra', 'Purchase date') },
    { key: 'vigente', type: 'boolean', label: t('Vigente', 'Valid') },
    { key: 'correo_cliente', type: 'email', label: t('Correo del cliente', 'Customer email') },
  ],
};

/** The same modules built by an English-speaking admin (English keys). */
export const CUSTOMERS: ModuleDefinition = {
  key: 'customers',
  version: 2,
  names: { singular: t('Cliente', 'Customer'), plural: t('Clientes', 'Customers') },
  icon: 'user',
  fields: [
    { key: 'name', type: 'text', label: t('Nombre', 'Name'), required: true },
    { key: 'phone', type: 'phone', label: t('Teléfono', 'Phone') },
    { key: 'email', type: 'email', label: t('Correo', 'Email') },
    { key: 'age', type: 'text', label: t('Edad', 'Age') },
    { key: 'notes', type: 'longText', label: t('Notas', 'Notes') },
    {
      key: 'status',
      type: 'select',
      label: t('Estado', 'Status'),
      options: [
        { key: 'active', label: t('Activo', 'Active') },
        { key: 'inactive', label: t('Inactivo', 'Inactive') },
      ],
    },
    { key: 'city', type: 'text', label: t('Ciudad', 'City') },
    { key: 'signup_date', type: 'date', label: t('Fecha de registro', 'Signup date') },
    { key: 'old_notes', type: 'longText', label: t('Notas antiguas', 'Old notes'), archived: true },
  ],
};

export const WARRANTIES: ModuleDefinition = {
  key: 'warranties',
  version: 1,
  names: { singular: t('Garantía', 'Warranty'), plural: t('Garantías', 'Warranties') },
  icon: 'shield',
  fields: [
    { key: 'serial_number', type: 'text', label: t('Número de serie', 'Serial number') },
    { key: 'purchase_date', type: 'date', label: t('Fecha de compra', 'Purchase date') },
  ],
};

/** A draft of a new module being refined (not stored yet). */
export const VEHICULOS_DRAFT: ModuleDefinition = {
  key: 'vehiculos',
  version: 1,
  names: { singular: t('Vehículo', 'Vehicle'), plural: t('Vehículos', 'Vehicles') },
  icon: 'car',
  fields: [
    { key: 'placa', type: 'text', label: t('Placa', 'Plate'), required: true },
    {
      key: 'marca',
      type: 'select',
      label: t('Marca', 'Brand'),
      options: [
        { key: 'chevrolet', label: t('Chevrolet', 'Chevrolet') },
        { key: 'renault', label: t('Renault', 'Renault') },
      ],
    },
    { key: 'ano', type: 'integer', label: t('Año', 'Year') },
  ],
};

export const STORED_FIXTURES = [CLIENTES, GARANTIAS, CUSTOMERS, WARRANTIES];
export const DRAFT_FIXTURES = [VEHICULOS_DRAFT];
