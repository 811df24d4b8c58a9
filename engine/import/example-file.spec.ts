import { matchColumns } from './column-matcher';
import { exampleSheet } from './example-file';
import { IMPORT_DEFINITION } from './import-definition.fixture';
import { convertRow } from './row-converter';

describe('exampleSheet', () => {
  it('heads the importable fields with their labels in the language, never computed, archived or attachment fields', () => {
    expect(exampleSheet(IMPORT_DEFINITION, 'es').headers).toEqual([
      'Nombre',
      'Correo electrónico',
      'Celular',
      'Sitio web',
      'Fecha de ingreso',
      'Llamada',
      'Edad',
      'Latitud',
      'Saldo',
      'Descuento',
      'Activo',
      'Tipo de contacto',
      'Canales',
      'Compañía',
      'Agente',
      'Situación',
    ]);
    expect(exampleSheet(IMPORT_DEFINITION, 'en').headers.slice(0, 3)).toEqual(['Name', 'E-mail', 'Mobile']);
  });

  it('writes a sample cell per type as its export text, picklists by label', () => {
    const { headers, sample } = exampleSheet(IMPORT_DEFINITION, 'es');
    expect(Object.fromEntries(headers.map((h, i) => [h, sample[i]]))).toEqual({
      Nombre: 'Texto de ejemplo',
      'Correo electrónico': 'ana.perez@example.com',
      Celular: '+57 300 123 4567',
      'Sitio web': 'https://example.com',
      'Fecha de ingreso': '2026-01-15',
      Llamada: '2026-01-15T09:30:00.000Z',
      Edad: '42',
      Latitud: '1234,5000000000',
      Saldo: '150000,50',
      Descuento: '15,5',
      Activo: 'Sí',
      'Tipo de contacto': 'Solicitud',
      Canales: 'Teléfono; Web, chat',
      Compañía: 'Nombre del registro',
      Agente: 'Ana Pérez',
      Situación: 'Texto de ejemplo',
    });
  });

  it('imports its own sample back without issues, apart from the lookups the runtime resolves', () => {
    for (const lang of ['es', 'en'] as const) {
      const { headers, sample } = exampleSheet(IMPORT_DEFINITION, lang);
      const mapping = matchColumns(headers, IMPORT_DEFINITION);
      expect(mapping.every((m) => m.field !== null)).toBe(true);
      const row = convertRow(sample, mapping, IMPORT_DEFINITION, { lang }, (field) => [`id-${field}`]);
      expect(row.issues).toEqual([]);
      expect(row.values.canales).toEqual(['telefono', 'web']);
    }
  });

  it('lists the allowed labels of each picklist, without archived options', () => {
    expect(exampleSheet(IMPORT_DEFINITION, 'en').allowedValues).toEqual([
      { header: 'Contact type', values: ['Request', 'Complaint'] },
      { header: 'Channels', values: ['Phone', 'Web, chat', 'In person'] },
    ]);
  });
});
