/**
 * The offline assistant's test set: prompts as admins write them (Spanish and
 * English, new modules and edits, formal and casual, with typos), each with the
 * result a person would expect. A prompt is exactly right when the fields it
 * adds or changes, the fields it archives, the new module's key and whether
 * something was reported as not understood all match.
 */
export interface ExpectedField {
  key: string;
  type: string;
  required?: boolean;
  /** Keys of the active options, in order. */
  options?: string[];
  target?: string;
}

export interface PromptCase {
  id: string;
  lang: 'es' | 'en';
  prompt: string;
  /** Key of the fixture it changes: a stored module, or the draft `vehiculos`. None for a new module. */
  base?: string;
  expect: {
    module?: string;
    fields: ExpectedField[];
    archived?: string[];
    /** The prompt holds a part the assistant must report instead of acting on it. */
    notUnderstood?: boolean;
  };
}

const f = (key: string, type: string, extra: Omit<ExpectedField, 'key' | 'type'> = {}): ExpectedField => ({ key, type, ...extra });
const req = { required: true };

export const PROMPT_SET: PromptCase[] = [
  // New modules, Spanish.
  {
    id: 'n01',
    lang: 'es',
    prompt: 'Crea un módulo de Vehículos con placa (texto, obligatorio), marca (lista: Chevrolet, Renault, Mazda), año (número) y fecha de vencimiento del SOAT (fecha)',
    expect: { module: 'vehiculos', fields: [f('placa', 'text', req), f('marca', 'select', { options: ['chevrolet', 'renault', 'mazda'] }), f('ano', 'integer'), f('fecha_vencimiento_soat', 'date')] },
  },
  {
    id: 'n02',
    lang: 'es',
    prompt: 'Necesito registrar garantías: número de serie, fecha de compra, si está vigente y el correo del cliente',
    expect: { module: 'garantias', fields: [f('numero_serie', 'text'), f('fecha_compra', 'date'), f('vigente', 'boolean'), f('correo_cliente', 'email')] },
  },
  {
    id: 'n03',
    lang: 'es',
    prompt: 'Por favor créame un formulario de Proveedores con nombre (obligatorio), NIT, teléfono, correo electrónico y sitio web',
    expect: { module: 'proveedores', fields: [f('nombre', 'text', req), f('nit', 'text'), f('telefono', 'phone'), f('correo_electronico', 'email'), f('sitio_web', 'url')] },
  },
  {
    id: 'n04',
    lang: 'es',
    prompt: 'hola, quiero un modulo para pedidos con numero de pedido, fecha del pedido, valor total y estado con opciones pendiente, enviado y entregado',
    expect: {
      module: 'pedidos',
      fields: [f('numero_pedido', 'text'), f('fecha_pedido', 'date'), f('valor_total', 'currency'), f('estado', 'select', { options: ['pendiente', 'enviado', 'entregado'] })],
    },
  },
  {
    id: 'n05',
    lang: 'es',
    prompt: 'Crea un modlo de Mascotas con nombre (obligatorio), especie (lista: perro, gato, otro), edad (numero) y fecha de nacimiento',
    expect: { module: 'mascotas', fields: [f('nombre', 'text', req), f('especie', 'select', { options: ['perro', 'gato', 'otro'] }), f('edad', 'integer'), f('fecha_nacimiento', 'date')] },
  },
  {
    id: 'n06',
    lang: 'es',
    prompt: 'Necesito llevar el control de visitas técnicas: cliente (relación con contactos), fecha y hora de la visita, técnico responsable, observaciones y si se resolvió el problema',
    expect: {
      module: 'visitas_tecnicas',
      fields: [
        f('cliente', 'lookup', { target: 'contactos' }),
        f('fecha_hora_visita', 'datetime'),
        f('tecnico_responsable', 'user'),
        f('observaciones', 'longText'),
        f('resolvio_problema', 'boolean'),
      ],
    },
  },
  {
    id: 'n07',
    lang: 'es',
    prompt: 'Crea el módulo Reclamaciones con: número de radicado (obligatorio), fecha de recepción, canal (lista: teléfono, correo, presencial), monto reclamado y descripción',
    expect: {
      module: 'reclamaciones',
      fields: [
        f('numero_radicado', 'text', req),
        f('fecha_recepcion', 'date'),
        f('canal', 'select', { options: ['telefono', 'correo', 'presencial'] }),
        f('monto_reclamado', 'currency'),
        f('descripcion', 'longText'),
      ],
    },
  },
  {
    id: 'n08',
    lang: 'es',
    prompt: 'quiero registrar las citas médicas con paciente (relación con contactos), fecha y hora, especialidad (opciones: medicina general, pediatría, odontología) y valor de la consulta',
    expect: {
      module: 'citas_medicas',
      fields: [
        f('paciente', 'lookup', { target: 'contactos' }),
        f('fecha_hora', 'datetime'),
        f('especialidad', 'select', { options: ['medicina_general', 'pediatria', 'odontologia'] }),
        f('valor_consulta', 'currency'),
      ],
    },
  },
  {
    id: 'n09',
    lang: 'es',
    prompt: 'Genera un módulo de Contratos con número de contrato obligatorio, fecha de inicio, fecha de fin, valor mensual en dólares y porcentaje de descuento',
    expect: {
      module: 'contratos',
      fields: [f('numero_contrato', 'text', req), f('fecha_inicio', 'date'), f('fecha_fin', 'date'), f('valor_mensual', 'currency'), f('porcentaje_descuento', 'percent')],
    },
  },
  {
    id: 'n10',
    lang: 'es',
    prompt: 'Arma un formulario de encuestas de satisfacción: calificación (número), ¿recomendaría el servicio? (sí o no), comentarios y fecha',
    expect: { module: 'encuestas_satisfaccion', fields: [f('calificacion', 'integer'), f('recomendaria_servicio', 'boolean'), f('comentarios', 'longText'), f('fecha', 'date')] },
  },
  {
    id: 'n11',
    lang: 'es',
    prompt: 'necesito un modulo d inmuebles con direccion, ciudad, precio, numero de habitaciones y si tiene parqueadero',
    expect: { module: 'inmuebles', fields: [f('direccion', 'text'), f('ciudad', 'text'), f('precio', 'currency'), f('numero_habitaciones', 'integer'), f('tiene_parqueadero', 'boolean')] },
  },
  {
    id: 'n12',
    lang: 'es',
    prompt:
      'Crear módulo Capacitaciones con los siguientes campos: nombre del curso (obligatorio), instructor, fecha, duración en horas (número), modalidad (lista: presencial, virtual) y certificado (archivo)',
    expect: {
      module: 'capacitaciones',
      fields: [
        f('nombre_curso', 'text', req),
        f('instructor', 'text'),
        f('fecha', 'date'),
        f('duracion_horas', 'integer'),
        f('modalidad', 'select', { options: ['presencial', 'virtual'] }),
        f('certificado', 'file'),
      ],
    },
  },
  {
    id: 'n13',
    lang: 'es',
    prompt:
      'Quiero gestionar devoluciones con producto (relación con productos), motivo (opciones: defectuoso, talla incorrecta, no le gustó), fecha de devolución, monto a reembolsar y aprobada (sí/no)',
    expect: {
      module: 'devoluciones',
      fields: [
        f('producto', 'lookup', { target: 'productos' }),
        f('motivo', 'select', { options: ['defectuoso', 'talla_incorrecta', 'no_le_gusto'] }),
        f('fecha_devolucion', 'date'),
        f('monto_reembolsar', 'currency'),
        f('aprobada', 'boolean'),
      ],
    },
  },
  {
    id: 'n14',
    lang: 'es',
    prompt: 'Crea un módulo de Eventos con nombre, fecha, lugar y cupo máximo (número), y que se vea moderno con colores',
    expect: { module: 'eventos', fields: [f('nombre', 'text'), f('fecha', 'date'), f('lugar', 'text'), f('cupo_maximo', 'integer')], notUnderstood: true },
  },
  // New modules, English.
  {
    id: 'n15',
    lang: 'en',
    prompt: 'Create a Vehicles module with plate (text, required), make (list: Chevrolet, Renault, Mazda), year (number) and SOAT expiry date (date)',
    expect: { module: 'vehicles', fields: [f('plate', 'text', req), f('make', 'select', { options: ['chevrolet', 'renault', 'mazda'] }), f('year', 'integer'), f('soat_expiry_date', 'date')] },
  },
  {
    id: 'n16',
    lang: 'en',
    prompt: "I need to track warranties: serial number, purchase date, whether it is still valid and the customer's email",
    expect: { module: 'warranties', fields: [f('serial_number', 'text'), f('purchase_date', 'date'), f('valid', 'boolean'), f('customer_email', 'email')] },
  },
  {
    id: 'n17',
    lang: 'en',
    prompt: 'Please build a Suppliers form with name (required), tax id, phone, email and website',
    expect: { module: 'suppliers', fields: [f('name', 'text', req), f('tax_id', 'text'), f('phone', 'phone'), f('email', 'email'), f('website', 'url')] },
  },
  {
    id: 'n18',
    lang: 'en',
    prompt: 'create a module called Orders with order number, order date, total amount and status with options pending, shipped and delivered',
    expect: { module: 'orders', fields: [f('order_number', 'text'), f('order_date', 'date'), f('total_amount', 'currency'), f('status', 'select', { options: ['pending', 'shipped', 'delivered'] })] },
  },
  {
    id: 'n19',
    lang: 'en',
    prompt: 'new module for Pets: name (required), species (dropdown: dog, cat, other), age (number), date of birth',
    expect: { module: 'pets', fields: [f('name', 'text', req), f('species', 'select', { options: ['dog', 'cat', 'other'] }), f('age', 'integer'), f('date_birth', 'date')] },
  },
  {
    id: 'n20',
    lang: 'en',
    prompt: 'We need to keep track of technical visits with customer (lookup to contacts), visit date and time (datetime), assigned technician, notes and whether the issue was solved',
    expect: {
      module: 'technical_visits',
      fields: [f('customer', 'lookup', { target: 'contactos' }), f('visit_date_time', 'datetime'), f('assigned_technician', 'text'), f('notes', 'longText'), f('issue_solved', 'boolean')],
    },
  },
  {
    id: 'n21',
    lang: 'en',
    prompt: 'Creat a modul for Complaints with customer name (requird), complaint date, channel (options: phone, email, store) and amount claimed',
    expect: {
      module: 'complaints',
      fields: [f('customer_name', 'text', req), f('complaint_date', 'date'), f('channel', 'select', { options: ['phone', 'email', 'store'] }), f('amount_claimed', 'currency')],
    },
  },
  {
    id: 'n22',
    lang: 'en',
    prompt: 'Make a Training module with the following fields: course name (required), instructor, date, duration in hours (number), mode (list: in person, online) and certificate (file)',
    expect: {
      module: 'training',
      fields: [
        f('course_name', 'text', req),
        f('instructor', 'text'),
        f('date', 'date'),
        f('duration_hours', 'integer'),
        f('mode', 'select', { options: ['in_person', 'online'] }),
        f('certificate', 'file'),
      ],
    },
  },
  {
    id: 'n23',
    lang: 'en',
    prompt: 'Create an Events module with name, date, venue and max capacity (number), and make it look nice',
    expect: { module: 'events', fields: [f('name', 'text'), f('date', 'date'), f('venue', 'text'), f('max_capacity', 'integer')], notUnderstood: true },
  },
  {
    id: 'n24',
    lang: 'en',
    prompt: 'I want to register insurance policies with policy number (required, unique), start date, end date, premium amount in USD and active (yes/no)',
    expect: { module: 'insurance_policies', fields: [f('policy_number', 'text', req), f('start_date', 'date'), f('end_date', 'date'), f('premium_amount', 'currency'), f('active', 'boolean')] },
  },
  // Edits, Spanish (module clientes unless said).
  {
    id: 'e01',
    lang: 'es',
    base: 'clientes',
    prompt: 'agrega un campo obligatorio Canal con opciones WhatsApp, Teléfono y Correo',
    expect: { fields: [f('canal', 'select', { required: true, options: ['whatsapp', 'telefono', 'correo'] })] },
  },
  { id: 'e02', lang: 'es', base: 'clientes', prompt: 'elimina el campo observaciones', expect: { fields: [], archived: ['observaciones'] } },
  { id: 'e03', lang: 'es', base: 'clientes', prompt: 'haz obligatorio el teléfono', expect: { fields: [f('telefono', 'phone', req)] } },
  { id: 'e04', lang: 'es', base: 'clientes', prompt: 'cambia edad a número', expect: { fields: [f('edad', 'integer')] } },
  { id: 'e05', lang: 'es', base: 'garantias', prompt: 'relaciona cada garantía con un contacto', expect: { fields: [f('contacto', 'lookup', { target: 'contactos' })] } },
  { id: 'e06', lang: 'es', base: 'clientes', prompt: 'Agregue por favor los campos profesión y fecha de cumpleaños', expect: { fields: [f('profesion', 'text'), f('fecha_cumpleanos', 'date')] } },
  { id: 'e07', lang: 'es', base: 'clientes', prompt: 'quita el correo y la ciudad', expect: { fields: [], archived: ['correo', 'ciudad'] } },
  { id: 'e08', lang: 'es', base: 'clientes', prompt: 'el nombre ya no debe ser obligatorio', expect: { fields: [f('nombre', 'text')] } },
  {
    id: 'e09',
    lang: 'es',
    base: 'clientes',
    prompt: 'ponle una lista de Segmento con opciones Oro, Plata, Bronce',
    expect: { fields: [f('segmento', 'select', { options: ['oro', 'plata', 'bronce'] })] },
  },
  {
    id: 'e10',
    lang: 'es',
    base: 'clientes',
    prompt: 'cambia el tipo de ciudad a lista con opciones Bogotá, Medellín y Cali',
    expect: { fields: [f('ciudad', 'select', { options: ['bogota', 'medellin', 'cali'] })] },
  },
  { id: 'e11', lang: 'es', base: 'clientes', prompt: 'renombra el campo estado a Situación', expect: { fields: [f('estado', 'select', { options: ['activo', 'inactivo'] })] } },
  { id: 'e12', lang: 'es', base: 'clientes', prompt: 'agrega la opción Suspendido al campo estado', expect: { fields: [f('estado', 'select', { options: ['activo', 'inactivo', 'suspendido'] })] } },
  { id: 'e13', lang: 'es', base: 'clientes', prompt: 'haz que el correo sea obligatorio y elimina la edad', expect: { fields: [f('correo', 'email', req)], archived: ['edad'] } },
  {
    id: 'e14',
    lang: 'es',
    base: 'clientes',
    prompt: 'agrega número de hijos, salario y fecha de ingreso',
    expect: { fields: [f('numero_hijos', 'integer'), f('salario', 'currency'), f('fecha_ingreso', 'date')] },
  },
  { id: 'e15', lang: 'es', base: 'clientes', prompt: 'agrga un campo telefno celular obligatorio', expect: { fields: [f('telefono_celular', 'phone', req)] } },
  { id: 'e16', lang: 'es', base: 'clientes', prompt: 'restaura el campo notas antiguas', expect: { fields: [f('notas_antiguas', 'longText')] } },
  {
    id: 'e17',
    lang: 'es',
    base: 'clientes',
    prompt: 'Necesito que el estado tenga también la opción Moroso',
    expect: { fields: [f('estado', 'select', { options: ['activo', 'inactivo', 'moroso'] })] },
  },
  {
    id: 'e18',
    lang: 'es',
    base: 'clientes',
    prompt: 'Quiero que la ciudad sea una lista: Bogotá, Cali, Barranquilla',
    expect: { fields: [f('ciudad', 'select', { options: ['bogota', 'cali', 'barranquilla'] })] },
  },
  { id: 'e19', lang: 'es', base: 'clientes', prompt: 'borra edad, ciudad y fecha de registro', expect: { fields: [], archived: ['edad', 'ciudad', 'fecha_registro'] } },
  {
    id: 'e20',
    lang: 'es',
    base: 'clientes',
    prompt: 'agrega un campo de texto llamado Referencia y una casilla Acepta términos',
    expect: { fields: [f('referencia', 'text'), f('acepta_terminos', 'boolean')] },
  },
  { id: 'e21', lang: 'es', base: 'clientes', prompt: 'Relaciona los clientes con empresas', expect: { fields: [f('empresa', 'lookup', { target: 'empresas' })] } },
  { id: 'e22', lang: 'es', base: 'clientes', prompt: 'haz opcional el nombre y obligatoria la ciudad', expect: { fields: [f('nombre', 'text'), f('ciudad', 'text', req)] } },
  { id: 'e41', lang: 'es', base: 'clientes', prompt: 'Se requiere agregar el campo Fecha de última compra, de carácter obligatorio.', expect: { fields: [f('fecha_ultima_compra', 'date', req)] } },
  {
    id: 'e43',
    lang: 'es',
    base: 'clientes',
    prompt: 'agrega el valor de la deuda y la fecha de pago; además que el sistema mande correos automáticos',
    expect: { fields: [f('valor_deuda', 'currency'), f('fecha_pago', 'date')], notUnderstood: true },
  },
  { id: 'd01', lang: 'es', base: 'vehiculos', prompt: 'agrega color y kilometraje, y quita el año', expect: { fields: [f('color', 'text'), f('kilometraje', 'integer')], archived: ['ano'] } },
  {
    id: 'd02',
    lang: 'es',
    base: 'vehiculos',
    prompt: 'agrega la opción Mazda a la marca y haz obligatoria la marca',
    expect: { fields: [f('marca', 'select', { required: true, options: ['chevrolet', 'renault', 'mazda'] })] },
  },
  // Edits, English (module customers unless said).
  {
    id: 'e23',
    lang: 'en',
    base: 'customers',
    prompt: 'add a required Channel field with options WhatsApp, Phone and Email',
    expect: { fields: [f('channel', 'select', { required: true, options: ['whatsapp', 'phone', 'email'] })] },
  },
  { id: 'e24', lang: 'en', base: 'customers', prompt: 'remove the notes field', expect: { fields: [], archived: ['notes'] } },
  { id: 'e25', lang: 'en', base: 'customers', prompt: 'make phone required', expect: { fields: [f('phone', 'phone', req)] } },
  { id: 'e26', lang: 'en', base: 'customers', prompt: 'change age to number', expect: { fields: [f('age', 'integer')] } },
  { id: 'e27', lang: 'en', base: 'warranties', prompt: 'link each warranty to a contact', expect: { fields: [f('contact', 'lookup', { target: 'contactos' })] } },
  { id: 'e28', lang: 'en', base: 'customers', prompt: 'please add birthday and number of children', expect: { fields: [f('birthday', 'date'), f('number_children', 'integer')] } },
  { id: 'e29', lang: 'en', base: 'customers', prompt: 'delete city and signup date', expect: { fields: [], archived: ['city', 'signup_date'] } },
  { id: 'e30', lang: 'en', base: 'customers', prompt: 'name should not be required anymore', expect: { fields: [f('name', 'text')] } },
  {
    id: 'e31',
    lang: 'en',
    base: 'customers',
    prompt: 'add a dropdown Segment with options Gold, Silver, Bronze',
    expect: { fields: [f('segment', 'select', { options: ['gold', 'silver', 'bronze'] })] },
  },
  {
    id: 'e32',
    lang: 'en',
    base: 'customers',
    prompt: 'change the type of city to a list with options Bogota, Medellin and Cali',
    expect: { fields: [f('city', 'select', { options: ['bogota', 'medellin', 'cali'] })] },
  },
  { id: 'e33', lang: 'en', base: 'customers', prompt: 'rename status to Customer status', expect: { fields: [f('status', 'select', { options: ['active', 'inactive'] })] } },
  { id: 'e34', lang: 'en', base: 'customers', prompt: 'add the option Suspended to the status field', expect: { fields: [f('status', 'select', { options: ['active', 'inactive', 'suspended'] })] } },
  { id: 'e35', lang: 'en', base: 'customers', prompt: 'plese add a requierd field Mobile phone', expect: { fields: [f('mobile_phone', 'phone', req)] } },
  { id: 'e36', lang: 'en', base: 'customers', prompt: 'restore the old notes field', expect: { fields: [f('old_notes', 'longText')] } },
  { id: 'e37', lang: 'en', base: 'customers', prompt: 'make email and city mandatory', expect: { fields: [f('email', 'email', req), f('city', 'text', req)] } },
  {
    id: 'e38',
    lang: 'en',
    base: 'customers',
    prompt: 'relate customers to companies and add a VIP (yes/no) field',
    expect: { fields: [f('company', 'lookup', { target: 'empresas' }), f('vip', 'boolean')] },
  },
  { id: 'e39', lang: 'en', base: 'customers', prompt: 'the age should be a number', expect: { fields: [f('age', 'integer')] } },
  {
    id: 'e40',
    lang: 'en',
    base: 'customers',
    prompt: 'add priority (high, medium, low) and due date, and remove notes. Also make the whole thing pretty',
    expect: { fields: [f('priority', 'select', { options: ['high', 'medium', 'low'] }), f('due_date', 'date')], archived: ['notes'], notUnderstood: true },
  },
  { id: 'e42', lang: 'en', base: 'customers', prompt: 'Kindly add a mandatory field named Contract end date of type date', expect: { fields: [f('contract_end_date', 'date', req)] } },
  { id: 'e44', lang: 'en', base: 'customers', prompt: "we don't need the age field anymore, and the phone should be optional", expect: { fields: [], archived: ['age'] } },
];
