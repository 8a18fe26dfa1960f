/**
 * The portal's own EPCIS extension fields (JSON-LD prefix `nguon`), used where EPCIS has no
 * field: free-text parties, a note, the production date, the lab that inspected, the shipment a
 * receiving confirms (its eventID: one step back, linked), why an event was declared wrong.
 */
export const NGUON_NAMESPACE = 'https://id.nguon.vn/voc/';
export const EXT = {
  note: 'nguon:note',
  sourceName: 'nguon:sourceName',
  destinationName: 'nguon:destinationName',
  productionDate: 'nguon:productionDate',
  lab: 'nguon:lab',
  shipment: 'nguon:shipment',
  explanation: 'nguon:explanation',
} as const;

/** Identifiers the portal gives to places and parties that have no GLN. */
export function locationUri(location: { id: string; gln: string | null }): string {
  return location.gln ? `https://id.gs1.org/414/${location.gln}` : `urn:nguon:location:${location.id}`;
}

export function partyUri(business: { id: string; gln: string | null }): string {
  return business.gln ? `https://id.gs1.org/417/${business.gln}` : `urn:nguon:party:${business.id}`;
}

export function freeTextPartyUri(name: string): string {
  return `urn:nguon:party:name:${encodeURIComponent(name)}`;
}
