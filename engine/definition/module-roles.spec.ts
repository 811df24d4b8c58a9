import fc from 'fast-check';
import { validateDefinition } from './definition.validator';
import type { ModuleDefinition } from './module-definition.types';
import { lookupTo, moduleWithRole, roleField, roleIssues, roleOption, sharedRoleIssues } from './module-roles';

const text = (es: string) => ({ es, en: es });
/** An activities module that shares no key with the catalog's. */
const tareas = (): ModuleDefinition => ({
  key: 'tareas',
  version: 1,
  names: { singular: text('Tarea'), plural: text('Tareas') },
  icon: 'check',
  role: 'activities',
  fields: [
    { key: 'titulo', type: 'text', label: text('Título'), role: 'subject' },
    {
      key: 'clase',
      type: 'select',
      label: text('Clase'),
      role: 'kind',
      options: [
        { key: 'n', label: text('Nota'), role: 'note' },
        { key: 'l', label: text('Llamada'), role: 'call' },
        { key: 't', label: text('Tarea'), role: 'task' },
        { key: 'x', label: text('Otra') },
      ],
    },
    { key: 'viejo', type: 'text', label: text('Viejo'), role: 'description', archived: true },
    { key: 'notas', type: 'longText', label: text('Notas'), role: 'description' },
    { key: 'cliente', type: 'lookup', label: text('Cliente'), target: 'clientes' },
  ],
});
const codes = (definition: ModuleDefinition) => roleIssues(definition).map((i) => `${i.path} ${i.code}`);

describe('module roles', () => {
  it('finds the module, its active fields and options by role, whatever their keys', () => {
    const other: ModuleDefinition = { ...tareas(), key: 'clientes', role: 'contacts', fields: [] };
    const modules = [other, tareas()];
    const activities = moduleWithRole(modules, 'activities');
    expect(activities?.key).toBe('tareas');
    expect(moduleWithRole(modules, 'cases')).toBeUndefined();
    expect(roleField(tareas(), 'subject')?.key).toBe('titulo');
    expect(roleField(tareas(), 'description')?.key).toBe('notas');
    expect(roleField(tareas(), 'due')).toBeUndefined();
    expect(roleOption(tareas(), 'kind', 'call')).toBe('l');
    expect(roleOption(tareas(), 'status', 'done')).toBeUndefined();
    expect(lookupTo(tareas(), 'clientes')?.key).toBe('cliente');
  });

  it('validates a definition with roles and refuses each misuse with its own code, in both languages', () => {
    expect(validateDefinition(tareas()).ok).toBe(true);
    expect(codes({ ...tareas(), role: 'tickets' })).toEqual(['role definition.unknownRole']);
    const broken = tareas();
    broken.fields[0] = { key: 'titulo', type: 'integer', label: text('Título'), role: 'subject' };
    broken.fields.push({ key: 'asunto2', type: 'text', label: text('Otro'), role: 'subject' }, { key: 'fase', type: 'text', label: text('Fase'), role: 'phase' });
    const kind = broken.fields[1];
    if (kind.type === 'select')
      kind.options = [
        { key: 'n', label: text('Nota'), role: 'note' },
        { key: 'm', label: text('Nota 2'), role: 'note' },
        { key: 'z', label: text('Z'), role: 'zeta' },
      ];
    expect(codes(broken)).toEqual([
      'fields[0].role definition.roleFieldType',
      'fields[1].options[1].role definition.duplicateOptionRole',
      'fields[1].options[2].role definition.unknownOptionRole',
      'fields[1].options definition.missingOptionRole',
      'fields[1].options definition.missingOptionRole',
      'fields[5].role definition.duplicateFieldRole',
      'fields[6].role definition.unknownFieldRole',
    ]);
    const result = validateDefinition(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) for (const found of result.issues) expect(found.message.es && found.message.en && found.message.es !== found.message.en).toBeTruthy();
  });

  it('needs the required field roles and allows shared field roles on any module', () => {
    const noSubject = tareas();
    noSubject.fields = noSubject.fields.slice(1);
    expect(codes(noSubject)).toEqual(['fields definition.missingFieldRole']);
    const plain: ModuleDefinition = { ...tareas(), role: undefined, fields: [{ key: 'tip', type: 'text', label: text('Tip'), role: 'disposition' }] };
    delete plain.role;
    expect(codes(plain)).toEqual([]);
    expect(codes({ ...plain, fields: [{ key: 'tip', type: 'text', label: text('Tip'), role: 'subject' }] })).toEqual(['fields[0].role definition.unknownFieldRole']);
  });

  it('reports a module role declared by two modules, naming both', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z]{1,6}$/), role: fc.constantFrom(undefined, 'activities', 'contacts', 'cases') }), { selector: (m) => m.key, maxLength: 8 }),
        (modules) => {
          const issues = sharedRoleIssues(modules);
          const roles = modules.map((m) => m.role).filter((r) => r !== undefined);
          const shared = [...new Set(roles)].filter((r) => roles.indexOf(r) !== roles.lastIndexOf(r));
          expect(issues.map((i) => i.code)).toEqual(shared.map(() => 'definition.sharedRole'));
          for (const found of issues) for (const m of modules.filter((m) => found.message.en.includes(`"${m.role}"`))) expect(found.message.en).toContain(m.key);
        },
      ),
    );
  });
});
