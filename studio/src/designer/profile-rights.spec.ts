import { describe, expect, it } from '@jest/globals';
import type { Me } from '../api/types';
import { moduleRight, rightsOf } from './profile-rights';

const me = (permissions: Me['permissions'], extra: Partial<Me> = {}): Me => ({ platform: false, operation: 'op', permissions, ...extra });

describe('profile rights', () => {
  it('reads a module right from the module entry, else from the profile-wide "*" entry, as the server does', () => {
    const rights = rightsOf(me({ admin: false, aiAssistant: false, modules: { '*': { view: true, import: true }, casos: { import: false }, contactos: { view: true } } }));
    expect(moduleRight(rights, 'linea147', 'import')).toBe(true);
    expect(moduleRight(rights, 'casos', 'import')).toBe(false);
    // An entry without the right falls back to "*".
    expect(moduleRight(rights, 'contactos', 'import')).toBe(true);
    expect(moduleRight(rights, 'linea147', 'settings')).toBe(false);
  });

  it('gives the platform token every right and a user without a profile none', () => {
    expect(moduleRight(rightsOf(me(null, { platform: true })), 'casos', 'import')).toBe(true);
    expect(moduleRight(rightsOf(me(null)), 'casos', 'import')).toBe(false);
  });

  it('grants nothing before the rights are loaded', () => {
    expect(moduleRight({ loaded: false, admin: false, aiAssistant: false, modules: null }, 'casos', 'view')).toBe(false);
  });
});
