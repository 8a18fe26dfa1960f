import { BlockList, isIP } from 'node:net';
import { parseNetwork } from '../../config/network.js';

/** Why an address is not called: the kind of network it belongs to. */
export type AddressRefusal = 'loopback' | 'unspecified' | 'private' | 'link-local' | 'shared' | 'multicast' | 'reserved' | 'metadata';

type Range = [AddressRefusal, string, number];

/** Cloud metadata services: refused even when the operator allows the network they sit in. */
const METADATA: Range[] = [
  ['metadata', '169.254.169.254', 32], // AWS, GCP, Azure, OpenStack...
  ['metadata', '168.63.129.16', 32], // Azure host agent (in public space)
  ['metadata', '100.100.100.200', 32], // Alibaba Cloud
  ['metadata', '192.0.0.192', 32], // Oracle Cloud
];
const METADATA_V6: Range[] = [['metadata', 'fd00:ec2::254', 128]];

/** IANA special-purpose registries (RFC 6890 and successors): nothing a webhook lives on. */
const SPECIAL_V4: Range[] = [
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['shared', '100.64.0.0', 10], // carrier-grade NAT
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24], // documentation
  ['reserved', '192.88.99.0', 24], // 6to4 relays
  ['private', '192.168.0.0', 16],
  ['reserved', '198.18.0.0', 15], // benchmarking
  ['reserved', '198.51.100.0', 24], // documentation
  ['reserved', '203.0.113.0', 24], // documentation
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4], // future use, and 255.255.255.255 broadcast
];
const SPECIAL_V6: Range[] = [
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['private', '64:ff9b:1::', 48], // local-use NAT64
  ['reserved', '100::', 64], // discard
  ['reserved', '2001::', 23], // IETF assignments: Teredo, benchmarking, ORCHID...
  ['reserved', '2001:db8::', 32], // documentation
  ['reserved', '3fff::', 20], // documentation
  ['private', 'fc00::', 7], // unique local
  ['link-local', 'fe80::', 10],
  ['reserved', 'fec0::', 10], // old site-local
  ['multicast', 'ff00::', 8],
];

function blockList(ranges: Range[], family: 'ipv4' | 'ipv6'): [AddressRefusal, BlockList][] {
  return ranges.map(([reason, network, prefix]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return [reason, list];
  });
}

const METADATA_LISTS = [...blockList(METADATA, 'ipv4'), ...blockList(METADATA_V6, 'ipv6')];
const SPECIAL_LISTS = [...blockList(SPECIAL_V4, 'ipv4'), ...blockList(SPECIAL_V6, 'ipv6')];

/** The eight 16-bit groups of an IPv6 address (which `isIP` already accepted), a dotted tail included. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/**
 * The IPv4 address an IPv6 address carries, where the packet really goes to it (or a translator
 * does): IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4 `2002:AABB:CCDD::`.
 */
function embeddedIpv4(groups: number[]): string | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const zeroTo4 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroTo4 && g5 === 0xffff) return v4(g6, g7);
  if (zeroTo4 && g5 === 0 && g6 !== 0) return v4(g6, g7); // :: and ::1 stay IPv6
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4(g6, g7);
  if (g0 === 0x2002) return v4(g1, g2);
  return null;
}

/** An address as the policy judges it: the IPv4 inside an IPv6 form, or itself. */
export function canonicalAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const version = isIP(address);
  if (version === 4) return { address, family: 'ipv4' };
  if (version !== 6) return null;
  const inner = embeddedIpv4(ipv6Groups(address));
  return inner ? { address: inner, family: 'ipv4' } : { address, family: 'ipv6' };
}

/**
 * Which addresses the portal may call on a user's behalf (webhooks): public unicast only, unless
 * the operator allows a network (`OUTBOUND_ALLOWED_NETWORKS`). Metadata services never.
 */
export class AddressPolicy {
  private readonly allowed = new BlockList();

  /** `networks`: CIDR ranges (or single addresses) the operator allows, e.g. `10.0.0.0/8`, `::1`. */
  constructor(networks: readonly string[] = []) {
    for (const network of networks) {
      const parsed = parseNetwork(network);
      if (!parsed) throw new Error(`not a network: "${network}"`);
      this.allowed.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
  }

  /** Why `address` (an IP literal) may not be called, or null when it may. */
  refusalOf(address: string): AddressRefusal | null {
    const canonical = canonicalAddress(address);
    if (!canonical) return 'reserved';
    const matches = ([, list]: [AddressRefusal, BlockList]) => list.check(canonical.address, canonical.family);
    const metadata = METADATA_LISTS.find(matches);
    if (metadata) return metadata[0];
    if (this.allowed.check(canonical.address, canonical.family)) return null;
    const special = SPECIAL_LISTS.find(matches);
    if (special) return special[0];
    // Only 2000::/3 is global unicast in IPv6; the rest is unassigned or special.
    if (canonical.family === 'ipv6' && (ipv6Groups(canonical.address)[0]! & 0xe000) !== 0x2000) return 'reserved';
    return null;
  }
}
