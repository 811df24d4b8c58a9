import type { FieldType } from '@crm/engine';

/**
 * The words the offline grammar knows, folded (lowercase, no accents). Spanish
 * and English side by side; the admin may mix both in one prompt.
 */

export const VERBS = {
  create: ['crea', 'crear', 'creame', 'cree', 'creen', 'genera', 'generame', 'arma', 'armar', 'armame', 'construye', 'construir', 'disena', 'disenar', 'create', 'build', 'generate', 'make', 'setup'],
  add: [
    'agrega', 'agregar', 'agregale', 'agregue', 'agreguen', 'agregame', 'anade', 'anadir', 'anadele', 'anada', 'adiciona', 'adicionar', 'adicione', 'incluye', 'incluir', 'incluya',
    'incluyele', 'pon', 'ponle', 'poner', 'ponga', 'mete', 'metele', 'suma', 'sumale', 'add', 'include', 'insert', 'append', 'put',
  ],
  remove: [
    'elimina', 'eliminar', 'elimine', 'eliminen', 'borra', 'borrar', 'borre', 'quita', 'quitar', 'quite', 'quitale', 'saca', 'sacar', 'saque', 'suprime', 'suprimir',
    'archiva', 'archivar', 'archive', 'remove', 'delete', 'drop', 'erase',
  ],
  restore: ['restaura', 'restaurar', 'restaure', 'recupera', 'recuperar', 'desarchiva', 'desarchivar', 'restore', 'unarchive', 'recover'],
  rename: ['renombra', 'renombrar', 'renombre', 'rename'],
  relate: ['relaciona', 'relacionar', 'relacione', 'vincula', 'vincular', 'vincule', 'asocia', 'asociar', 'asocie', 'conecta', 'conectar', 'enlaza', 'enlazar', 'relate', 'link', 'connect', 'associate'],
  change: ['cambia', 'cambiar', 'cambie', 'cambiale', 'convierte', 'convertir', 'convierta', 'pasa', 'pasar', 'modifica', 'modificar', 'modifique', 'change', 'convert', 'turn', 'switch', 'set'],
  /** Verbs that make a field required or optional ("haz obligatorio el teléfono"). */
  flag: ['haz', 'hacer', 'hazle', 'vuelve', 'volver', 'vuelvelo', 'deja', 'dejar', 'pon', 'poner', 'ponga', 'establece', 'define', 'configura', 'make', 'set', 'mark', 'turn'],
};

export const REQUIRED_WORDS = ['obligatorio', 'obligatoria', 'obligatorios', 'obligatorias', 'requerido', 'requerida', 'requeridos', 'requeridas', 'required', 'mandatory', 'obligatory', 'compulsory'];
export const OPTIONAL_WORDS = ['opcional', 'opcionales', 'optional'];
export const UNIQUE_WORDS = ['unico', 'unica', 'unicos', 'unicas', 'unique'];

/** Words that introduce the options of a picklist ("con opciones A, B y C"). */
export const OPTION_INTRO = [
  'con las opciones', 'con opciones', 'con los valores', 'con valores', 'opciones', 'valores', 'que puede ser', 'puede ser', 'tipo lista con', 'lista con', 'lista de', 'lista',
  'desplegable con', 'entre', 'with the options', 'with options', 'with values', 'options', 'values', 'one of', 'either', 'can be', 'dropdown with', 'list of', 'list with', 'list',
];

