/** A master data parameter: `HASATTR_{field}` (values: attribute names), `EQ_ATTR_{field}_{attribute}`. */
export const HAS_ATTRIBUTE_PARAMETER = /^HASATTR_(\w+)$/;
export const ATTRIBUTE_PARAMETER = /^EQ_ATTR_([a-zA-Z]+)_(\w+)$/;

/** Positional parameters of one SQL statement (`SqlParams`). */
interface Params {
  add(value: unknown): string;
}

/**
 * The master data the portal keeps: its places (locations), named by an event's read point or
 * business location, with the CBV location attributes they have (EPCIS 2.0 §8.2.7.1 `HASATTR_`,
 * `EQ_ATTR_`). A place is the portal's location when the event names it by its portal URI, or by
 * its GLN in any form (Digital Link on any domain, or SGLN URN) without a sub-location extension.
 */
const LOCATION_ATTRIBUTES = {
  name: 'l.name',
  streetAddressOne: 'l.address',
  state: 'l.province',
  countryCode: `'VN'`,
  latitude: 'l.latitude::text',
  longitude: 'l.longitude::text',
} as const;
type LocationAttribute = keyof typeof LOCATION_ATTRIBUTES;
const LOCATION_ATTRIBUTE_NAMES = Object.keys(LOCATION_ATTRIBUTES) as LocationAttribute[];

/** An attribute as a query may name it: bare (`name`), `cbvmda:name` or `urn:epcglobal:cbv:mda#name`. */
function locationAttribute(written: string): LocationAttribute | null {
  const bare = written.replace(/^(cbvmda:|urn:epcglobal:cbv:mda#|urn:epcglobal:cbv:mda:)/, '');
  return (LOCATION_ATTRIBUTE_NAMES as string[]).includes(bare) ? (bare as LocationAttribute) : null;
}

/** The column (alias `e`) of each vocabulary field that names a place. */
const PLACE_COLUMNS = { readPoint: 'e.read_point', bizLocation: 'e.biz_location' } as const;
type PlaceField = keyof typeof PLACE_COLUMNS;

/** The event's place (column) is the location `l`. */
function isLocation(column: string): string {
  const sgln = `split_part(substr(${column}, 17), '.', 1) || split_part(substr(${column}, 17), '.', 2)`;
  return `(${column} = 'urn:nguon:location:' || l.id
           OR (l.gln IS NOT NULL AND (substring(${column} from '/414/([0-9]{13})(/254/0)?$') = l.gln
               OR (${column} LIKE 'urn:epc:id:sgln:%' AND split_part(substr(${column}, 17), '.', 3) = '0' AND ${sgln} = left(l.gln, 12)))))`;
}

/** `HASATTR_{field}=name|state`: the place is a location with one of these attributes. */
function hasAttributeCondition(field: PlaceField, attributes: LocationAttribute[]): string {
  const has = attributes.map((attribute) => `(${LOCATION_ATTRIBUTES[attribute]} IS NOT NULL AND ${LOCATION_ATTRIBUTES[attribute]} <> '')`);
  return `EXISTS (SELECT 1 FROM locations l WHERE (${has.join(' OR ')}) AND ${isLocation(PLACE_COLUMNS[field])})`;
}

/** `EQ_ATTR_{field}_{attribute}=a|b`: the place is a location whose attribute is one of the values. */
function attributeEqualsCondition(field: PlaceField, attribute: LocationAttribute, values: string[], params: Params): string {
  return `EXISTS (SELECT 1 FROM locations l
                   WHERE ${LOCATION_ATTRIBUTES[attribute]} = ANY(${params.add([...new Set(values)])}::text[]) AND ${isLocation(PLACE_COLUMNS[field])})`;
}

/** The condition of a master data parameter, or null when the name is not one. */
export function masterDataCondition(name: string, values: string[], params: Params): string | null {
  const hasAttribute = HAS_ATTRIBUTE_PARAMETER.exec(name);
  if (hasAttribute)
    return hasAttributeCondition(
      hasAttribute[1] as PlaceField,
      values.map((value) => locationAttribute(value)!),
    );
  const attribute = ATTRIBUTE_PARAMETER.exec(name);
  if (attribute) return attributeEqualsCondition(attribute[1] as PlaceField, locationAttribute(attribute[2]!)!, values, params);
  return null;
}

/** Why the parameter names master data the portal does not keep (it keeps its places' attributes), or null. */
export function masterDataProblem(name: string, values: string[]): string | null {
  const field = HAS_ATTRIBUTE_PARAMETER.exec(name)?.[1] ?? ATTRIBUTE_PARAMETER.exec(name)?.[1];
  if (field === undefined) return null;
  if (!(field in PLACE_COLUMNS)) return `${name}: master data is kept for places only (readPoint, bizLocation)`;
  const attributes = HAS_ATTRIBUTE_PARAMETER.test(name) ? values : [ATTRIBUTE_PARAMETER.exec(name)![2]!];
  const unknown = attributes.find((attribute) => !locationAttribute(attribute));
  return unknown === undefined
    ? null
    : `${unknown} is not an attribute the portal keeps for places; use ${LOCATION_ATTRIBUTE_NAMES.join(', ')}`;
}
