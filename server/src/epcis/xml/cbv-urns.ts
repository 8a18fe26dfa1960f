/**
 * CBV 1.x URNs, which EPCIS XML uses, and the bare words EPCIS 2.0 JSON-LD writes for the same
 * terms (GS1's JSON schema refuses the URNs there): `urn:epcglobal:cbv:bizstep:shipping` is
 * `shipping`. The event hash treats both as one term, so converting changes no eventID.
 */
const CBV_URNS: Readonly<Record<string, string>> = {
  bizStep: 'urn:epcglobal:cbv:bizstep:',
  disposition: 'urn:epcglobal:cbv:disp:',
  set: 'urn:epcglobal:cbv:disp:',
  unset: 'urn:epcglobal:cbv:disp:',
  reason: 'urn:epcglobal:cbv:er:',
  // The `type` of these list entries.
  bizTransaction: 'urn:epcglobal:cbv:btt:',
  source: 'urn:epcglobal:cbv:sdt:',
  destination: 'urn:epcglobal:cbv:sdt:',
};

/** The JSON-LD form of a field's value: the bare word for a CBV URN. */
export function bareCbv(field: string, value: string): string {
  const urn = CBV_URNS[field];
  return urn && value.startsWith(urn) ? value.slice(urn.length) : value;
}

/** The XML form of a field's value: the CBV URN for a bare word (a URI stays as it is). */
export function cbvUrn(field: string, value: string): string {
  const urn = CBV_URNS[field];
  return urn && !value.includes(':') ? `${urn}${value}` : value;
}