/** Explicit type words, longest first so "texto largo" wins over "texto". */
export const TYPE_WORDS: [string, FieldType][] = [
  ['texto largo', 'longText'], ['texto libre', 'longText'], ['area de texto', 'longText'], ['parrafo', 'longText'], ['multilinea', 'longText'], ['long text', 'longText'], ['textarea', 'longText'], ['paragraph', 'longText'], ['multiline', 'longText'],
  ['fecha y hora', 'datetime'], ['fecha hora', 'datetime'], ['date and time', 'datetime'], ['date time', 'datetime'], ['datetime', 'datetime'], ['timestamp', 'datetime'],
  ['seleccion multiple', 'multiSelect'], ['lista multiple', 'multiSelect'], ['opcion multiple', 'multiSelect'], ['varias opciones', 'multiSelect'], ['multiple choice', 'multiSelect'], ['multi select', 'multiSelect'], ['multi-select', 'multiSelect'], ['multiselect', 'multiSelect'], ['checkboxes', 'multiSelect'], ['casillas', 'multiSelect'],
  ['numero decimal', 'decimal'], ['decimal', 'decimal'], ['decimales', 'decimal'],
  ['numero entero', 'integer'], ['entero', 'integer'], ['integer', 'integer'], ['whole number', 'integer'], ['numero', 'integer'], ['numerico', 'integer'], ['numerica', 'integer'], ['number', 'integer'], ['numeric', 'integer'], ['cantidad', 'integer'],
  ['moneda', 'currency'], ['dinero', 'currency'], ['valor', 'currency'], ['monto', 'currency'], ['pesos', 'currency'], ['dolares', 'currency'], ['currency', 'currency'], ['money', 'currency'], ['amount', 'currency'], ['dollars', 'currency'], ['$', 'currency'],
  ['porcentaje', 'percent'], ['percentage', 'percent'], ['percent', 'percent'], ['%', 'percent'],
  ['fecha', 'date'], ['date', 'date'],
  ['si o no', 'boolean'], ['si / no', 'boolean'], ['si no', 'boolean'], ['yes or no', 'boolean'], ['yes / no', 'boolean'], ['yes no', 'boolean'], ['verdadero o falso', 'boolean'], ['true or false', 'boolean'],
  ['booleano', 'boolean'], ['boolean', 'boolean'], ['casilla', 'boolean'], ['checkbox', 'boolean'], ['check', 'boolean'], ['bool', 'boolean'],
  ['lista desplegable', 'select'], ['desplegable', 'select'], ['seleccion', 'select'], ['lista', 'select'], ['opciones', 'select'], ['dropdown', 'select'], ['picklist', 'select'], ['select', 'select'], ['list', 'select'], ['options', 'select'],
  ['correo electronico', 'email'], ['correo', 'email'], ['email', 'email'], ['e-mail', 'email'], ['mail', 'email'],
  ['telefono', 'phone'], ['celular', 'phone'], ['movil', 'phone'], ['phone', 'phone'], ['mobile', 'phone'],
  ['sitio web', 'url'], ['pagina web', 'url'], ['url', 'url'], ['enlace', 'url'], ['link', 'url'], ['website', 'url'], ['web', 'url'],
  ['usuario', 'user'], ['user', 'user'],
  ['archivo', 'file'], ['adjunto', 'file'], ['imagen', 'file'], ['foto', 'file'], ['file', 'file'], ['attachment', 'file'], ['image', 'file'], ['photo', 'file'],
  ['texto', 'text'], ['cadena', 'text'], ['text', 'text'], ['string', 'text'],
];

/**
 * Words in a field's name that tell its type ("fecha de compra" is a date). In
 * Spanish the head noun comes first, in English last; the grammar reads in that order.
 */
export const NAME_HINTS: Record<string, FieldType> = {
  fecha: 'date', date: 'date', cumpleanos: 'date', birthday: 'date', nacimiento: 'date', vencimiento: 'date', vence: 'date', expiry: 'date', expiration: 'date', deadline: 'date', dob: 'date',
  hora: 'datetime', timestamp: 'datetime',
  correo: 'email', email: 'email', 'e-mail': 'email', mail: 'email',
  telefono: 'phone', celular: 'phone', movil: 'phone', phone: 'phone', mobile: 'phone', cell: 'phone', cellphone: 'phone', whatsapp: 'phone', tel: 'phone', fax: 'phone',
  valor: 'currency', monto: 'currency', precio: 'currency', costo: 'currency', salario: 'currency', sueldo: 'currency', saldo: 'currency', deuda: 'currency', presupuesto: 'currency',
  tarifa: 'currency', cuota: 'currency', ingresos: 'currency', price: 'currency', amount: 'currency', cost: 'currency', value: 'currency', salary: 'currency', budget: 'currency',
  balance: 'currency', fee: 'currency', revenue: 'currency', income: 'currency', debt: 'currency',
  porcentaje: 'percent', percentage: 'percent', percent: 'percent', tasa: 'percent', rate: 'percent', descuento: 'percent', discount: 'percent', comision: 'percent', commission: 'percent',
  vigente: 'boolean', activo: 'boolean', activa: 'boolean', active: 'boolean', habilitado: 'boolean', habilitada: 'boolean', enabled: 'boolean',
  url: 'url', web: 'url', website: 'url', sitio: 'url', pagina: 'url', link: 'url', enlace: 'url', linkedin: 'url',
  descripcion: 'longText', observaciones: 'longText', observacion: 'longText', notas: 'longText', comentarios: 'longText', comentario: 'longText', detalle: 'longText', detalles: 'longText',
  resumen: 'longText', notes: 'longText', comments: 'longText', description: 'longText', details: 'longText', summary: 'longText', remarks: 'longText',
  cantidad: 'integer', edad: 'integer', stock: 'integer', unidades: 'integer', quantity: 'integer', age: 'integer', qty: 'integer', units: 'integer', ano: 'integer', anos: 'integer',
  year: 'integer', years: 'integer', kilometraje: 'integer', mileage: 'integer', hijos: 'integer', children: 'integer',
  peso: 'decimal', altura: 'decimal', estatura: 'decimal', weight: 'decimal', height: 'decimal',
  archivo: 'file', adjunto: 'file', adjuntos: 'file', foto: 'file', fotos: 'file', imagen: 'file', file: 'file', attachment: 'file', attachments: 'file', photo: 'file', picture: 'file',
  responsable: 'user', assignee: 'user',
};

