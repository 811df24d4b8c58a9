import { mappingIssues, matchColumns } from './column-matcher';
import { IMPORT_DEFINITION } from './import-definition.fixture';

const fieldsOf = (headers: string[], saved?: Parameters<typeof matchColumns>[2]) => matchColumns(headers, IMPORT_DEFINITION, saved).map((m) => m.field);

describe('matchColumns', () => {
  it('gives one mapping per header, in order, with its position and text', () => {
    expect(matchColumns(['Nombre', 'otra cosa'], IMPORT_DEFINITION)).toEqual([
      { column: 0, header: 'Nombre', field: 'nombre' },
      { column: 1, header: 'otra cosa', field: null },
    ]);
  });

  it('matches keys and labels in both languages ignoring case, accents, spaces and punctuation', () => {
    expect(fieldsOf(['Correo electrónico'])).toEqual(['correo_electronico']);
    expect(fieldsOf(['correo_electronico'])).toEqual(['correo_electronico']);
    expect(fieldsOf(['CORREO-ELECTRONICO'])).toEqual(['correo_electronico']);
    expect(fieldsOf(['  fecha de INGRESO '])).toEqual(['fecha_ingreso']);
    expect(fieldsOf(['START DATE', 'contact type', 'Tipo de Contacto'])).toEqual(['fecha_ingreso', 'tipo', null]);
  });

  it('matches synonyms in Spanish and English', () => {
    expect(fieldsOf(['e-mail'])).toEqual(['correo_electronico']);
    expect(fieldsOf(['Mail'])).toEqual(['correo_electronico']);
    expect(fieldsOf(['Móvil'])).toEqual(['celular']);
    expect(fieldsOf(['cell phone'])).toEqual(['celular']);
    expect(fieldsOf(['first name'])).toEqual(['nombre']);
    expect(fieldsOf(['Status'])).toEqual(['estado']);
    expect(fieldsOf(['Razón social'])).toEqual(['empresa']);
    expect(fieldsOf(['Company'])).toEqual(['empresa']);
    expect(fieldsOf(['teléfono'])).toEqual([null]);
  });

  it('never maps two columns to one field: an exact match wins over an earlier synonym, then the first column', () => {
    expect(fieldsOf(['mail', 'Correo electrónico'])).toEqual([null, 'correo_electronico']);
    expect(fieldsOf(['Nombre', 'NOMBRE', 'name'])).toEqual(['nombre', null, null]);
    expect(fieldsOf(['cel', 'movil'])).toEqual(['celular', null]);
  });

  it('never maps computed, archived or attachment fields', () => {
    expect(fieldsOf(['Número', 'numero', 'Total', 'antiguo', 'Former', 'Adjuntos'])).toEqual([null, null, null, null, null, null]);
  });

  it('applies a saved mapping by header text when columns moved, and matches the headers it does not name', () => {
    const saved = [
      { column: 0, header: 'NIT empresa', field: 'empresa', lookupBy: 'nit' },
      { column: 1, header: 'Dato', field: 'nombre' },
      { column: 2, header: 'Nombre', field: null },
    ];
    expect(matchColumns(['correo', 'Nombre', 'nit_empresa', 'dato', 'Llamada'], IMPORT_DEFINITION, saved)).toEqual([
      { column: 0, header: 'correo', field: 'correo_electronico' },
      { column: 1, header: 'Nombre', field: null },
      { column: 2, header: 'nit_empresa', field: 'empresa', lookupBy: 'nit' },
      { column: 3, header: 'dato', field: 'nombre' },
      { column: 4, header: 'Llamada', field: 'llamada' },
    ]);
  });

  it('keeps lookupBy only for lookup and user fields, and drops saved fields that no longer exist', () => {
    const saved = [
      { column: 0, header: 'Agente', field: 'agente', lookupBy: 'correo' },
      { column: 1, header: 'Nombre', field: 'nombre', lookupBy: 'x' },
      { column: 2, header: 'Edad', field: 'borrado' },
    ];
    expect(matchColumns(['Agente', 'Nombre', 'Edad'], IMPORT_DEFINITION, saved)).toEqual([
      { column: 0, header: 'Agente', field: 'agente', lookupBy: 'correo' },
      { column: 1, header: 'Nombre', field: 'nombre' },
      { column: 2, header: 'Edad', field: 'edad' },
    ]);
  });
});

describe('mappingIssues', () => {
  it('names columns pointing at fields an import cannot fill, and second columns for one field', () => {
    const mapping = [
      { column: 0, header: 'Nombre', field: 'nombre' },
      { column: 1, header: 'Total', field: 'total' },
      { column: 2, header: 'Otro nombre', field: 'nombre' },
      { column: 3, header: 'X', field: 'no_existe' },
      { column: 4, header: 'Y', field: null },
    ];
    expect(mappingIssues(mapping, IMPORT_DEFINITION)).toEqual([
      {
        column: 1,
        header: 'Total',
        field: 'total',
        value: null,
        code: 'import.mappingField',
        message: {
          es: 'La columna «Total» apunta al campo «total», que no existe, está archivado o no se importa.',
          en: 'Column "Total" points to field "total", which does not exist, is archived or is not imported.',
        },
      },
      {
        column: 2,
        header: 'Otro nombre',
        field: 'nombre',
        value: null,
        code: 'import.mappingDuplicate',
        message: {
          es: 'Las columnas «Nombre» y «Otro nombre» llenan el mismo campo «nombre»; se usa la primera.',
          en: 'Columns "Nombre" and "Otro nombre" fill the same field "nombre"; the first one is used.',
        },
      },
      expect.objectContaining({ column: 3, code: 'import.mappingField' }),
    ]);
    expect(mappingIssues(matchColumns(['Nombre', 'email', 'Edad'], IMPORT_DEFINITION), IMPORT_DEFINITION)).toEqual([]);
  });
});
