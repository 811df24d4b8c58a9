import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatElapsed, importResultOf, restoreResultOf } from './import-format';

// Intl puts a narrow no-break space between number and unit in some locales.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('import formatting', () => {
  it('writes sizes in the locale', () => {
    expect(plain(formatBytes(912, 'en-US'))).toBe('912 B');
    expect(plain(formatBytes(999, 'es-CO'))).toBe('999 B');
    expect(plain(formatBytes(2_345_678, 'en-US'))).toBe('2.3 MB');
    expect(plain(formatBytes(2_345_678, 'es-CO'))).toBe('2,3 MB');
    expect(plain(formatBytes(48_200, 'es-CO'))).toBe('48,2 kB');
  });

  it('writes elapsed time in seconds, then minutes and seconds', () => {
    expect(plain(formatElapsed(4_250, 'es-CO'))).toBe('4,3 s');
    expect(plain(formatElapsed(4_250, 'en-US'))).toBe('4.3 sec');
    expect(plain(formatElapsed(125_400, 'en-US'))).toBe('2 min 5 sec');
  });

  it('reads an import result with absent counts as 0', () => {
    expect(importResultOf(null)).toBeNull();
    expect(importResultOf({ total: 13918, inserted: 13916, duplicates: 2, validateOnly: false })).toEqual({
      total: 13918,
      inserted: 13916,
      updated: 0,
      unchanged: 0,
      duplicates: 2,
      errorCount: 0,
      elapsedMs: 0,
      validateOnly: false,
      backup: false,
    });
  });

  it('reads a restore result and its conflicts', () => {
    expect(restoreResultOf({ total: 3, restored: 2, conflicts: 1, conflictList: [{ recordId: 'r1', fields: ['estado'] }] })).toEqual({
      total: 3,
      restored: 2,
      unchanged: 0,
      conflicts: 1,
      conflictList: [{ recordId: 'r1', fields: ['estado'] }],
    });
  });
});