/** "número de hijos" counts; "número de serie" identifies (text). */
export const COUNTABLE = ['hijos', 'personas', 'empleados', 'unidades', 'cuotas', 'dias', 'intentos', 'visitas', 'llamadas', 'habitaciones', 'productos', 'items', 'veces', 'meses', 'anos', 'horas', 'pasajeros', 'puertas', 'ejes'];

/** Words that join a name's parts; left out of keys ("fecha de compra" → fecha_compra). */
export const CONNECTORS = ['de', 'del', 'la', 'las', 'el', 'los', 'y', 'e', 'en', 'para', 'por', 'con', 'a', 'al', 'su', 'sus', 'of', 'the', 'an', 'for', 'to', 'in', 'on', 'and', 'its', 'their', 'his', 'her'];

/** Articles and fillers that may open a field's name. */
export const LEADING_FILLER = ['un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las', 'su', 'sus', 'otro', 'otra', 'nuevo', 'nueva', 'a', 'an', 'the', 'another', 'new', 'its', 'their', 'also', 'tambien', 'ademas'];

/** Politeness and lead-ins that carry no instruction. */
export const FILLER_PHRASES = [
  'por favor', 'porfa', 'porfis', 'hola', 'oye', 'buenas', 'buenos dias', 'gracias', 'please', 'pls', 'plz', 'hey', 'hi', 'hello', 'thanks', 'thank you', 'ok', 'okay', 'bueno', 'vale',
  'me puedes', 'puedes', 'podrias', 'podria', 'me ayudas a', 'ayudame a', 'quiero que', 'quisiera que', 'necesito que', 'me gustaria que', 'could you', 'can you', 'would you',
  'from now on', 'de ahora en adelante', 'a partir de ahora', 'desde ahora', 'as well', 'right now', 'por ahora',
  'i want you to', 'i need you to', "i'd like you to", 'id like you to', 'kindly', 'se requiere', 'se solicita', 'solicito', 'favor de', 'les pido', 'te pido', 'tambien', 'ademas', 'luego', 'despues', 'also', 'then', 'and then', 'y luego', 'y tambien',
];

/** Field-name words worth correcting ("telefno"); other name words are left as written. */
const CORRECTABLE_NAMES = ['fecha', 'telefono', 'correo', 'celular', 'direccion', 'numero', 'descripcion', 'observaciones', 'cantidad', 'precio', 'valor', 'monto', 'porcentaje', 'archivo', 'email', 'phone', 'number', 'amount', 'price', 'description'];

/**
 * The words the typo corrector may correct into: the grammar's own words and a few
 * common field names. Names in general are never corrected: "venue" is not "vence".
 */
export function knownWords(): Map<string, string> {
  const words = new Map<string, string>();
  const add = (phrase: string) => phrase.split(' ').forEach((w) => w.length >= 4 && /^[a-z-]+$/.test(w) && !words.has(w) && words.set(w, DISPLAY[w] ?? w));
  Object.values(VERBS).flat().forEach(add);
  [...REQUIRED_WORDS, ...OPTIONAL_WORDS, ...UNIQUE_WORDS, ...OPTION_INTRO, ...CORRECTABLE_NAMES].forEach(add);
  TYPE_WORDS.forEach(([w]) => add(w));
  ['please', 'campo', 'campos', 'field', 'fields', 'modulo', 'module', 'formulario', 'registrar', 'relacion', 'relacionado', 'relacionada', 'obligatorio', 'llamado', 'llamada', 'called', 'named', 'opcion', 'opciones', 'option'].forEach(add);
  return words;
}

/** Accented spellings of corrected words, so labels keep their accents. */
const DISPLAY: Record<string, string> = {
  telefono: 'teléfono', numero: 'número', modulo: 'módulo', movil: 'móvil', descripcion: 'descripción', observacion: 'observación', relacion: 'relación', vehiculo: 'vehículo',
  vehiculos: 'vehículos', electronico: 'electrónico', comision: 'comisión', cumpleanos: 'cumpleaños', opcion: 'opción', pagina: 'página', ano: 'año', anos: 'años', numerico: 'numérico',
};
