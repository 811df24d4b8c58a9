import { fold } from './span';

/**
 * A small CRM dictionary, Spanish → English, for the label in the language the
 * admin did not write. Unknown words stay as written (brands, acronyms, names).
 */
const ES_EN: Record<string, string> = {
  placa: 'plate',
  marca: 'brand',
  modelo: 'model',
  ano: 'year',
  anos: 'years',
  color: 'colour',
  fecha: 'date',
  vencimiento: 'expiry',
  compra: 'purchase',
  venta: 'sale',
  numero: 'number',
  serie: 'serial',
  vigente: 'valid',
  correo: 'email',
  electronico: 'electronic',
  cliente: 'customer',
  clientes: 'customers',
  telefono: 'phone',
  celular: 'mobile',
  movil: 'mobile',
  nombre: 'name',
  apellido: 'last name',
  direccion: 'address',
  ciudad: 'city',
  pais: 'country',
  estado: 'status',
  prioridad: 'priority',
  tipo: 'type',
  canal: 'channel',
  valor: 'value',
  monto: 'amount',
  precio: 'price',
  costo: 'cost',
  total: 'total',
  descripcion: 'description',
  observaciones: 'notes',
  notas: 'notes',
  comentarios: 'comments',
  edad: 'age',
  cantidad: 'quantity',
  activo: 'active',
  activa: 'active',
  garantia: 'warranty',
  garantias: 'warranties',
  vehiculo: 'vehicle',
  vehiculos: 'vehicles',
  contacto: 'contact',
  contactos: 'contacts',
  empresa: 'company',
  empresas: 'companies',
  producto: 'product',
  productos: 'products',
  caso: 'case',
  casos: 'cases',
  pedido: 'order',
  pedidos: 'orders',
  orden: 'order',
  ordenes: 'orders',
  servicio: 'service',
  servicios: 'services',
  proveedor: 'supplier',
  proveedores: 'suppliers',
  factura: 'invoice',
  facturas: 'invoices',
  pago: 'payment',
  pagos: 'payments',
  contrato: 'contract',
  contratos: 'contracts',
  poliza: 'policy',
  polizas: 'policies',
  reclamo: 'claim',
  reclamos: 'claims',
  visita: 'visit',
  visitas: 'visits',
  cita: 'appointment',
  citas: 'appointments',
  encuesta: 'survey',
  encuestas: 'surveys',
  empleado: 'employee',
  empleados: 'employees',
  inicio: 'start',
  fin: 'end',
  entrega: 'delivery',
  nacimiento: 'birth',
  documento: 'document',
  genero: 'gender',
  cargo: 'position',
  sede: 'branch',
  codigo: 'code',
  referencia: 'reference',
  categoria: 'category',
  motivo: 'reason',
  resultado: 'result',
  respuesta: 'answer',
  pregunta: 'question',
  archivo: 'file',
  adjunto: 'attachment',
  foto: 'photo',
  hora: 'time',
  alta: 'high',
  media: 'medium',
  baja: 'low',
  abierto: 'open',
  cerrado: 'closed',
  pendiente: 'pending',
  nuevo: 'new',
  nueva: 'new',
  si: 'yes',
  no: 'no',
  otro: 'other',
  otros: 'other',
  sitio: 'site',
  web: 'web',
  pagina: 'page',
  responsable: 'owner',
  asesor: 'adviser',
  agente: 'agent',
  salario: 'salary',
  saldo: 'balance',
  deuda: 'debt',
  descuento: 'discount',
  porcentaje: 'percentage',
  tasa: 'rate',
  peso: 'weight',
  altura: 'height',
  kilometraje: 'mileage',
  hijos: 'children',
  seguro: 'insurance',
  tiene: 'has',
  acepta: 'accepts',
  habilitado: 'enabled',
  tarea: 'task',
  tareas: 'tasks',
  proyecto: 'project',
  proyectos: 'projects',
  evento: 'event',
  eventos: 'events',
  curso: 'course',
  cursos: 'courses',
  estudiante: 'student',
  estudiantes: 'students',
  paciente: 'patient',
  pacientes: 'patients',
  mascota: 'pet',
  mascotas: 'pets',
  inmueble: 'property',
  inmuebles: 'properties',
  queja: 'complaint',
  quejas: 'complaints',
  ticket: 'ticket',
  tickets: 'tickets',
  solicitud: 'request',
  solicitudes: 'requests',
  registro: 'record',
  registros: 'records',
  devolucion: 'return',
  devoluciones: 'returns',
  envio: 'shipment',
  envios: 'shipments',
  sucursal: 'branch',
  sucursales: 'branches',
  usuario: 'user',
  soat: 'SOAT',
  whatsapp: 'WhatsApp',
  observacion: 'note',
  detalle: 'detail',
  resumen: 'summary',
  cumpleanos: 'birthday',
  dias: 'days',
  semanas: 'weeks',
  meses: 'months',
  puntaje: 'score',
  calificacion: 'rating',
};

