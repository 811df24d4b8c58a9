import sample from './sample-147.json';

/**
 * One contact of Buenos Aires' "Línea 147" (2021) as its open data publishes
 * it: every value a string, empty when the source left it empty, the source's
 * own misspelled `domiclio_calle` included.
 */
export interface Contact147 {
  categoria: string;
  subcategoria: string;
  prestacion: string;
  tipo_prestacion: string;
  fecha_ingreso: string;
  hora_ingreso: string;
  domicilio_comuna: string;
  domicilio_barrio: string;
  domiclio_calle: string;
  domicilio_altura: string;
  canal: string;
  genero: string;
  estado_del_contacto: string;
  fecha_cierre_contacto: string;
  hora_cierre_contacto: string;
}

export const SAMPLE_147: readonly Contact147[] = sample.rows;

/** Writes one record through the records service and answers its id. */
export type DemoWrite = (module: string, body: Record<string, unknown>) => Promise<string>;

export interface DemoCounts {
  [module: string]: number;
}

// The open data names nobody: the people are invented, everything else about each contact is the source's.
const WOMEN = [
  'Lucía',
  'Martina',
  'Sofía',
  'Valentina',
  'Camila',
  'Julieta',
  'Florencia',
  'Agustina',
  'Paula',
  'Carolina',
  'Romina',
  'Natalia',
  'Mariana',
  'Gabriela',
  'Silvia',
  'Graciela',
  'Analía',
  'Verónica',
  'Lorena',
  'Daniela',
  'Micaela',
  'Rocío',
  'Belén',
  'Noelia',
];
const MEN = [
  'Santiago',
  'Mateo',
  'Juan Cruz',
  'Tomás',
  'Facundo',
  'Nicolás',
  'Martín',
  'Gonzalo',
  'Diego',
  'Matías',
  'Ezequiel',
  'Federico',
  'Leandro',
  'Hernán',
  'Pablo',
  'Sergio',
  'Ricardo',
  'Jorge',
  'Gustavo',
  'Alejandro',
  'Cristian',
  'Ramiro',
  'Lautaro',
  'Emiliano',
];
const EITHER = ['Alex', 'Andrea', 'Ariel', 'Noa', 'Sasha', 'Dani', 'Guadalupe', 'Reni'];
const SURNAMES = [
  'González',
  'Rodríguez',
  'Gómez',
  'Fernández',
  'López',
  'Díaz',
  'Martínez',
  'Pérez',
  'García',
  'Sánchez',
  'Romero',
  'Sosa',
  'Álvarez',
  'Torres',
  'Ruiz',
  'Ramírez',
  'Flores',
  'Benítez',
  'Acosta',
  'Medina',
  'Herrera',
  'Suárez',
  'Aguirre',
  'Giménez',
  'Gutiérrez',
  'Pereyra',
  'Rojas',
  'Molina',
  'Castro',
  'Ortiz',
  'Silva',
  'Núñez',
  'Luna',
  'Juárez',
  'Cabrera',
  'Ríos',
  'Ferreyra',
  'Godoy',
  'Morales',
  'Domínguez',
  'Moreno',
  'Peralta',
  'Vega',
  'Carrizo',
  'Quiroga',
  'Castillo',
  'Ledesma',
  'Muñoz',
  'Ojeda',
  'Ponce',
];

const GENDER: Record<string, string> = { femenino: 'femenino', masculino: 'masculino', otros: 'no_binario' };

/** The source's channels as the catalog's: Boti is the city's WhatsApp bot; UGIS and the comunas attend in person. */
const CASE_CHANNEL: Record<string, string> = {
  'GCS Web': 'web',
  'App BA 147': 'web',
  'App Denuncia Vial': 'web',
  'Operador UGIS': 'presencial',
  Comuna: 'presencial',
  Cercania: 'presencial',
  Boti: 'whatsapp',
  'Call Center': 'telefono',
  'Operador GCBA': 'telefono',
  'Mail 147': 'correo',
};
const PREFERRED_CHANNEL: Record<string, string> = { Boti: 'whatsapp', 'Call Center': 'telefono', 'Operador GCBA': 'telefono', 'Mail 147': 'correo' };
const ORIGIN: Record<string, string> = { 'GCS Web': 'web', 'App BA 147': 'web', 'App Denuncia Vial': 'web', Boti: 'whatsapp', 'Call Center': 'llamada_entrante', 'Operador GCBA': 'llamada_entrante' };

