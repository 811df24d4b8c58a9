import type { LocalizedText } from '../definition/module-definition.types';
import type { Issue } from './issue.types';

/** A param in both languages (a date format, a field's label) fills each language's text with its own. */
type Params = Record<string, string | number | LocalizedText>;

/**
 * Every issue code the engine emits, with its text in Spanish and English.
 * `{name}` placeholders are filled from the issue's params.
 */
const MESSAGES: Record<string, LocalizedText> = {
  // records
  required: { es: 'El campo es obligatorio.', en: 'This field is required.' },
  type: { es: 'El valor debe ser de tipo {expected}.', en: 'The value must be of type {expected}.' },
  unknownField: { es: 'El campo «{field}» no existe en este módulo.', en: 'Field "{field}" does not exist in this module.' },
  archivedField: { es: 'El campo «{field}» está archivado y no admite valores.', en: 'Field "{field}" is archived and takes no values.' },
  readOnly: { es: 'El campo es de solo lectura.', en: 'This field is read-only.' },
  maxLength: { es: 'Máximo {limit} caracteres.', en: 'At most {limit} characters.' },
  minimum: { es: 'El valor mínimo es {limit}.', en: 'The minimum value is {limit}.' },
  maximum: { es: 'El valor máximo es {limit}.', en: 'The maximum value is {limit}.' },
  maxItems: { es: 'Máximo {limit} elementos.', en: 'At most {limit} items.' },
  uniqueItems: { es: 'Hay valores repetidos.', en: 'Values are repeated.' },
  pattern: { es: 'El formato no es válido.', en: 'The format is not valid.' },
  scale: { es: 'Máximo {scale} decimales.', en: 'At most {scale} decimal places.' },
  decimal: { es: 'Debe ser un número.', en: 'Must be a number.' },
  option: { es: '«{value}» no es una opción de la lista.', en: '"{value}" is not one of the options.' },
  'format.email': { es: 'El correo electrónico no es válido.', en: 'The e-mail address is not valid.' },
  'format.date': { es: 'La fecha debe tener el formato AAAA-MM-DD.', en: 'The date must be YYYY-MM-DD.' },
  'format.datetime': { es: 'La fecha y hora no son válidas (ISO 8601).', en: 'The date and time are not valid (ISO 8601).' },
  'format.url': { es: 'La URL no es válida.', en: 'The URL is not valid.' },
  'format.phone': { es: 'El teléfono no es válido.', en: 'The phone number is not valid.' },
  'format.uuid': { es: 'El identificador no es válido.', en: 'The identifier is not valid.' },
  fileType: { es: 'Tipo de archivo no permitido; se aceptan: {accept}.', en: 'File type not allowed; accepted: {accept}.' },
  fileSize: { es: 'El archivo supera {limit} MB.', en: 'The file is larger than {limit} MB.' },
  invalid: { es: 'El valor no es válido.', en: 'The value is not valid.' },
  record: { es: 'El registro debe ser un objeto JSON.', en: 'The record must be a JSON object.' },
  // imports: text cells read into values
  'import.date': { es: 'No es una fecha válida (formato {format}).', en: 'Not a valid date (format {format}).' },
  'import.datetime': { es: 'No es una fecha y hora válida (formato {format}).', en: 'Not a valid date and time (format {format}).' },
  'import.boolean': { es: '«{value}» no es sí o no (sí, no, x, 1, 0, true, false).', en: '"{value}" is not yes or no (yes, no, x, 1, 0, true, false).' },
  'import.json': { es: 'El valor debe ser una lista JSON.', en: 'The value must be a JSON list.' },
  'import.notImportable': { es: 'Este tipo de campo no se importa desde texto.', en: 'This type of field is not imported from text.' },
  'import.lookupNotFound': { es: 'Ningún registro de «{target}» tiene {by} «{value}».', en: 'No "{target}" record has {by} "{value}".' },
  'import.lookupAmbiguous': { es: '{count} registros de «{target}» tienen {by} «{value}»; debe ser uno solo.', en: '{count} "{target}" records have {by} "{value}"; it must be exactly one.' },
  'import.mappingField': {
    es: 'La columna «{header}» apunta al campo «{field}», que no existe, está archivado o no se importa.',
    en: 'Column "{header}" points to field "{field}", which does not exist, is archived or is not imported.',
  },
  'import.mappingDuplicate': {
    es: 'Las columnas «{first}» y «{header}» llenan el mismo campo «{field}»; se usa la primera.',
    en: 'Columns "{first}" and "{header}" fill the same field "{field}"; the first one is used.',
  },
  /** A cell's issue as a row issue: the column and the value, then why. */
  'import.cell': { es: 'Columna «{header}»: «{value}»: {reason}', en: 'Column "{header}": "{value}": {reason}' },
  // definitions
  'definition.schema': { es: 'La definición no cumple el formato: {detail}.', en: 'The definition does not match the format: {detail}.' },
  'definition.duplicateKey': { es: 'La clave «{key}» está repetida.', en: 'Key "{key}" is repeated.' },
  'definition.unknownType': { es: 'El tipo de campo «{value}» no existe.', en: 'Field type "{value}" does not exist.' },
  'definition.unknownModule': { es: 'El módulo «{target}» no existe.', en: 'Module "{target}" does not exist.' },
  'definition.unknownFieldRef': { es: 'Se refiere al campo «{field}», que no existe.', en: 'Refers to field "{field}", which does not exist.' },
  'definition.badLogic': { es: 'La condición JsonLogic no es válida: {detail}.', en: 'The JsonLogic condition is not valid: {detail}.' },
  'definition.badTemplate': { es: 'La plantilla no es válida: {detail}.', en: 'The template is not valid: {detail}.' },
  'definition.badRange': { es: 'El mínimo es mayor que el máximo.', en: 'The minimum is greater than the maximum.' },
  'definition.unknownPlugin': { es: 'El complemento «{name}» no está instalado.', en: 'Plugin "{name}" is not installed.' },
  'definition.pluginConfig': { es: 'La configuración del complemento no es válida: {detail}.', en: 'The plugin configuration is not valid: {detail}.' },
  'definition.lockedField': { es: 'El campo «{key}» es fijo y no se puede archivar.', en: 'Field "{key}" is fixed and cannot be archived.' },
  'definition.keyChanged': { es: 'La clave del módulo no se puede cambiar.', en: 'The module key cannot be changed.' },
  'definition.unknownRole': { es: 'El rol de módulo «{role}» no existe (roles: {known}).', en: 'Module role "{role}" does not exist (roles: {known}).' },
  'definition.unknownFieldRole': { es: 'El rol de campo «{role}» no existe para un módulo con rol «{module}».', en: 'Field role "{role}" does not exist for a module with role "{module}".' },
  'definition.roleFieldType': { es: 'Un campo con rol «{role}» debe ser de tipo {types}.', en: 'A field with role "{role}" must be of type {types}.' },
  'definition.duplicateFieldRole': { es: 'El rol «{role}» ya lo tiene el campo «{field}».', en: 'Field "{field}" already has role "{role}".' },
  'definition.missingFieldRole': { es: 'Un módulo con rol «{role}» necesita un campo con rol «{field}».', en: 'A module with role "{role}" needs a field with role "{field}".' },
  'definition.unknownOptionRole': { es: 'El rol de opción «{role}» no existe aquí (roles: {known}).', en: 'Option role "{role}" does not exist here (roles: {known}).' },
  'definition.duplicateOptionRole': { es: 'Dos opciones tienen el rol «{role}».', en: 'Two options have role "{role}".' },
  'definition.missingOptionRole': { es: 'El campo con rol «{role}» necesita una opción con rol «{option}».', en: 'The field with role "{role}" needs an option with role "{option}".' },
  'definition.roleOnColumn': { es: 'Las columnas de una subtabla no llevan rol.', en: 'Sub-table columns take no role.' },
  'definition.sharedRole': { es: 'Los módulos {modules} declaran el mismo rol «{role}»; solo uno puede tenerlo.', en: 'Modules {modules} declare the same role "{role}"; only one may have it.' },
  // queries
  'query.unknownField': { es: 'No se puede filtrar por «{field}»: no existe.', en: 'Cannot filter by "{field}": it does not exist.' },
  'query.operator': { es: 'El operador «{op}» no aplica a un campo de tipo {type}.', en: 'Operator "{op}" does not apply to a {type} field.' },
  'query.value': { es: 'El valor no sirve para el operador «{op}»: {detail}.', en: 'The value does not fit operator "{op}": {detail}.' },
  'query.shape': { es: 'El filtro no tiene la forma esperada: {detail}.', en: 'The filter does not have the expected shape: {detail}.' },
  'query.depth': { es: 'El filtro tiene demasiados niveles (máximo {limit}).', en: 'The filter is nested too deeply (at most {limit}).' },
  'query.sort': { es: 'No se puede ordenar por «{field}».', en: 'Cannot sort by "{field}".' },
  'query.limit': { es: 'El tamaño de página debe estar entre 1 y {limit}.', en: 'The page size must be between 1 and {limit}.' },
  'query.cursor': { es: 'El cursor de paginación no es válido.', en: 'The paging cursor is not valid.' },
  // aggregations
  'aggregate.shape': { es: 'La agregación no tiene la forma esperada: {detail}.', en: 'The aggregation does not have the expected shape: {detail}.' },
  'aggregate.unknownField': { es: 'No se puede agrupar ni medir por «{field}»: no existe.', en: 'Cannot group or measure by "{field}": it does not exist.' },
  'aggregate.notGroupable': { es: 'No se puede agrupar por «{field}» (tipo {type}).', en: 'Cannot group by "{field}" (type {type}).' },
  'aggregate.bucket': { es: 'Un campo de fecha se agrupa por uno de estos períodos: {buckets}.', en: 'A date field is grouped by one of these periods: {buckets}.' },
  'aggregate.noBucket': { es: '«{field}» no es una fecha: no lleva período.', en: '"{field}" is not a date: it takes no period.' },
  'aggregate.measureOp': { es: 'La medida debe ser una de: {ops}.', en: 'The measure must be one of: {ops}.' },
  'aggregate.countField': { es: 'El conteo cuenta registros: no lleva campo.', en: 'A count counts records: it takes no field.' },
  'aggregate.measureType': {
    es: 'No se puede calcular «{op}» sobre «{field}» (tipo {type}): solo sobre números, y mínimo o máximo también sobre fechas.',
    en: 'Cannot compute "{op}" of "{field}" (type {type}): only of numbers, and minimum or maximum of dates too.',
  },
  'aggregate.order': { es: 'El orden es { by: "label" | "value", dir: "asc" | "desc" }.', en: 'The order is { by: "label" | "value", dir: "asc" | "desc" }.' },
  'aggregate.orderMeasure': {
    es: 'Ordenar por valor toma una medida de 0 a {max}; ordenar por etiqueta no toma medida.',
    en: 'Ordering by value takes a measure from 0 to {max}; ordering by label takes none.',
  },
  'aggregate.limit': { es: 'El número de grupos debe estar entre 1 y {limit}.', en: 'The number of groups must be between 1 and {limit}.' },
  'aggregate.timeZone': { es: '«{zone}» no es una zona horaria IANA (por ejemplo America/Bogota).', en: '"{zone}" is not an IANA time zone (for example America/Bogota).' },
};

function fill(text: string, params: Params, lang: keyof LocalizedText): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const param = params[name];
    return typeof param === 'object' ? param[lang] : String(param);
  });
}

export function messageFor(code: string, params: Params = {}): LocalizedText {
  const base = MESSAGES[code] ?? MESSAGES.invalid;
  return { es: fill(base.es, params, 'es'), en: fill(base.en, params, 'en') };
}

export function issue(path: string, code: string, params: Params = {}): Issue {
  return { path, code, message: messageFor(code, params) };
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}
