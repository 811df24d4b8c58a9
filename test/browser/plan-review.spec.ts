import { startStudio, type Studio } from './support/studio-harness';

const label = (es: string, en: string) => ({ es, en });

/** A module this operation lacks, with everything a creation plan holds: an autonumber sequence and field indexes. */
const bundle = {
  format: 'contact-crm.schema-bundle',
  formatVersion: 1,
  metaSchemaVersion: '1.0.0',
  exportedAt: '2026-01-01T00:00:00.000Z',
  operation: 'otra',
  settings: {},
  modules: [
    {
      key: 'garantias',
      version: 1,
      icon: 'package',
      names: { singular: label('Garantía', 'Warranty'), plural: label('Garantías', 'Warranties') },
      fields: [
        { key: 'numero', type: 'autonumber', label: label('Número', 'Number'), prefix: 'GAR-{{seq 4}}', start: 100 },
        { key: 'serial', type: 'text', label: label('Serial', 'Serial'), unique: true, searchable: true },
      ],
    },
  ],
};

/** The plan an admin reviews lists the table, the sequences and the indexes a new module gets, in both languages. */
describe('Studio plan review of a new module', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  for (const [lang, words] of [
    [
      'es',
      [
        'crea la tabla de «Garantías» con sus columnas de sistema',
        'crea el índice de orden reciente de «Fecha de creación»',
        'crea la secuencia de numeración de «Número» (empieza en 100)',
        'crea el índice único de «Serial»',
        'crea el índice de búsqueda de «Serial»',
      ],
    ],
    [
      'en',
      [
        'creates the table of "Warranties" with its system columns',
        'creates the recent-first index on "Last updated"',
        'creates the numbering sequence of "Number" (starts at 100)',
        'creates the unique index on "Serial"',
        'creates the search index on "Serial"',
      ],
    ],
  ] as const) {
    it(`lists sequences and indexes in the import dry run (${lang})`, async () => {
      const page = await s.page({ lang });
      await s.login(page);
      await page.click('[data-testid=menu-settings]');
      await page.click('[data-testid=settings-schema]');
      await page.setInputFiles('[data-testid=import-file]', { name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
      await page.click('[data-testid=import-dry-run]');
      const created = page.locator('[data-testid=import-result] details[data-module=garantias]');
      await created.waitFor();
      expect(await created.getAttribute('data-action')).toBe('create');
      const plan = created.locator('[data-testid=review-plan]');
      const kinds = await plan.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
      expect(kinds.slice(0, 4)).toEqual(['createTable', 'createIndex', 'createIndex', 'createSequence']);
      const text = (await plan.textContent()) ?? '';
      for (const line of words) expect(text).toContain(line);
      await s.shot(page, `plan-review-new-module-${lang}`);
      // A dry run writes nothing.
      expect((await s.api('GET', '/api/v1/modules/garantias')).status).toBe(404);
    });
  }
});