const EN_ES: Record<string, string> = Object.fromEntries(Object.entries(ES_EN).map(([es, en]) => [en.toLowerCase(), es]));
Object.assign(EN_ES, { email: 'correo', plate: 'placa', make: 'marca', brand: 'marca', status: 'estado', notes: 'notas', name: 'nombre', serial: 'serie', valid: 'vigente', amount: 'monto' });

const SPANISH_LINKS = new Set(['de', 'del']);

/** Spanish → English: "fecha de vencimiento del SOAT" → "SOAT expiry date" (modifiers go first in English). */
export function toEnglish(text: string): string {
  return capitalize(englishWords(text.split(/\s+/).filter(Boolean)));
}

function englishWords(words: string[]): string {
  const link = words.findIndex((w, i) => i > 0 && SPANISH_LINKS.has(fold(w)));
  if (link < 0) return translateWords(words, ES_EN);
  const tail = words.slice(link + 1).filter((w) => !['la', 'el', 'los', 'las'].includes(fold(w)));
  return `${englishWords(tail)} ${translateWords(words.slice(0, link), ES_EN)}`.trim();
}

/** English → Spanish: "purchase date" → "Fecha de purchase" at worst, "Fecha de compra" when known. */
export function toSpanish(text: string): string {
  const words = text.split(/\s+/).filter((w) => w && !['of', 'the'].includes(w.toLowerCase()));
  if (words.length >= 2 && !text.toLowerCase().includes(' of ')) {
    const head = words[words.length - 1];
    return capitalize(`${translateWords([head], EN_ES)} de ${translateWords(words.slice(0, -1), EN_ES)}`);
  }
  return capitalize(translateWords(words, EN_ES));
}

/** Spanish words the dictionary holds folded, with their written accents. */
const ACCENTED: Record<string, string> = {
  ano: 'año',
  anos: 'años',
  numero: 'número',
  telefono: 'teléfono',
  vehiculo: 'vehículo',
  vehiculos: 'vehículos',
  garantia: 'garantía',
  garantias: 'garantías',
  direccion: 'dirección',
  descripcion: 'descripción',
  pais: 'país',
  electronico: 'electrónico',
  movil: 'móvil',
  categoria: 'categoría',
  codigo: 'código',
  genero: 'género',
  poliza: 'póliza',
  polizas: 'pólizas',
  ordenes: 'órdenes',
  devolucion: 'devolución',
  devoluciones: 'devoluciones',
  envio: 'envío',
  envios: 'envíos',
  calificacion: 'calificación',
  observacion: 'observación',
  dias: 'días',
  cumpleanos: 'cumpleaños',
  pagina: 'página',
  solicitud: 'solicitud',
  si: 'sí',
  comision: 'comisión',
};

function translateWords(words: string[], dictionary: Record<string, string>): string {
  return words
    .map((w) => {
      const raw = dictionary[fold(w)];
      const found = raw && dictionary === EN_ES ? (ACCENTED[raw] ?? raw) : raw;
      if (!found) return w;
      return w === w.toUpperCase() && w.length > 1 && found === found.toLowerCase() ? found.toUpperCase() : found;
    })
    .join(' ');
}

export function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
