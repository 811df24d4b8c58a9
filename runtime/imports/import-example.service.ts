import { exampleSheet, type Locale, type ModuleDefinition } from '@crm/engine';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

const BOM = '\uFEFF';

/**
 * The example file of a module: its writable fields' labels as headers in
 * the user's language, one sample row, and the allowed values of each
 * picklist (a second sheet in XLSX). Spanish CSV uses `;`, as Excel does where
 * the decimal mark is a comma.
 */
@Injectable()
export class ImportExampleService {
  csv(definition: ModuleDefinition, lang: Locale): Buffer {
    const delimiter = lang === 'es' ? ';' : ',';
    const sheet = exampleSheet(definition, lang, { listSeparator: delimiter === ';' ? ',' : ';' });
    return Buffer.from(BOM + stringify([sheet.headers, sheet.sample], { delimiter, record_delimiter: 'windows' }), 'utf8');
  }

  async xlsx(definition: ModuleDefinition, lang: Locale): Promise<Buffer> {
    const sheet = exampleSheet(definition, lang);
    const workbook = new ExcelJS.Workbook();
    // Fresh arrays: exceljs recognises a row by `instanceof Array`, which arrays from another realm (the test runner's VM, a structured clone) fail silently.
    const data = workbook.addWorksheet(definition.names.plural[lang] || definition.key);
    data.addRow([...sheet.headers]).font = { bold: true };
    data.addRow([...sheet.sample]);
    for (let column = 1; column <= sheet.headers.length; column++) data.getColumn(column).width = 20;
    if (sheet.allowedValues.length) {
      const values = workbook.addWorksheet(lang === 'es' ? 'Valores' : 'Values');
      values.addRow([...sheet.allowedValues.map((entry) => entry.header)]).font = { bold: true };
      const longest = Math.max(...sheet.allowedValues.map((entry) => entry.values.length));
      for (let i = 0; i < longest; i++) values.addRow([...sheet.allowedValues.map((entry) => entry.values[i] ?? '')]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
