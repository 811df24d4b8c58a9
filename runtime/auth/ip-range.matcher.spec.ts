import { checkRule, IpAllowList, maskToPrefix } from './ip-range.matcher';

describe('IpAllowList (Click2Dial restrictions)', () => {
  it('allows everything when no rule is configured', () => {
    expect(new IpAllowList([]).allows('203.0.113.9')).toBe(true);
  });

  it('allows a range given as address and dotted mask', () => {
    const list = new IpAllowList([{ address: '64.80.111.0', mask: '255.255.255.0' }]);
    expect(list.allows('64.80.111.1')).toBe(true);
    expect(list.allows('64.80.111.254')).toBe(true);
    expect(list.allows('64.80.112.1')).toBe(false);
    expect(list.allows('::ffff:64.80.111.7')).toBe(true);
  });

  it('treats mask 0.0.0.0 as allow all, and a missing mask as one address', () => {
    expect(new IpAllowList([{ address: '10.0.0.0', mask: '0.0.0.0' }]).allows('8.8.8.8')).toBe(true);
    const single = new IpAllowList([{ address: '10.1.2.3' }]);
    expect(single.allows('10.1.2.3')).toBe(true);
    expect(single.allows('10.1.2.4')).toBe(false);
  });

  it('handles IPv6 prefixes', () => {
    const list = new IpAllowList([{ address: '2001:db8:abcd::', mask: '48' }]);
    expect(list.allows('2001:db8:abcd:12::1')).toBe(true);
    expect(list.allows('2001:db8:abce::1')).toBe(false);
    expect(list.allows('64.80.111.1')).toBe(false);
  });

  it('converts masks and rejects malformed rules', () => {
    expect(maskToPrefix('255.255.255.0')).toBe(24);
    expect(maskToPrefix('255.255.0.0')).toBe(16);
    expect(maskToPrefix('0.0.0.0')).toBe(0);
    expect(maskToPrefix('255.0.255.0')).toBeNull();
    expect(checkRule({ address: '300.1.1.1' })).toBe('address');
    expect(checkRule({ address: '10.0.0.0', mask: '255.0.255.0' })).toBe('mask');
    expect(checkRule({ address: '10.0.0.0', mask: '/33' })).toBe('mask');
    expect(checkRule({ address: '2001:db8::', mask: '/64' })).toBeNull();
  });
});
