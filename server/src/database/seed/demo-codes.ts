import { buildDigitalLink, gs1CheckDigit } from '@nguon/shared';

/** A GS1 key from its digits without the check digit (GTIN-13, GLN): the check digit is computed. */
export function withCheckDigit(body: string): string {
  return `${body}${gs1CheckDigit(body)}`;
}

/**
 * The demo's fixed identifiers, so the README (and anyone trying the portal) can name a code whose
 * page shows a real timeline. GS1 Vietnam's prefix 893 with made-up company prefixes.
 */
export const DEMO_GTINS = {
  /** Bưởi Phúc Trạch, HTX Bưởi Phúc Trạch Hương Khê (company prefix 8938512). */
  pomelo: withCheckDigit('893851200011'),
  /** Cam bù Hương Sơn, HTX Cam bù Hương Sơn (8938523). */
  orange: withCheckDigit('893852300018'),
  /** Nước cam ép Hương Sơn, Công ty CP Thực phẩm Hồng Lĩnh (8938534). */
  orangeJuice: withCheckDigit('893853400013'),
  /** Mật ong rừng Vũ Quang, HTX Ong mật Vũ Quang (8938545). */
  honey: withCheckDigit('893854500012'),
} as const;

export const DEMO_LOTS = {
  pomelo: 'PT-2026-001',
  orangeGardenHoa: 'CB-2026-V1',
  orangeGardenHanh: 'CB-2026-V2',
  orangeJuice: 'NC-2026-1110',
  honey: 'MO-2026-05',
  /** The recalled batch. */
  honeyRecalled: 'MO-2026-03',
  /** Bee pollen: a product without a GTIN, so its QR code is `/q/{code}`. */
  pollen: 'PH-2026-06',
} as const;

export type DemoBatchKey = keyof typeof DEMO_LOTS;

/** The GTIN-14 a Digital Link carries (a GTIN-13 with a leading zero). */
export function gtin14(gtin13: string): string {
  return gtin13.padStart(14, '0');
}

/** The Digital Link path of a demo batch, without the expiry query: `/01/{gtin14}/10/{lot}`. */
export function demoDigitalLink(gtin13: string, lot: string, publicBaseUrl: string): string {
  return buildDigitalLink({ gtin14: gtin14(gtin13), lot }, publicBaseUrl);
}

/** The demo codes worth opening, as the README lists them. */
export function demoLinks(publicBaseUrl: string): { title: string; url: string }[] {
  return [
    { title: 'Phúc Trạch pomelo, farm to Hà Nội shop', url: demoDigitalLink(DEMO_GTINS.pomelo, DEMO_LOTS.pomelo, publicBaseUrl) },
    {
      title: 'Hương Sơn orange juice, made from two orange batches',
      url: demoDigitalLink(DEMO_GTINS.orangeJuice, DEMO_LOTS.orangeJuice, publicBaseUrl),
    },
    { title: 'Vũ Quang forest honey, lab-inspected', url: demoDigitalLink(DEMO_GTINS.honey, DEMO_LOTS.honey, publicBaseUrl) },
    { title: 'Vũ Quang honey, RECALLED batch', url: demoDigitalLink(DEMO_GTINS.honey, DEMO_LOTS.honeyRecalled, publicBaseUrl) },
  ];
}
