import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { CUSTOMIZE_SECTIONS, DESIGNER_TABS, matchRoute, paths, type RecordTab, type Route } from './router';

/** What the address bar holds after navigating to `path`. */
function match(path: string): Route {
  const url = new URL(path, 'http://studio.test');
  return matchRoute(url.pathname, url.searchParams);
}

// Module keys and record ids as definitions and the API make them, plus characters a URL must escape.
const keyArb = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/),
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() === s && s !== '.' && s !== '..'),
);
const idArb = fc.uuid();

describe('router', () => {
  it('reads back every address it builds', () => {
    fc.assert(
      fc.property(keyArb, idArb, fc.constantFrom<Exclude<RecordTab, 'details'> | undefined>(undefined, 'history', 'activities'), (module, id, tab) => {
        fc.pre(module !== 'new' && module !== 'kanban');
        expect(match(paths.table(module))).toEqual({ name: 'table', module });
        expect(match(paths.kanban(module))).toEqual({ name: 'kanban', module });
        expect(match(paths.importWizard(module))).toEqual({ name: 'import', module });
        expect(match(paths.importHistory(module))).toEqual({ name: 'importHistory', module });
        expect(match(paths.backups(module))).toEqual({ name: 'backups', module });
        expect(match(paths.duplicates(module))).toEqual({ name: 'duplicates', module });
        expect(match(paths.newRecord(module))).toEqual({ name: 'record', module, id: null, tab: 'details' });
        expect(match(paths.record(module, id, tab))).toEqual({ name: 'record', module, id, tab: tab ?? 'details' });
        expect(match(paths.module(module))).toEqual({ name: 'settings', page: { page: 'module', key: module, tab: 'fields' } });
      }),
    );
  });

  it('reads the settings screens, their tabs and sections', () => {
    expect(match(paths.modules())).toEqual({ name: 'settings', page: { page: 'modules' } });
    expect(match(paths.newModule())).toEqual({ name: 'settings', page: { page: 'newModule' } });
    expect(match(paths.schema())).toEqual({ name: 'settings', page: { page: 'schema' } });
    expect(match(paths.outbox())).toEqual({ name: 'settings', page: { page: 'outbox' } });
    expect(match(paths.deletions('contactos'))).toEqual({ name: 'deletions', module: 'contactos' });
    for (const tab of DESIGNER_TABS) expect(match(paths.module('tickets', tab))).toEqual({ name: 'settings', page: { page: 'module', key: 'tickets', tab } });
    for (const section of CUSTOMIZE_SECTIONS) expect(match(paths.customize(section))).toEqual({ name: 'customize', section });
    expect(match(paths.customize())).toEqual({ name: 'customize', section: 'picklists' });
  });

  it('falls back to the first tab or section, or home, for what it does not know', () => {
    expect(match('/')).toEqual({ name: 'home' });
    expect(match('/nada/aqui')).toEqual({ name: 'home' });
    expect(match('/m/tickets/123?tab=secreto')).toEqual({ name: 'record', module: 'tickets', id: '123', tab: 'details' });
    expect(match('/settings/modules/tickets?tab=otra')).toEqual({ name: 'settings', page: { page: 'module', key: 'tickets', tab: 'fields' } });
    expect(match('/settings/custom/otra')).toEqual({ name: 'customize', section: 'picklists' });
    expect(match('/settings/otra')).toEqual({ name: 'settings', page: { page: 'modules' } });
  });

  it('reads "Mis exportaciones" and the link an export e-mail carries', () => {
    expect(match(paths.exports())).toEqual({ name: 'exports', download: null, token: null });
    expect(match('/exports?download=0b6f3c1e-7d2a-4c3b-9a1e-5f2d8c7b6a49&token=a.b.c')).toEqual({ name: 'exports', download: '0b6f3c1e-7d2a-4c3b-9a1e-5f2d8c7b6a49', token: 'a.b.c' });
  });
});