/** January writes SOLICITUD, June and August Solicitud: the type is read without case. */
const CASE_TYPE: Record<string, string> = { solicitud: 'peticion', servicio: 'peticion', queja: 'queja', denuncia: 'reclamo', reporte: 'reclamo' };
const OPEN_STATES = ['nuevo', 'activo', 'en_proceso', 'en_espera', 'escalado'];
const PRIORITIES = ['baja', 'media', 'media', 'alta'];

const lower = (text: string) => text.toLocaleLowerCase('es');
const sentence = (text: string) => {
  const l = lower(text.trim());
  return l.charAt(0).toLocaleUpperCase('es') + l.slice(1);
};
const titled = (text: string) => lower(text.trim()).replace(/(^|[\s.(-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('es'));
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');

/** `01/01/2021` and `18:46:09` in Buenos Aires (UTC−3, no daylight saving since 2009) as an instant; null when either is missing. */
export function instant147(date: string, time: string): string | null {
  const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date.trim());
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  return new Date(`${d[3]}-${d[2]}-${d[1]}T${t[1]}:${t[2]}:${t[3]}-03:00`).toISOString();
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A contact built from one row of the sample: the source's address, gender and channel, an invented name. */
export function contactFrom(row: Contact147, index: number, empresa: string | null): Record<string, unknown> {
  const gender = GENDER[lower(row.genero)];
  const names = gender === 'femenino' ? WOMEN : gender === 'masculino' ? MEN : EITHER;
  const nombre = names[(index * 7) % names.length];
  const apellido = `${SURNAMES[(index * 11) % SURNAMES.length]} ${SURNAMES[(index * 17 + 5) % SURNAMES.length]}`;
  const street = row.domiclio_calle.trim();
  const contact: Record<string, unknown> = {
    nombre,
    apellido,
    tipo_documento: 'otro',
    documento: String(20_000_000 + ((index * 7_919_113) % 25_000_000)),
    ciudad: 'Buenos Aires',
    pais: 'Argentina',
    lista: 'Línea 147',
    tipificacion: titled(row.categoria),
    autoriza_datos: index % 3 !== 0,
  };
  if (gender) contact.genero = gender;
  if (row.domicilio_barrio.trim()) contact.region = titled(row.domicilio_barrio);
  if (street) contact.direccion = `${titled(street)} ${row.domicilio_altura.trim()}`.trim();
  if (PREFERRED_CHANNEL[row.canal]) contact.canal_preferido = PREFERRED_CHANNEL[row.canal];
  contact.origen = ORIGIN[row.canal] ?? 'otro';
  if (index % 5 !== 4) contact.email = `${plain(nombre)}.${plain(apellido.split(' ')[0])}${index}@example.com`;
  if (index % 4 !== 3) contact.movil = `+54 9 11 ${String(4000 + ((index * 373) % 6000)).padStart(4, '0')} ${String(1000 + ((index * 7_717) % 9000)).padStart(4, '0')}`;
  if (empresa) contact.empresa = empresa;
  return contact;
}

/** The case of the same row: what the citizen asked for, through which channel, and where it stands. */
export function caseFrom(row: Contact147, index: number, contacto: string): Record<string, unknown> {
  const received = instant147(row.fecha_ingreso, row.hora_ingreso);
  const closed = instant147(row.fecha_cierre_contacto, row.hora_cierre_contacto);
  const isClosed = lower(row.estado_del_contacto) === 'cerrado';
  const where = row.domicilio_barrio.trim() ? ` Barrio ${titled(row.domicilio_barrio)}, comuna ${row.domicilio_comuna.trim()}.` : '';
  const body: Record<string, unknown> = {
    tipo: CASE_TYPE[lower(row.tipo_prestacion)] ?? 'peticion',
    asunto: sentence(row.prestacion).slice(0, 255),
    estado: isClosed ? (index % 2 === 0 ? 'solucionado' : 'cerrado') : OPEN_STATES[index % OPEN_STATES.length],
    prioridad: lower(row.tipo_prestacion) === 'denuncia' ? 'alta' : PRIORITIES[index % PRIORITIES.length],
    canal: CASE_CHANNEL[row.canal] ?? 'web',
    contacto,
    tipificacion: titled(row.categoria),
    descripcion: `${sentence(row.categoria)} › ${sentence(row.subcategoria)}. Ingresó el ${row.fecha_ingreso} a las ${row.hora_ingreso} por ${row.canal}.${where}`,
  };
  if (body.estado === 'solucionado') body.solucion = `Atendido por el área responsable${closed ? ` el ${row.fecha_cierre_contacto}` : ''}; se informó al vecino por ${row.canal}.`;
  if (isClosed && closed) body.fecha_solucion = closed;
  else if (isClosed && received) body.fecha_solucion = received;
  return body;
}

const EMPRESAS = [
  {
    nombre: 'Transportes del Plata',
    razon_social: 'Transportes del Plata S.A.',
    nit: '30-71234567-1',
    tipo: 'cliente',
    industria: 'logistica',
    empleados: 420,
    ingresos_anuales: '1850000000.00',
    ciudad: 'Buenos Aires',
    pais: 'Argentina',
    telefono: '+54 11 4312 5500',
    email: 'contacto@transportesdelplata.example',
  },
  {
    nombre: 'Clínica San Telmo',
    razon_social: 'Clínica San Telmo S.R.L.',
    nit: '30-70987654-3',
    tipo: 'cliente',
    industria: 'salud',
    empleados: 260,
    ciudad: 'Buenos Aires',
    pais: 'Argentina',
    telefono: '+54 11 4361 2200',
  },
  { nombre: 'Cooperativa Eléctrica Norte', nit: '30-54321098-7', tipo: 'prospecto', industria: 'energia', empleados: 95, ciudad: 'Rosario', region: 'Santa Fe', pais: 'Argentina' },
  {
    nombre: 'Andina Telecomunicaciones',
    razon_social: 'Andina Telecomunicaciones S.A.S.',
    nit: '900123456-1',
    tipo: 'cliente',
    industria: 'telecomunicaciones',
    empleados: 1300,
    ingresos_anuales: '98000000000.00',
    ciudad: 'Bogotá',
    pais: 'Colombia',
    sitio_web: 'https://andina.example',
  },
  { nombre: 'Seguros La Estrella', nit: '30-50001234-9', tipo: 'aliado', industria: 'seguros', ciudad: 'Córdoba', pais: 'Argentina' },
  { nombre: 'Contact Center Sur', nit: '30-71555666-2', tipo: 'competidor', industria: 'servicios_financieros', ciudad: 'Mendoza', pais: 'Argentina' },
];

const PRODUCTOS = [
  {
    nombre: 'Licencia contact center',
    codigo: 'LIC-CC-01',
    categoria: 'software',
    tipo_pago: 'mensual',
    precio_unitario: '95000',
    impuesto: 19,
    listas_precios: [{ lista: 'Colombia COP', lugar: 'Colombia', moneda: 'COP', precio: '89900' }],
    rangos_cantidad: [
      { desde: 10, hasta: 49, descuento: 5 },
      { desde: 50, descuento: 8 },
    ],
  },
  { nombre: 'Diadema USB con cancelación de ruido', codigo: 'DIA-USB-02', categoria: 'accesorio', tipo_pago: 'unica_vez', precio_unitario: '185990.50', impuesto: 19, stock: 140, fabricante: 'Jabra' },
  { nombre: 'Minutos salientes (paquete 10.000)', codigo: 'MIN-10K', categoria: 'servicio', tipo_pago: 'bajo_demanda', precio_unitario: '420000', impuesto: 19 },
  { nombre: 'Implementación y capacitación', codigo: 'SRV-IMPL', categoria: 'servicio', tipo_pago: 'unica_vez', precio_unitario: '3500000', impuesto: 19, unidad_medida: 'proyecto' },
  { nombre: 'Grabación de llamadas (por puesto)', codigo: 'SUS-GRAB', categoria: 'suscripcion', tipo_pago: 'mensual', precio_unitario: '18000', impuesto: 19, activo: false },
];

/** Fifty-odd contacts and their cases from the sample; companies, products, opportunities in every phase, a quote with lines and activities around them. */
export async function seedDemoRecords(write: DemoWrite, today = new Date()): Promise<DemoCounts> {
  const counts: DemoCounts = {};
  const add = async (module: string, body: Record<string, unknown>) => {
    const id = await write(module, body);
    counts[module] = (counts[module] ?? 0) + 1;
    return id;
  };
  const inDays = (days: number) => isoDate(new Date(today.getTime() + days * 86_400_000));
  const at = (days: number, hour: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, hour + 3)).toISOString();

  const empresas: string[] = [];
  for (const empresa of EMPRESAS) empresas.push(await add('empresas', empresa));

  const contactos: string[] = [];
  const casos: string[] = [];
  for (const [index, row] of SAMPLE_147.entries()) {
    const contacto = await add('contactos', contactFrom(row, index, index % 3 === 0 ? empresas[(index / 3) % 4] : null));
    contactos.push(contacto);
    casos.push(await add('casos', caseFrom(row, index, contacto)));
  }

  const productos: string[] = [];
  for (const producto of PRODUCTOS) productos.push(await add('productos', producto));

  // [phase, days to the expected close, company, what is sold, phase details]
  const phases: [string, number, number, string, Record<string, unknown>][] = [
    ['prospeccion', 60, 0, 'renovación de licencias', { siguiente_paso: 'Primera llamada con el área de compras' }],
    ['calificacion', 45, 1, 'mesa de ayuda para turnos', { siguiente_paso: 'Relevar volumen de llamadas por turno' }],
    ['propuesta', 30, 3, 'ampliación a 23 puestos', { siguiente_paso: 'Enviar cotización de 23 puestos' }],
    ['negociacion', 15, 2, 'plan de minutos', { siguiente_paso: 'Revisar descuento por volumen' }],
    ['ganada', -10, 0, 'grabación de llamadas', {}],
    ['perdida', -20, 4, 'migración de centralita', { motivo_perdida: 'competencia', competidor: 'Contact Center Sur' }],
  ];
  const oportunidades: string[] = [];
  for (const [i, [fase, days, company, what, extra]] of phases.entries()) {
    oportunidades.push(
      await add('oportunidades', {
        nombre: `${EMPRESAS[company].nombre}: ${what}`,
        empresa: empresas[company],
        // Every third contact works for a company, in order: contact 3·c for company c.
        ...(company < 4 && { contacto: contactos[company * 3] }),
        tipo: i % 2 === 0 ? 'nuevo_negocio' : 'cliente_existente',
        origen: ['referido', 'web', 'campana', 'evento', 'llamada_entrante', 'web'][i],
        fase,
        monto: String(12_000_000 + i * 4_750_000),
        fecha_cierre: inDays(days),
        ...extra,
      }),
    );
  }

  const cotizacion = await add('cotizaciones', {
    asunto: 'Plan 23 puestos Bogotá',
    estado: 'enviada',
    lista_precios: 'Colombia COP',
    valida_hasta: inDays(30),
    empresa: empresas[3],
    contacto: contactos[9],
    oportunidad: oportunidades[2],
    lineas: [
      { producto: productos[0], cantidad: 23 },
      { producto: productos[1], cantidad: 23 },
      { producto: productos[3], cantidad: 1 },
    ],
    terminos: 'Precios en pesos colombianos, IVA incluido en cada línea. Validez 30 días.',
  });

  const actividades: Record<string, unknown>[] = [
    { tipo: 'llamada', asunto: 'Confirmar datos del reclamo', estado: 'completada', fecha_vencimiento: at(-2, 10), contacto: contactos[1], caso: casos[1] },
    { tipo: 'tarea', asunto: 'Derivar denuncia al área de tránsito', estado: 'pendiente', prioridad: 'alta', fecha_vencimiento: at(1, 9), caso: casos[2], contacto: contactos[2] },
    {
      tipo: 'reunion',
      asunto: 'Presentación de la propuesta',
      fecha_inicio: at(3, 15),
      fecha_fin: at(3, 16),
      ubicacion: 'Oficina Andina, Bogotá',
      empresa: empresas[3],
      oportunidad: oportunidades[2],
      cotizacion,
      participantes: [{ contacto: contactos[9] }, { nombre: 'Equipo comercial', email: 'ventas@example.com' }],
    },
    { tipo: 'nota', asunto: 'El cliente pide factura electrónica', descripcion: 'Enviar a facturacion@transportesdelplata.example', empresa: empresas[0] },
    { tipo: 'tarea', asunto: 'Preparar contrato de renovación', fecha_vencimiento: at(7, 12), oportunidad: oportunidades[0], recordatorio_activo: true, recordatorio: at(6, 9) },
    { tipo: 'llamada', asunto: 'Seguimiento de la cotización', fecha_vencimiento: at(5, 11), contacto: contactos[9], cotizacion, participantes: [{ contacto: contactos[9] }] },
  ];
  for (const actividad of actividades) await add('actividades', actividad);
  return counts;
}
