import type { LocationView } from '@nguon/shared';
import type { LocationEntity } from './location.entity.js';

export function mapLocation(l: LocationEntity): LocationView {
  return {
    id: l.id,
    businessId: l.businessId,
    kind: l.kind,
    name: l.name,
    address: l.address,
    province: l.province,
    gln: l.gln,
    latitude: l.latitude,
    longitude: l.longitude,
  };
}
