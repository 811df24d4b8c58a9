import type { ExpectedField, PromptCase } from './prompt-set';

/**
 * Prompts written after the parser was tuned on PROMPT_SET and scored without
 * changing the parser for them: a fairer view of how it does on wording it has
 * not seen. Same fixtures and rules as the main set.
 */
const f = (key: string, type: string, extra: Omit<ExpectedField, 'key' | 'type'> = {}): ExpectedField => ({ key, type, ...extra });
const req = { required: true };

export const HOLDOUT_SET: PromptCase[] = [
  {
    id: 'h01',
    lang: 'es',
    prompt: 'Crea un módulo de Sucursales con nombre (obligatorio), dirección, ciudad, teléfono y correo del administrador',
    expect: { module: 'sucursales', fields: [f('nombre', 'text', req), f('direccion', 'text'), f('ciudad', 'text'), f('telefono', 'phone'), f('correo_administrador', 'email')] },
  },
  {
    id: 'h02',
    lang: 'es',
    prompt: 'necesito registrar solicitudes de crédito: monto solicitado, plazo en meses (número), fecha de solicitud, estado (opciones: radicada, aprobada, rechazada) y si tiene codeudor',
    expect: {
      module: 'solicitudes_credito',
      fields: [
        f('monto_solicitado', 'currency'),
        f('plazo_meses', 'integer'),
        f('fecha_solicitud', 'date'),
        f('estado', 'select', { options: ['radicada', 'aprobada', 'rechazada'] }),
        f('tiene_codeudor', 'boolean'),
      ],
    },
  },
  {
    id: 'h03',
    lang: 'es',
    prompt: 'Quiero un formulario de Tickets con asunto obligatorio, prioridad (alta, media, baja), descripción y adjunto (archivo)',
    expect: { module: 'tickets', fields: [f('asunto', 'text', req), f('prioridad', 'select', { options: ['alta', 'media', 'baja'] }), f('descripcion', 'longText'), f('adjunto', 'file')] },
  },
  {
    id: 'h04',
    lang: 'es',
    prompt: 'crea modulo empleados con cedula, nombre completo, cargo, salario, fecha de ingreso y correo corporativo',
    expect: {
      module: 'empleados',
      fields: [f('cedula', 'text'), f('nombre_completo', 'text'), f('cargo', 'text'), f('salario', 'currency'), f('fecha_ingreso', 'date'), f('correo_corporativo', 'email')],
    },
  },
  {
    id: 'h05',
    lang: 'en',
    prompt: 'Create a Branches module with name (required), address, city, phone number and manager email',
    expect: { module: 'branches', fields: [f('name', 'text', req), f('address', 'text'), f('city', 'text'), f('phone_number', 'phone'), f('manager_email', 'email')] },
  },
  {
    id: 'h06',
    lang: 'en',
    prompt: 'I need to track loan requests: requested amount, term in months (number), request date, status (options: filed, approved, rejected) and whether it has a co-signer',
    expect: {
      module: 'loan_requests',
      fields: [
        f('requested_amount', 'currency'),
        f('term_months', 'integer'),
        f('request_date', 'date'),
        f('status', 'select', { options: ['filed', 'approved', 'rejected'] }),
        f('has_co_signer', 'boolean'),
      ],
    },
  },
  {
    id: 'h07',
    lang: 'en',
    prompt: 'build me a Tickets form with a required subject, priority (high, medium, low), description and attachment (file)',
    expect: { module: 'tickets', fields: [f('subject', 'text', req), f('priority', 'select', { options: ['high', 'medium', 'low'] }), f('description', 'longText'), f('attachment', 'file')] },
  },
  {
    id: 'h08',
    lang: 'en',
    prompt: 'Create module Employees with national id, full name, job title, salary, start date and work email',
    expect: { module: 'employees', fields: [f('national_id', 'text'), f('full_name', 'text'), f('job_title', 'text'), f('salary', 'currency'), f('start_date', 'date'), f('work_email', 'email')] },
  },
  { id: 'h09', lang: 'es', base: 'clientes', prompt: 'agrega el campo Fecha de nacimiento', expect: { fields: [f('fecha_nacimiento', 'date')] } },
  { id: 'h10', lang: 'es', base: 'clientes', prompt: 'ya no necesitamos la ciudad', expect: { fields: [], archived: ['ciudad'] } },
  { id: 'h11', lang: 'es', base: 'clientes', prompt: 'el correo debe ser obligatorio', expect: { fields: [f('correo', 'email', req)] } },
  { id: 'h12', lang: 'es', base: 'clientes', prompt: 'convierte la edad en un número entero', expect: { fields: [f('edad', 'integer')] } },
  {
    id: 'h13',
    lang: 'es',
    base: 'clientes',
    prompt: 'añade un campo Género con opciones masculino, femenino y otro',
    expect: { fields: [f('genero', 'select', { options: ['masculino', 'femenino', 'otro'] })] },
  },
  { id: 'h14', lang: 'es', base: 'clientes', prompt: 'vincula los clientes con una empresa y agrega el NIT', expect: { fields: [f('empresa', 'lookup', { target: 'empresas' }), f('nit', 'text')] } },
  { id: 'h15', lang: 'es', base: 'clientes', prompt: 'quita la opción inactivo del estado', expect: { fields: [f('estado', 'select', { options: ['activo'] })] } },
  { id: 'h16', lang: 'es', base: 'clientes', prompt: 'Agrega monto de la deuda (obligatorio) y días de mora', expect: { fields: [f('monto_deuda', 'currency', req), f('dias_mora', 'text')] } },
  { id: 'h17', lang: 'en', base: 'customers', prompt: 'add a Date of birth field', expect: { fields: [f('date_birth', 'date')] } },
  { id: 'h18', lang: 'en', base: 'customers', prompt: "we don't use city anymore", expect: { fields: [], archived: ['city'] } },
  { id: 'h19', lang: 'en', base: 'customers', prompt: 'email must be required', expect: { fields: [f('email', 'email', req)] } },
  { id: 'h20', lang: 'en', base: 'customers', prompt: 'convert age into a whole number', expect: { fields: [f('age', 'integer')] } },
  { id: 'h21', lang: 'en', base: 'customers', prompt: 'add a Gender field with options male, female and other', expect: { fields: [f('gender', 'select', { options: ['male', 'female', 'other'] })] } },
  {
    id: 'h22',
    lang: 'en',
    base: 'customers',
    prompt: 'connect customers with a company and add the tax id',
    expect: { fields: [f('company', 'lookup', { target: 'empresas' }), f('tax_id', 'text')] },
  },
  { id: 'h23', lang: 'en', base: 'customers', prompt: 'remove the option inactive from status', expect: { fields: [f('status', 'select', { options: ['active'] })] } },
  {
    id: 'h24',
    lang: 'en',
    base: 'customers',
    prompt: 'Add debt amount (required) and days overdue, and send an email to the boss',
    expect: { fields: [f('debt_amount', 'currency', req), f('days_overdue', 'text')], notUnderstood: true },
  },
  // Second batch, written after the first one was scored and its bugs fixed.
  {
    id: 'h25',
    lang: 'es',
    prompt: 'Diseña un módulo llamado Cotizaciones Express con cliente (relación con contactos), total (moneda) y vigencia en días (número)',
    expect: { module: 'cotizaciones_express', fields: [f('cliente', 'lookup', { target: 'contactos' }), f('total', 'currency'), f('vigencia_dias', 'integer')] },
  },
  {
    id: 'h26',
    lang: 'es',
    prompt: 'módulo de Reservas: fecha de llegada, fecha de salida, número de huéspedes y tipo de habitación (sencilla, doble, suite)',
    expect: {
      module: 'reservas',
      fields: [f('fecha_llegada', 'date'), f('fecha_salida', 'date'), f('numero_huespedes', 'integer'), f('tipo_habitacion', 'select', { options: ['sencilla', 'doble', 'suite'] })],
    },
  },
  {
    id: 'h27',
    lang: 'en',
    prompt: 'Set up a Leads form: first name, last name, email (required), phone, source (options: web, referral, event)',
    expect: {
      module: 'leads',
      fields: [f('first_name', 'text'), f('last_name', 'text'), f('email', 'email', req), f('phone', 'phone'), f('source', 'select', { options: ['web', 'referral', 'event'] })],
    },
  },
  {
    id: 'h28',
    lang: 'en',
    prompt: "I'd like a module to manage Vendors with company name, contact email, and payment terms (list: monthly, quarterly)",
    expect: { module: 'vendors', fields: [f('company_name', 'text'), f('contact_email', 'email'), f('payment_terms', 'select', { options: ['monthly', 'quarterly'] })] },
  },
  { id: 'h29', lang: 'es', base: 'clientes', prompt: 'pon el campo ciudad como obligatorio', expect: { fields: [f('ciudad', 'text', req)] } },
  { id: 'h30', lang: 'es', base: 'clientes', prompt: 'la edad debería ser numérica', expect: { fields: [f('edad', 'integer')] } },
  {
    id: 'h31',
    lang: 'es',
    base: 'clientes',
    prompt: 'agrégale un desplegable Tipo de cliente con Persona y Empresa',
    expect: { fields: [f('tipo_cliente', 'select', { options: ['persona', 'empresa'] })] },
  },
  { id: 'h32', lang: 'en', base: 'customers', prompt: 'make name optional', expect: { fields: [f('name', 'text')] } },
  { id: 'h33', lang: 'en', base: 'customers', prompt: 'phone should be mandatory from now on', expect: { fields: [f('phone', 'phone', req)] } },
  { id: 'h34', lang: 'en', base: 'customers', prompt: 'add two fields: Nickname and Favorite color', expect: { fields: [f('nickname', 'text'), f('favorite_color', 'text')] } },
  { id: 'h35', lang: 'es', base: 'clientes', prompt: 'elimina los campos edad y observaciones', expect: { fields: [], archived: ['edad', 'observaciones'] } },
  { id: 'h36', lang: 'en', base: 'customers', prompt: 'get rid of the signup date', expect: { fields: [], archived: ['signup_date'] } },
];
