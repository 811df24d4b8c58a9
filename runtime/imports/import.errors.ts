import { ApiError } from '../core/api-error';

/** The largest file an import takes. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
/** More columns than this is not a table of records (a broken export, or a binary file read as text). */
export const IMPORT_MAX_COLUMNS = 1_000;

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** Every way a file or an import request can be refused: 4xx, in both languages. */
export const ImportErrors = {
  tooLarge: () =>
    new ApiError(413, 'import_file_too_large', { es: `El archivo supera el máximo de ${mb(IMPORT_MAX_BYTES)} MB.`, en: `The file is larger than the ${mb(IMPORT_MAX_BYTES)} MB limit.` }, [
      { path: 'file', code: 'import_file_too_large', message: { es: `Máximo ${mb(IMPORT_MAX_BYTES)} MB.`, en: `At most ${mb(IMPORT_MAX_BYTES)} MB.` } },
    ]),
  empty: () =>
    new ApiError(400, 'import_file_empty', { es: 'El archivo está vacío.', en: 'The file is empty.' }, [
      {
        path: 'file',
        code: 'import_file_empty',
        message: { es: 'Envíe un archivo con una fila de títulos y al menos una fila de datos.', en: 'Send a file with a header row and at least one data row.' },
      },
    ]),
  headerOnly: () =>
    new ApiError(400, 'import_file_no_rows', { es: 'El archivo solo tiene la fila de títulos: no hay datos que importar.', en: 'The file has only its header row: there is nothing to import.' }, [
      { path: 'file', code: 'import_file_no_rows', message: { es: 'Sin filas de datos.', en: 'No data rows.' } },
    ]),
  format: () =>
    new ApiError(400, 'import_file_format', { es: 'El archivo no es un CSV ni un Excel (.xlsx).', en: 'The file is neither a CSV nor an Excel (.xlsx) file.' }, [
      { path: 'file', code: 'import_file_format', message: { es: 'Formatos admitidos: CSV y XLSX.', en: 'Accepted formats: CSV and XLSX.' } },
    ]),
  unreadable: (reason: string) =>
    new ApiError(400, 'import_file_unreadable', { es: `No se pudo leer el archivo: ${reason}`, en: `The file could not be read: ${reason}` }, [
      { path: 'file', code: 'import_file_unreadable', message: { es: reason, en: reason } },
    ]),
  tooManyColumns: (line: number, count: number) =>
    new ApiError(
      400,
      'import_file_columns',
      {
        es: `La fila ${line} tiene ${count} columnas; el máximo es ${IMPORT_MAX_COLUMNS}. Revise el separador o el archivo.`,
        en: `Row ${line} has ${count} columns; the limit is ${IMPORT_MAX_COLUMNS}. Check the delimiter or the file.`,
      },
      [{ path: 'file', code: 'import_file_columns', message: { es: `Fila ${line}: ${count} columnas.`, en: `Row ${line}: ${count} columns.` } }],
    ),
  noSheet: (sheet: string) =>
    new ApiError(400, 'import_sheet_not_found', { es: `El libro no tiene la hoja «${sheet}».`, en: `The workbook has no sheet "${sheet}".` }, [
      { path: 'sheet', code: 'import_sheet_not_found', message: { es: `No existe la hoja «${sheet}».`, en: `No sheet "${sheet}".` } },
    ]),
  fileNotFound: (id: string) => ApiError.notFound({ es: `No existe el archivo de importación ${id}.`, en: `Import file ${id} does not exist.` }, 'import_file_not_found'),
  forbidden: (module: string) =>
    new ApiError(403, 'forbidden', { es: `Su perfil no permite importar en el módulo «${module}».`, en: `Your profile does not allow importing into module "${module}".` }),
};
