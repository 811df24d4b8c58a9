import type { ModuleDefinition } from '@crm/engine';
import { AGENT_PROFILE, type ProfilePermissions } from '../core/profile-permissions';
import { ApiError } from '../core/api-error';
import { RecordAccess } from './record-access.policy';
import type { ApiRecord } from './record-row.mapper';

const ME = '11111111-1111-4111-8111-111111111111';
const PEER = '22222222-2222-4222-8222-222222222222';
const BOSS = '33333333-3333-4333-8333-333333333333';
const OTHER = '44444444-4444-4444-8444-444444444444';

const permissions: ProfilePermissions = { ...AGENT_PROFILE, fields: { contactos: { documento: 'hidden', email: 'readOnly' } }, visibility: 'hierarchy' };
const access = (overrides: Partial<ProfilePermissions> = {}) =>
  new RecordAccess({ userId: ME, permissions: { ...permissions, ...overrides }, visibleUserIds: new Set([ME, PEER]), loadAssignable: async () => new Set([ME, PEER]) });
const record = (owner: string | null, assignee: string | null = null) => ({ id: 'r1', version: 1, owner, assignee }) as ApiRecord;

const definition = {
  key: 'contactos',
  version: 1,
  names: { singular: { es: 'Contacto', en: 'Contact' }, plural: { es: 'Contactos', en: 'Contacts' } },
  icon: 'user',
  fields: [
    { key: 'nombre', type: 'text', label: { es: 'Nombre', en: 'Name' } },
    { key: 'documento', type: 'text', label: { es: 'Documento', en: 'Document' } },
    { key: 'email', type: 'email', label: { es: 'Correo', en: 'E-mail' } },
    { key: 'resumen', type: 'formula', label: { es: 'Resumen', en: 'Summary' }, resultType: 'text', formula: { cat: [{ var: 'nombre' }, ' ', { var: ['documento', ''] }] } },
    { key: 'corto', type: 'formula', label: { es: 'Corto', en: 'Short' }, resultType: 'text', formula: { substr: [{ var: 'resumen' }, 0, 3] } },
    { key: 'saludo', type: 'formula', label: { es: 'Saludo', en: 'Greeting' }, resultType: 'text', formula: { cat: ['Hola ', { var: 'nombre' }] } },
  ],
} as ModuleDefinition;

describe('RecordAccess', () => {
  it('reads through a definition without the hidden fields, the same object each time', () => {
    const view = access().view(definition);
    // Formulas reading a hidden field (directly or through another formula) are hidden too.
    expect(view.fields.map((f) => f.key)).toEqual(['nombre', 'email', 'saludo']);
    expect(access().view(definition)).toBe(view);
    expect(RecordAccess.unrestricted().view(definition)).toBe(definition);
  });

  it('sees records owned by or assigned to a visible user; edits only its own unless all users may edit', () => {
    const policy = access();
    expect([policy.canSee(record(PEER)), policy.canSee(record(OTHER, PEER)), policy.canSee(record(OTHER)), policy.canSee(record(null))]).toEqual([true, true, false, false]);
    expect([policy.canEdit(record(ME)), policy.canEdit(record(OTHER, ME)), policy.canEdit(record(PEER))]).toEqual([true, true, false]);
    expect(access({ allUsersCanEdit: true }).canEdit(record(PEER))).toBe(true);
    expect(access({ allUsersCanEdit: true }).canEdit(record(OTHER))).toBe(false);
    expect(() => policy.assertEditable('contactos', record(OTHER))).toThrow(expect.objectContaining({ status: 404, code: 'record_not_found' }));
    expect(() => policy.assertEditable('contactos', record(PEER))).toThrow(expect.objectContaining({ status: 403, code: 'record_not_editable' }));
    expect(RecordAccess.unrestricted().canEdit(record(null))).toBe(true);
  });

  it('narrows a filter tree to the visible users by owner or assignee', () => {
    const condition = { kind: 'condition', field: 'nombre', system: false, op: 'eq', valueKind: 'string', value: 'Ana' } as const;
    const scoped = access().scopeFilter(condition);
    expect(scoped).toEqual({
      kind: 'and',
      children: [
        {
          kind: 'or',
          children: [
            { kind: 'condition', field: 'owner', system: true, op: 'in', valueKind: 'reference', value: [ME, PEER] },
            { kind: 'condition', field: 'assignee', system: true, op: 'in', valueKind: 'reference', value: [ME, PEER] },
          ],
        },
        condition,
      ],
    });
    expect(RecordAccess.unrestricted().scopeFilter(condition)).toBe(condition);
  });

  it('names hidden and read-only fields and assignments outside the role tree, but not unchanged assignments', async () => {
    const policy = access();
    const issues = await policy.writeIssues('contactos', { values: { nombre: 'x', documento: '1', email: 'a@b.co' }, assign: { assignee: BOSS, owner: PEER } }, null, 'rows[2].');
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['rows[2].documento', 'readOnly'],
      ['rows[2].email', 'readOnly'],
      ['rows[2].assignee', 'assignAbove'],
    ]);
    expect(await policy.writeIssues('contactos', { values: {}, assign: { assignee: BOSS } }, { ...record(ME), assignee: BOSS }, '')).toEqual([]);
    await expect(policy.assertWritable('contactos', { values: { email: 'a@b.co' }, assign: {} }, null)).rejects.toBeInstanceOf(ApiError);
  });

  it('strips hidden fields from records, history entries and stale-version errors', () => {
    const policy = access();
    expect(policy.strip('contactos', { id: 'r1', nombre: 'Ana', documento: '1' })).toEqual({ id: 'r1', nombre: 'Ana' });
    expect(policy.strip(definition, { id: 'r1', nombre: 'Ana', documento: '1', resumen: 'Ana 1', corto: 'Ana', saludo: 'Hola Ana' })).toEqual({ id: 'r1', nombre: 'Ana', saludo: 'Hola Ana' });
    const history = policy.stripHistory('contactos', [
      { id: 2, at: '', action: 'update', field: 'documento', oldValue: '1', newValue: '2', userId: null, userName: null, jobId: null },
      { id: 1, at: '', action: 'create', field: null, oldValue: null, newValue: { nombre: 'Ana', documento: '1' }, userId: null, userName: null, jobId: null },
    ]);
    expect(history.map((h) => [h.id, h.newValue])).toEqual([[1, { nombre: 'Ana' }]]);
    const stale = new ApiError(409, 'stale_version', { es: 'x', en: 'x' }, [], { currentVersion: 2, current: { id: 'r1', documento: '1' } });
    expect((policy.scrub('contactos', stale) as ApiError).extra).toEqual({ currentVersion: 2, current: { id: 'r1' } });
  });
});
