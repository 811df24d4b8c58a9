import fc from 'fast-check';
import { failureReason, isPermanent, retryWait } from './mail.dispatcher';

describe('mail dispatcher rules', () => {
  it('waits the base, then doubles, never more than an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryWait(n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 600_000 }), (attempts, base) => {
        const wait = retryWait(attempts, base);
        expect(wait).toBeLessThanOrEqual(3_600_000);
        expect(wait).toBeGreaterThanOrEqual(Math.min(base, 3_600_000));
        expect(retryWait(attempts + 1, base)).toBeGreaterThanOrEqual(wait);
      }),
    );
  });

  it('gives up at once only on an SMTP 5xx reply', () => {
    expect(isPermanent({ responseCode: 550 })).toBe(true);
    expect(isPermanent({ responseCode: 451 })).toBe(false);
    expect(isPermanent({ code: 'ECONNREFUSED' })).toBe(false);
    expect(isPermanent(null)).toBe(false);
  });

  it('keeps the server reply as the reason, with its code once', () => {
    expect(failureReason({ responseCode: 550, response: '550 Mailbox unavailable' })).toBe('550 Mailbox unavailable');
    expect(failureReason({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:25' })).toBe('ECONNREFUSED connect ECONNREFUSED 127.0.0.1:25');
    expect(failureReason({ message: 'x'.repeat(5000) })).toHaveLength(1000);
  });
});
