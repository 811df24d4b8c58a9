/**
 * A module for Buenos Aires' "Línea 147" extracts, as an admin would design it
 * for them: the file's headers as keys (the source's `domiclio_calle` typo
 * corrected, so that column is mapped by hand), its options by label.
 */
const label = (es: string, en = es) => ({ es, en });

export const LINEA147_MODULE = {
  key: 'linea147',
  version: 1,
  names: { singular: label('Contacto 147', '147 contact'), plural: label('Contactos 147', '147 contacts') },
  icon: 'phone',
  fields: [
    { key: 'categoria', type: 'text', label: label('Categoría', 'Category'), required: true },
    { key: 'subcategoria', type: 'text', label: label('Subcategoría', 'Subcategory') },
    { key: 'prestacion', type: 'text', label: label('Prestación', 'Service') },
    {
      key: 'tipo_prestacion',
      type: 'select',
      label: label('Tipo de prestación', 'Service type'),
      options: ['Solicitud', 'Denuncia', 'Servicio', 'Queja', 'Reporte', 'Reclamo'].map((o) => ({ key: o.toLowerCase(), label: label(o) })),
    },
    { key: 'fecha_ingreso', type: 'date', label: label('Fecha de ingreso', 'Date received'), required: true },
    { key: 'hora_ingreso', type: 'text', label: label('Hora de ingreso', 'Time received') },
    { key: 'domicilio_comuna', type: 'integer', label: label('Comuna', 'District') },
    { key: 'domicilio_barrio', type: 'text', label: label('Barrio', 'Neighbourhood') },
    { key: 'domicilio_calle', type: 'text', label: label('Calle', 'Street') },
    { key: 'domicilio_altura', type: 'integer', label: label('Altura', 'Street number') },
    { key: 'lat', type: 'decimal', scale: 10, label: label('Latitud', 'Latitude') },
    { key: 'lon', type: 'decimal', scale: 10, label: label('Longitud', 'Longitude') },
    { key: 'canal', type: 'text', label: label('Canal', 'Channel') },
    { key: 'genero', type: 'select', label: label('Género', 'Gender'), options: ['Masculino', 'Femenino', 'Otros'].map((o) => ({ key: o.toLowerCase(), label: label(o) })) },
    { key: 'estado_del_contacto', type: 'select', label: label('Estado', 'Status'), options: ['Abierto', 'Cerrado'].map((o) => ({ key: o.toLowerCase(), label: label(o) })) },
    { key: 'fecha_cierre_contacto', type: 'date', label: label('Fecha de cierre', 'Date closed') },
    { key: 'hora_cierre_contacto', type: 'text', label: label('Hora de cierre', 'Time closed') },
  ],
};
