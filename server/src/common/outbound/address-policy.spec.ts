import { describe, expect, it } from '@jest/globals';
import { AddressPolicy, canonicalAddress } from './address-policy.js';
import { literalHost, parseOutboundUrl } from './outbound-url.js';

const policy = new AddressPolicy();
/** The address a URL's host is, as the WHATWG parser normalises it (odd IPv4 spellings included). */
const hostOf = (url: string) => {
  const parsed = parseOutboundUrl(url);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return literalHost(parsed.url);
};

describe('AddressPolicy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
    ['fec0::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['1::1', 'reserved'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['100.100.100.200', 'metadata'],
  ])('refuses %s as %s', (address, reason) => {
    expect(policy.refusalOf(address)).toBe(reason);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
    ['::FFFF:A9FE:A9FE', 'metadata'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
  ])('refuses %s, an IPv6 form of an internal IPv4 address, as %s', (address, reason) => {
    expect(policy.refusalOf(address)).toBe(reason);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows the public address %s', (address) => expect(policy.refusalOf(address)).toBeNull());

  it.each([
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:0:0:1]:8080/', '::1'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
  ])('reads the odd spelling %s as %s, and refuses it', (url, address) => {
    expect(hostOf(url)).toBe(address);
    expect(policy.refusalOf(hostOf(url)!)).not.toBeNull();
  });

  it('treats names as names, not addresses', () => {
    expect(hostOf('https://erp.example.vn/hooks')).toBeNull();
    expect(hostOf('https://1e100.net/')).toBeNull();
  });

  it('allows the networks the operator lists, but never a metadata service', () => {
    const allowing = new AddressPolicy(['10.0.0.0/8', '127.0.0.1/32', '::1', '169.254.0.0/16']);
    expect(allowing.refusalOf('10.20.30.40')).toBeNull();
    expect(allowing.refusalOf('127.0.0.1')).toBeNull();
    expect(allowing.refusalOf('::ffff:127.0.0.1')).toBeNull();
    expect(allowing.refusalOf('::1')).toBeNull();
    expect(allowing.refusalOf('127.0.0.2')).toBe('loopback');
    expect(allowing.refusalOf('192.168.0.1')).toBe('private');
    expect(allowing.refusalOf('169.254.1.1')).toBeNull();
    expect(allowing.refusalOf('169.254.169.254')).toBe('metadata');
  });

  it('refuses to allow what is not a network', () => {
    expect(() => new AddressPolicy(['nope'])).toThrow(/not a network/);
  });

  it('finds the IPv4 address in IPv6 forms', () => {
    expect(canonicalAddress('::ffff:192.168.0.1')).toEqual({ address: '192.168.0.1', family: 'ipv4' });
    expect(canonicalAddress('2606:4700::1')).toEqual({ address: '2606:4700::1', family: 'ipv6' });
    expect(canonicalAddress('not an address')).toBeNull();
  });
});

describe('parseOutboundUrl', () => {
  it.each([
    ['ftp://example.vn/x', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.vn/', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['http://user:pass@example.vn/', 'credentials'],
    ['http://user@example.vn/', 'credentials'],
    ['http://example.vn:22/', 'port'],
    ['http://example.vn:25/', 'port'],
    ['http://example.vn:0/', 'port'],
    ['not a url', 'not_a_url'],
    ['http://', 'not_a_url'],
    ['http://1.2.3.4.5/', 'not_a_url'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(parseOutboundUrl(url)).toEqual({ problem });
  });

  it.each(['https://erp.example.vn/hooks/nguon', 'http://example.vn:8080/x?y=1', 'https://example.vn:443/', 'http://example.vn:80/'])(
    'accepts %s',
    (url) => {
      expect('url' in parseOutboundUrl(url)).toBe(true);
    },
  );
});
