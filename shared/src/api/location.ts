export const LOCATION_KINDS = ['farm', 'growing_area', 'pond', 'apiary', 'factory', 'warehouse', 'shop', 'lab', 'other'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export interface CreateLocationRequest {
  kind: LocationKind;
  name: string;
  address: string;
  province: string;
  gln?: string;
  latitude?: number;
  longitude?: number;
}

/** A change to a location: only the fields given change; `null` clears GLN or both coordinates. */
export interface UpdateLocationRequest {
  kind?: LocationKind;
  name?: string;
  address?: string;
  province?: string;
  gln?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface LocationView {
  id: string;
  businessId: string;
  kind: LocationKind;
  name: string;
  address: string;
  province: string;
  gln: string | null;
  latitude: number | null;
  longitude: number | null;
}
