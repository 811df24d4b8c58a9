import fc from 'fast-check';
import { duplicateKey, KEY_FOLD_FROM, KEY_FOLD_TO, keyNormalisation } from './duplicate-key';

const ACCENTS: Record<string, string[]> = { a: ['á', 'à', 'ä', 'Á'], e: ['é', 'É', 'ë'], i: ['í', 'Í'], o: ['ó', 'Ó', 'ö'], u: ['ú', 'ü', 'Ü'], n: ['ñ', 'Ñ'] };
const plainWord = fc.stringMatching(/^[a-z]{1,8}$/);
const words = fc.array(plainWord, { minLength: 1, maxLength: 5 });
const spaces = fc.stringMatching(/^[ \t\u00a0]{1,3}$/);

describe('duplicate keys', () => {
  it('folds with tables of one length, each character once', () => {
    expect([...KEY_FOLD_FROM].length).toBe([...KEY_FOLD_TO].length);
    expect(new Set(KEY_FOLD_FROM).size).toBe([...KEY_FOLD_FROM].length);
  });

  it('normalised text ignores case, accents and spacing', () => {
    fc.assert(
      fc.property(words, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), fc.array(spaces, { minLength: 6, maxLength: 6 }), (parts, flips, gaps) => {
        const plain = parts.join(' ');
        let flip = 0;
        const dressed = parts
          .map((word) =>
            [...word]
              .map((char) => {
                const f = flips[flip++ % flips.length];
                if (f && ACCENTS[char]) return ACCENTS[char][flip % ACCENTS[char].length];
                return f ? char.toUpperCase() : char;
              })
              .join(''),
          )
          .map((word, i) => word + (i < parts.length - 1 ? gaps[i % gaps.length] : ''))
          .join('');
        expect(duplicateKey(`${gaps[5]}${dressed}${gaps[4]}`, 'text')).toBe(plain);
      }),
    );
  });

  it('is idempotent and never answers an empty key', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('exact' as const, 'text' as const, 'digits' as const), (value, how) => {
        const key = duplicateKey(value, how);
        expect(key).not.toBe('');
        if (key !== null) expect(duplicateKey(key, how)).toBe(key);
      }),
    );
  });

  it('compares phones and documents by their digits only', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{7,12}$/), fc.array(fc.constantFrom(' ', '-', '(', ')', '.', '+'), { minLength: 12, maxLength: 12 }), (digits, marks) => {
        const formatted = [...digits].map((d, i) => (i % 3 === 0 ? marks[i] : '') + d).join('');
        expect(duplicateKey(formatted, 'digits')).toBe(digits);
      }),
    );
    expect(duplicateKey('300 123 4567', 'digits')).toBe(duplicateKey('(300) 123-4567', 'digits'));
    expect(duplicateKey('CC 52.111.222', 'digits')).toBe('52111222');
    expect(duplicateKey('sin número', 'digits')).toBeNull();
  });

  it('keeps exact values as stored and folds only text types in normalised mode', () => {
    expect(duplicateKey(' Ana ', 'exact')).toBe(' Ana ');
    expect(duplicateKey(12, 'exact')).toBe('12');
    expect(duplicateKey(null, 'text')).toBeNull();
    expect(keyNormalisation('phone', 'normalised')).toBe('digits');
    expect(keyNormalisation('text', 'normalised', true)).toBe('digits');
    expect(keyNormalisation('text', 'normalised')).toBe('text');
    expect(keyNormalisation('integer', 'normalised')).toBe('exact');
    expect(keyNormalisation('phone', 'exact')).toBe('exact');
  });
});
