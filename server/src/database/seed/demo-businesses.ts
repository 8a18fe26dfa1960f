import type { CreateBusinessRequest, CreateCertificateRequest, CreateLocationRequest } from '@nguon/shared';
import type { DemoAccountKey } from './demo-accounts.js';
import { withCheckDigit } from './demo-codes.js';
import type { DemoSeedContext } from './demo-context.js';

interface DemoBusinessDefinition {
  owner: DemoAccountKey;
  staff?: readonly DemoAccountKey[];
  business: CreateBusinessRequest;
  certificates: readonly CreateCertificateRequest[];
  places: Record<string, CreateLocationRequest>;
}

/**
 * The demo's businesses: three Hà Tĩnh producers, a juice factory that buys their oranges, and a
 * Hà Nội distributor. Names, tax codes and company prefixes are made up; places are real areas.
 */
export const DEMO_BUSINESSES = {
  pomeloCoop: {
    owner: 'pomeloOwner',
    staff: ['pomeloStaff'],
    business: {
      legalName: 'Hợp tác xã Bưởi Phúc Trạch Hương Khê',
      taxCode: '3001987601',
      address: { line: 'Thôn Tân Phú', commune: 'Xã Phúc Trạch', province: 'Hà Tĩnh' },
      phone: '0239 3871 226',
      email: 'htxbuoiphuctrach@demo.nguon.vn',
      gs1Prefixes: ['8938512'],
      gln: withCheckDigit('893851200000'),
    },
    certificates: [
      {
        kind: 'vietgap',
        name: 'VietGAP trồng trọt: bưởi Phúc Trạch, 18,5 ha',
        number: 'VietGAP-TT-25-07-42-0118',
        issuer: 'Trung tâm Chứng nhận Chất lượng Nông sản Bắc Trung Bộ',
        validFrom: '2025-03-01',
        validTo: '2028-02-29',
      },
      {
        kind: 'ocop',
        name: 'OCOP 4 sao: Bưởi Phúc Trạch Hương Khê',
        number: 'OCOP-HT-2024-061',
        issuer: 'UBND tỉnh Hà Tĩnh',
        validFrom: '2024-10-15',
        validTo: '2027-10-14',
        stars: 4,
      },
    ],
    places: {
      growingArea: {
        kind: 'growing_area',
        name: 'Vùng trồng bưởi Phúc Trạch, đội 3',
        address: 'Thôn Tân Phú, xã Phúc Trạch',
        province: 'Hà Tĩnh',
        gln: withCheckDigit('893851200101'),
        latitude: 18.2613,
        longitude: 105.6848,
      },
      packingHouse: {
        kind: 'factory',
        name: 'Nhà sơ chế, đóng gói HTX Bưởi Phúc Trạch',
        address: 'Thôn Tân Phú, xã Phúc Trạch',
        province: 'Hà Tĩnh',
        gln: withCheckDigit('893851200202'),
        latitude: 18.2581,
        longitude: 105.6903,
      },
    },
  },
  distributor: {
    owner: 'distributorOwner',
    business: {
      legalName: 'Công ty TNHH Nông sản Sạch Thủ Đô',
      taxCode: '0109876543',
      address: { line: 'Số 18 phố Hoàng Quốc Việt', commune: 'Phường Nghĩa Đô', province: 'Hà Nội' },
      phone: '024 3756 8899',
      email: 'lienhe@nongsansachthudo.demo.nguon.vn',
      gs1Prefixes: ['8936010'],
      gln: withCheckDigit('893601000000'),
    },
    certificates: [
      {
        kind: 'haccp',
        name: 'HACCP: kho lạnh và phân phối rau quả tươi',
        number: 'HACCP-HN-2025-0342',
        issuer: 'Tổ chức Chứng nhận An toàn Thực phẩm Hà Nội',
        validFrom: '2025-06-01',
        validTo: '2028-05-31',
      },
    ],
    places: {
      warehouse: {
        kind: 'warehouse',
        name: 'Kho lạnh Long Biên',
        address: 'Số 5 đường Ngô Gia Tự, phường Long Biên',
        province: 'Hà Nội',
        gln: withCheckDigit('893601000101'),
        latitude: 21.0478,
        longitude: 105.8892,
      },
      shop: {
        kind: 'shop',
        name: 'Cửa hàng Nông sản Sạch Thủ Đô, Cầu Giấy',
        address: 'Số 102 phố Trần Thái Tông, phường Cầu Giấy',
        province: 'Hà Nội',
        gln: withCheckDigit('893601000202'),
        latitude: 21.0339,
        longitude: 105.7902,
      },
    },
  },
  orangeCoop: {
    owner: 'orangeOwner',
    business: {
      legalName: 'Hợp tác xã Cam bù Hương Sơn',
      taxCode: '3001987602',
      address: { line: 'Thôn Trường Thủy', commune: 'Xã Sơn Kim 1', province: 'Hà Tĩnh' },
      phone: '0239 3875 410',
      gs1Prefixes: ['8938523'],
    },
    certificates: [
      {
        kind: 'ocop',
        name: 'OCOP 3 sao: Cam bù Hương Sơn',
        number: 'OCOP-HT-2025-017',
        issuer: 'UBND tỉnh Hà Tĩnh',
        validFrom: '2025-04-01',
        validTo: '2028-03-31',
        stars: 3,
      },
      // Expired and not yet renewed: the consumer page shows it as no longer valid.
      {
        kind: 'vietgap',
        name: 'VietGAP trồng trọt: cam bù, 12 ha',
        number: 'VietGAP-TT-23-05-42-0047',
        issuer: 'Trung tâm Chứng nhận Chất lượng Nông sản Bắc Trung Bộ',
        validFrom: '2023-07-01',
        validTo: '2026-06-30',
      },
    ],
    places: {
      gardenHoa: {
        kind: 'farm',
        name: 'Vườn cam ông Nguyễn Văn Hòa',
        address: 'Thôn Trường Thủy, xã Sơn Kim 1',
        province: 'Hà Tĩnh',
        latitude: 18.4962,
        longitude: 105.4217,
      },
      gardenHanh: {
        kind: 'farm',
        name: 'Vườn cam bà Lê Thị Hạnh',
        address: 'Thôn Phúc Thủy, xã Sơn Kim 1',
        province: 'Hà Tĩnh',
        latitude: 18.5038,
        longitude: 105.4106,
      },
    },
  },
  juiceFactory: {
    owner: 'juiceOwner',
    business: {
      legalName: 'Công ty Cổ phần Thực phẩm Hồng Lĩnh',
      taxCode: '3001987603',
      address: { line: 'Lô C2, Khu công nghiệp Gia Lách', commune: 'Xã Tiên Điền', province: 'Hà Tĩnh' },
      phone: '0239 3824 668',
      email: 'qa@thucphamhonglinh.demo.nguon.vn',
      gs1Prefixes: ['8938534'],
    },
    certificates: [
      {
        kind: 'iso22000',
        name: 'ISO 22000:2018: sản xuất nước quả ép',
        number: 'ISO22000-2025-1187',
        issuer: 'Tổ chức Chứng nhận Hệ thống Quản lý Miền Trung',
        validFrom: '2025-09-01',
        validTo: '2028-08-31',
      },
    ],
    places: {
      factory: {
        kind: 'factory',
        name: 'Nhà máy nước ép Gia Lách',
        address: 'Lô C2, Khu công nghiệp Gia Lách',
        province: 'Hà Tĩnh',
        gln: withCheckDigit('893853400101'),
        latitude: 18.6612,
        longitude: 105.7468,
      },
    },
  },
  honeyCoop: {
    owner: 'honeyOwner',
    business: {
      legalName: 'Hợp tác xã Ong mật Vũ Quang',
      taxCode: '3001987604',
      address: { line: 'Thôn Kim Quang', commune: 'Xã Vũ Quang', province: 'Hà Tĩnh' },
      phone: '0239 3879 135',
      gs1Prefixes: ['8938545'],
    },
    certificates: [
      {
        kind: 'ocop',
        name: 'OCOP 4 sao: Mật ong rừng Vũ Quang',
        number: 'OCOP-HT-2025-033',
        issuer: 'UBND tỉnh Hà Tĩnh',
        validFrom: '2025-05-20',
        validTo: '2028-05-19',
        stars: 4,
      },
    ],
    places: {
      apiary: {
        kind: 'apiary',
        name: 'Trại ong ven rừng Vũ Quang',
        address: 'Thôn Kim Quang, xã Vũ Quang',
        province: 'Hà Tĩnh',
        latitude: 18.3497,
        longitude: 105.4163,
      },
      workshop: {
        kind: 'factory',
        name: 'Xưởng lọc và đóng hũ mật ong',
        address: 'Thôn Kim Quang, xã Vũ Quang',
        province: 'Hà Tĩnh',
        latitude: 18.3552,
        longitude: 105.4289,
      },
      shop: {
        kind: 'shop',
        name: 'Điểm bán sản phẩm OCOP Vũ Quang',
        address: 'Thôn Kim Quang, xã Vũ Quang',
        province: 'Hà Tĩnh',
        latitude: 18.3561,
        longitude: 105.4302,
      },
    },
  },
} as const satisfies Record<string, DemoBusinessDefinition>;

