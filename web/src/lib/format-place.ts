import type { PublicPlace } from '@nguon/shared';

/** `Vườn bưởi Phúc Trạch, Hà Tĩnh`: the place's name and province, without repeating either. */
export function formatPlace(place: Pick<PublicPlace, 'name' | 'province'>): string {
  const parts = [place.name.trim(), place.province.trim()].filter(Boolean);
  if (parts.length === 2 && parts[0]?.toLowerCase().includes(parts[1]?.toLowerCase() ?? '')) return parts[0] ?? '';
  return parts.join(', ');
}

/** The full address line, skipping parts already said. */
export function formatPlaceAddress(place: Pick<PublicPlace, 'address' | 'province'>): string {
  const address = place.address.trim();
  const province = place.province.trim();
  if (!province || address.toLowerCase().includes(province.toLowerCase())) return address;
  return address ? `${address}, ${province}` : province;
}
