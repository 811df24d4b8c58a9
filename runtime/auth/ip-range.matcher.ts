import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** An allowed address or range: `64.80.111.0` with mask `255.255.255.0`, or a prefix length (`/24`, IPv6 `/64`). */
export interface IpRule {
  address: string;
  /** Dotted IPv4 mask or prefix length; absent = that single address. */
  mask?: string;
}

export type IpRuleProblem = 'address' | 'mask';

/** Prefix length of a dotted IPv4 mask (`255.255.255.0` → 24), or null when the bits are not contiguous. */
export function maskToPrefix(mask: string): number | null {
  if (!isIPv4(mask)) return null;
  const bits = mask.split('.').reduce((acc, part) => (acc << 8) | Number(part), 0) >>> 0;
  const prefix = bits === 0 ? 0 : 32 - Math.log2((~bits >>> 0) + 1);
  return Number.isInteger(prefix) ? prefix : null;
}

/** Turns `::ffff:10.0.0.1` (how dual-stack sockets report IPv4 callers) into `10.0.0.1`. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}

export function checkRule(rule: IpRule): IpRuleProblem | null {
  const v4 = isIPv4(rule.address);
  if (!v4 && !isIPv6(rule.address)) return 'address';
  return prefixOf(rule, v4) === null ? 'mask' : null;
}

function prefixOf(rule: IpRule, v4: boolean): number | null {
  const max = v4 ? 32 : 128;
  if (rule.mask === undefined || rule.mask === '') return max;
  const text = rule.mask.trim().replace(/^\//, '');
  if (/^\d{1,3}$/.test(text)) return Number(text) <= max ? Number(text) : null;
  return v4 ? maskToPrefix(text) : null;
}

/**
 * Click2Dial and contact-data download restrictions (seed 002 §7): no rule
 * means every address is allowed, and a rule whose mask is 0.0.0.0 allows all.
 */
export class IpAllowList {
  private readonly list = new BlockList();
  private readonly allowAll: boolean;

  constructor(rules: IpRule[]) {
    let all = rules.length === 0;
    for (const rule of rules) {
      const v4 = isIPv4(rule.address);
      const prefix = prefixOf(rule, v4);
      if (prefix === null || checkRule(rule)) continue;
      if (prefix === 0) all = true;
      this.list.addSubnet(rule.address, prefix, v4 ? 'ipv4' : 'ipv6');
    }
    this.allowAll = all;
  }

  allows(ip: string): boolean {
    if (this.allowAll) return true;
    const address = normalizeIp(ip);
    if (isIPv4(address)) return this.list.check(address, 'ipv4');
    if (isIPv6(address)) return this.list.check(address, 'ipv6');
    return false;
  }
}