type Definitions = typeof DEMO_BUSINESSES;
export type DemoBusinessKey = keyof Definitions;

/** What the chains need from the businesses: their ids and their places' ids, by the keys above. */
export type DemoBusinesses = {
  [K in DemoBusinessKey]: { id: string; owner: DemoAccountKey; places: Record<keyof Definitions[K]['places'], string> };
};

/**
 * Registers each business as its owner (which makes the owner a member), has the administrator
 * verify it, then adds its certificates and places as the owner.
 */
export async function createDemoBusinesses(ctx: DemoSeedContext): Promise<DemoBusinesses> {
  const created: Partial<Record<DemoBusinessKey, DemoBusinesses[DemoBusinessKey]>> = {};
  for (const [key, definition] of Object.entries(DEMO_BUSINESSES) as [DemoBusinessKey, DemoBusinessDefinition][]) {
    const owner = definition.owner;
    const business = await ctx.registerBusiness(owner, definition.business);
    await ctx.verifyBusiness(business.id);
    for (const staff of definition.staff ?? []) await ctx.addMember(owner, business.id, staff, 'staff');
    for (const certificate of definition.certificates) await ctx.addCertificate(owner, business.id, certificate);
    const places: Record<string, string> = {};
    for (const [name, place] of Object.entries(definition.places)) {
      places[name] = (await ctx.addLocation(owner, business.id, place)).id;
    }
    created[key] = { id: business.id, owner: definition.owner, places };
  }
  return created as DemoBusinesses;
}
