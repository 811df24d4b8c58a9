import { validateDefinition, type ModuleDefinition } from '@crm/engine';
import fc from 'fast-check';
import { CATALOG_MODULES } from '@crm/modules-catalog';
import { parsePrompt } from './offline.parser';

const modules = CATALOG_MODULES.map((m) => ({ key: m.key, names: m.names }));
const brief = (definition: ModuleDefinition) => definition.fields.map((f) => `${f.key}:${f.type}${f.required ? '*' : ''}${f.archived ? ' (archived)' : ''}`);

describe('offline prompt parser', () => {
  it('reads the same instruction with or without accents and capitals', () => {
    const accented = parsePrompt('Crea un módulo de Vehículos con placa (texto, obligatorio) y año (número)', undefined, false, modules);
    const plain = parsePrompt('CREA UN MODULO DE VEHICULOS CON PLACA (TEXTO, OBLIGATORIO) Y AÑO (NUMERO)', undefined, false, modules);
    expect(brief(accented.definition)).toEqual(['placa:text*', 'ano:integer']);
    expect(brief(plain.definition)).toEqual(brief(accented.definition));
    expect(accented.definition.names.plural).toEqual({ es: 'Vehículos', en: 'Vehicles' });
  });

  it('corrects typos of its own words, never of field names', () => {
    const typed = parsePrompt('agrga un campo telefno obligatoro y la marca', undefined, false, modules);
    expect(brief(typed.definition)).toEqual(['telefono:phone*', 'marca:text']);
    const names = parsePrompt('Create an Events module with venue and general notes', undefined, false, modules);
    expect(brief(names.definition)).toEqual(['venue:text', 'general_notes:longText']);
  });

  it('archives instead of deleting and says what it did not understand', () => {
    const contactos = CATALOG_MODULES.find((m) => m.key === 'contactos') as ModuleDefinition;
    const result = parsePrompt('elimina el campo cargo, haz obligatorio el correo y pinta todo de azul', contactos, true, modules);
    expect(result.definition.fields.find((f) => f.key === 'cargo')).toMatchObject({ archived: true });
    expect(result.definition.fields.find((f) => f.key === 'email')).toMatchObject({ required: true });
    expect(result.definition.fields).toHaveLength(contactos.fields.length);
    expect(result.notUnderstood).toEqual(['pinta todo de azul']);
  });

  it('always produces a definition the meta-schema accepts', () => {
    const prompts = ['', 'hola', 'qué tal el clima', 'lista', 'Crea un módulo de 123 con (,,)', 'relaciona con naves espaciales', 'agrega estado (lista)'];
    for (const prompt of prompts) {
      const result = parsePrompt(prompt, undefined, false, modules);
      expect(validateDefinition(result.definition, { modules: [...modules.map((m) => m.key), result.definition.key] }).ok).toBe(true);
      // A greeting alone asks for nothing; anything else unread is reported.
      if (prompt.trim() && prompt !== 'hola') expect(result.notUnderstood.length).toBeGreaterThan(0);
    }
  });

  it('never throws and always validates, whatever words come in any order', () => {
    const words = [
      'crea',
      'módulo',
      'de',
      'agrega',
      'elimina',
      'haz',
      'obligatorio',
      'cambia',
      'a',
      'número',
      'lista',
      ':',
      ',',
      'y',
      '(',
      ')',
      'opciones',
      'relaciona',
      'con',
      'contacto',
      'fecha',
      'correo',
      'si',
      'está',
      'vigente',
      'add',
      'field',
      'required',
      'options',
      'make',
      'the',
      'to',
      'date',
      '¿',
      '?',
      'placa',
      'Marca',
      'x',
      '123',
      'llamado',
      'tipo',
      'renombra',
      'quita',
      'opción',
    ];
    const contactos = CATALOG_MODULES.find((m) => m.key === 'contactos') as ModuleDefinition;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 25 }), fc.boolean(), (picked, edit) => {
        const result = parsePrompt(picked.join(' '), edit ? contactos : undefined, edit, modules);
        const checked = validateDefinition(result.definition, { modules: [...modules.map((m) => m.key), result.definition.key] });
        if (!checked.ok) throw new Error(`${picked.join(' ')} → ${JSON.stringify(checked.issues)}`);
      }),
      { numRuns: 1500 },
    );
  });
});
