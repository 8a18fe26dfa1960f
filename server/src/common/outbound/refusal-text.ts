import type { LocalizedText } from '@nguon/shared';
import type { AddressRefusal } from './address-policy.js';
import type { AddressRefusedError, HostNotFoundError } from './outbound-http.js';

const KINDS: Record<AddressRefusal | 'url', LocalizedText> = {
  loopback: { vi: 'chính máy chủ của hệ thống (loopback)', en: "the portal's own machine (loopback)" },
  unspecified: { vi: 'địa chỉ không xác định (0.0.0.0, ::)', en: 'an unspecified address (0.0.0.0, ::)' },
  private: { vi: 'một mạng nội bộ (private)', en: 'a private network' },
  'link-local': { vi: 'một địa chỉ link-local', en: 'a link-local address' },
  shared: { vi: 'mạng dùng chung của nhà mạng (CGNAT)', en: 'a carrier-grade NAT network' },
  multicast: { vi: 'một địa chỉ multicast', en: 'a multicast address' },
  reserved: { vi: 'một dải địa chỉ dành riêng, không dùng trên Internet', en: 'a reserved range, not used on the internet' },
  metadata: { vi: 'dịch vụ metadata của máy chủ đám mây', en: 'a cloud metadata service' },
  url: { vi: 'một URL không hợp lệ', en: 'not a valid URL' },
};

/**
 * Why a URL is refused, in both languages: the host and the kind of network. The address a name
 * resolves to is not said (it is logged): the portal's internal DNS is none of the user's business.
 */
export function refusalText(error: AddressRefusedError): LocalizedText {
  const kind = KINDS[error.reason];
  const where =
    error.address && error.address !== error.host
      ? { vi: `${error.host} trỏ tới ${kind.vi}`, en: `${error.host} resolves to ${kind.en}` }
      : { vi: `${error.host} là ${kind.vi}`, en: `${error.host} is ${kind.en}` };
  return {
    vi: `${where.vi}: hệ thống chỉ gọi tới địa chỉ Internet công khai.`,
    en: `${where.en}: the portal only calls public internet addresses.`,
  };
}

export function hostNotFoundText(error: HostNotFoundError): LocalizedText {
  return { vi: `Không tìm thấy tên miền ${error.host} (DNS).`, en: `The host name ${error.host} could not be found (DNS).` };
}
