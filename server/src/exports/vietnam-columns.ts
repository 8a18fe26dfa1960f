import type { Locale, LocalizedText } from '@nguon/shared';
import { COMMON_COLUMNS, isoWithOffset, listed, type ColumnSet, type ExportColumn } from './export-columns.js';
import type { EventLot } from './export-events.queries.js';
import { describePlace } from './export-places.js';
import type { ExportRow } from './export-row.js';

const CIRCULAR = 'Thông tư 02/2024/TT-BKHCN';
const TCVN_12850 = 'TCVN 12850:2019';

/** "CB-1 (Cam Hương Sơn, HTX Hương Sơn: 120 KGM)": a lot used, named in one cell. */
function describeInput(lot: EventLot | null, locale: Locale): string {
  if (!lot) return '';
  const amount = lot.quantity !== null ? `: ${lot.quantity}${lot.unit ? ` ${lot.unit}` : ''}` : '';
  return `${lot.lotCode} (${locale === 'en' ? lot.nameEn : lot.nameVi}, ${lot.businessName}${amount})`;
}

/** The event's day where it happened, as the certificates' validity is written. */
const localDay = (row: ExportRow) => isoWithOffset(row.eventTime, row.eventTimeZoneOffset).slice(0, 10);

const basis = (vi: string, en: string): LocalizedText => ({ vi, en });

/**
 * The records as Vietnam's rules name them: Circular 02/2024/TT-BKHCN (the lot, the product and
 * its trace code, the business, the stage, the place and its trace code, the time, "one step back,
 * one step forward") and TCVN 12850:2019, i.e. the GS1 Global Traceability Standard (who, what,
 * where, when, why, with the documents and certificates). One row per event and lot, as FSMA 204's.
 */
const COLUMNS: ExportColumn[] = [
  {
    ...COMMON_COLUMNS.eventTime,
    label: { vi: 'Thời gian', en: 'Time' },
    basis: basis(`${TCVN_12850}: khi nào`, `${TCVN_12850}: when`),
  },
  { ...COMMON_COLUMNS.timeZone, basis: '' },
  {
    ...COMMON_COLUMNS.stage,
    basis: basis(`${CIRCULAR}: công đoạn sản xuất, kinh doanh`, `${CIRCULAR}: the production or trade stage`),
  },
  {
    label: { vi: 'Bước nghiệp vụ (CBV)', en: 'Business step (CBV)' },
    basis: basis(`${TCVN_12850}: tại sao`, `${TCVN_12850}: why`),
    kind: 'text',
    width: 18,
    description: {
      vi: 'Bước nghiệp vụ EPCIS của sự kiện, theo từ vựng CBV của GS1 (hoặc của cổng Nguồn).',
      en: "The event's EPCIS business step, in GS1's CBV vocabulary (or the Nguồn portal's).",
    },
    value: (r) => r.bizStep,
  },
  {
    ...COMMON_COLUMNS.lotCode,
    label: { vi: 'Số lô/mẻ', en: 'Lot/batch number' },
    basis: basis(`${CIRCULAR}: lô sản phẩm, hàng hóa`, `${CIRCULAR}: the product lot`),
  },
  {
    ...COMMON_COLUMNS.gtin,
    label: { vi: 'Mã truy vết sản phẩm (GTIN)', en: 'Product trace code (GTIN)' },
    basis: basis(`${CIRCULAR}: mã truy vết sản phẩm; TCVN 13274:2020`, `${CIRCULAR}: the product trace code; TCVN 13274:2020`),
  },
  {
    label: { vi: 'Tên sản phẩm', en: 'Product name' },
    basis: basis(`${CIRCULAR}: tên sản phẩm, hàng hóa; ${TCVN_12850}: cái gì`, `${CIRCULAR}: the product's name; ${TCVN_12850}: what`),
    kind: 'text',
    width: 28,
    description: { vi: 'Tên sản phẩm.', en: "The product's name." },
    value: (r, locale) => (r.lot ? (locale === 'en' ? r.lot.nameEn : r.lot.nameVi) : null),
  },
  {
    label: { vi: 'Nhãn hiệu', en: 'Brand' },
    basis: basis(`${CIRCULAR}: thương hiệu, nhãn hiệu`, `${CIRCULAR}: the brand`),
    kind: 'text',
    width: 16,
    description: { vi: 'Nhãn hiệu của sản phẩm, nếu có.', en: "The product's brand, when it has one." },
    value: (r) => r.lot?.brand ?? null,
  },
  {
    label: { vi: 'Ngày sản xuất', en: 'Production date' },
    basis: basis(`${CIRCULAR}: thời gian sản xuất`, `${CIRCULAR}: the time of production`),
    kind: 'text',
    width: 12,
    description: { vi: 'Ngày sản xuất (hoặc thu hoạch) của lô.', en: "The lot's production (or harvest) date." },
    value: (r) => r.lot?.productionDate.slice(0, 10) ?? null,
  },
  {
    label: { vi: 'Hạn sử dụng', en: 'Expiry date' },
    basis: basis(`${CIRCULAR}: thời hạn sử dụng`, `${CIRCULAR}: the expiry date`),
    kind: 'text',
    width: 12,
    description: { vi: 'Hạn sử dụng của lô, nếu có.', en: "The lot's expiry date, when it has one." },
    value: (r) => r.lot?.expiryDate?.slice(0, 10) ?? null,
  },
  { ...COMMON_COLUMNS.quantity, basis: basis(`${TCVN_12850}: cái gì`, `${TCVN_12850}: what`) },
  { ...COMMON_COLUMNS.unit, basis: basis(`${TCVN_12850}: cái gì`, `${TCVN_12850}: what`) },
  {
    ...COMMON_COLUMNS.business,
    label: { vi: 'Cơ sở sản xuất, kinh doanh', en: 'Business' },
    basis: basis(`${CIRCULAR}: tên đơn vị sản xuất, kinh doanh; ${TCVN_12850}: ai`, `${CIRCULAR}: the business's name; ${TCVN_12850}: who`),
  },
  { ...COMMON_COLUMNS.taxCode, basis: '' },
  {
    label: { vi: 'Địa chỉ, điện thoại cơ sở', en: 'Business address and phone' },
    basis: basis(`${CIRCULAR}: địa chỉ đơn vị sản xuất, kinh doanh`, `${CIRCULAR}: the business's address`),
    kind: 'text',
    width: 36,
    description: { vi: 'Địa chỉ và số điện thoại của cơ sở.', en: "The business's address and phone number." },
    value: (r) => listed([r.place.party?.address, r.place.party?.phone]),
  },
  {
    label: { vi: 'Địa điểm', en: 'Place' },
    basis: basis(
      `${CIRCULAR}: địa điểm diễn ra sự kiện; ${TCVN_12850}: ở đâu`,
      `${CIRCULAR}: where the event took place; ${TCVN_12850}: where`,
    ),
    kind: 'text',
    width: 24,
    description: {
      vi: 'Nơi sự kiện diễn ra (vùng trồng, xưởng, kho, cửa hàng).',
      en: 'Where the event took place (growing area, plant, warehouse, shop).',
    },
    value: (r) => r.place.site?.name ?? null,
  },
  {
    ...COMMON_COLUMNS.locationGln,
    label: { vi: 'Mã truy vết địa điểm (GLN)', en: 'Location trace code (GLN)' },
    basis: basis(`${CIRCULAR}: mã truy vết địa điểm; TCVN 13274:2020`, `${CIRCULAR}: the location trace code; TCVN 13274:2020`),
  },
  {
    label: { vi: 'Địa chỉ địa điểm', en: 'Place address' },
    basis: '',
    kind: 'text',
    width: 30,
    description: { vi: 'Địa chỉ và tỉnh/thành của địa điểm.', en: "The place's address and province." },
    value: (r) => r.place.site?.address ?? null,
  },
  {
    label: { vi: 'Một bước trước', en: 'One step back' },
    basis: basis(`${CIRCULAR}: nguyên tắc "một bước trước - một bước sau"`, `${CIRCULAR}: the "one step back, one step forward" principle`),
    kind: 'text',
    width: 40,
    description: {
      vi: 'Nhận hàng: bên giao và nơi giao đi; chế biến: lô nguyên liệu đã dùng (mỗi lô một dòng).',
      en: 'Receiving: the shipper and where from; processing: the lot used (one row per lot).',
    },
    value: (r, locale) => (r.input ? describeInput(r.input, locale) : describePlace(r.previousSource, locale)),
  },
  {
    label: { vi: 'Một bước sau', en: 'One step forward' },
    basis: basis(`${CIRCULAR}: nguyên tắc "một bước trước - một bước sau"`, `${CIRCULAR}: the "one step back, one step forward" principle`),
    kind: 'text',
    width: 40,
    description: {
      vi: 'Vận chuyển: bên nhận và nơi nhận; thu hoạch, sơ chế: nơi giữ lô tiếp theo.',
      en: 'Shipping: the recipient and where to; harvesting, preprocessing: who had the lot next.',
    },
    value: (r, locale) => describePlace(r.nextRecipient, locale),
  },
  { ...COMMON_COLUMNS.documentType, basis: basis(`${TCVN_12850}: tại sao (chứng từ)`, `${TCVN_12850}: why (documents)`) },
  { ...COMMON_COLUMNS.documentNumber, basis: basis(`${TCVN_12850}: tại sao (chứng từ)`, `${TCVN_12850}: why (documents)`) },
  {
    label: { vi: 'Tiêu chuẩn, chứng nhận', en: 'Standards and certificates' },
    basis: basis(`${CIRCULAR}: tiêu chuẩn áp dụng`, `${CIRCULAR}: the standards applied`),
    kind: 'text',
    width: 36,
    description: {
      vi: 'Tiêu chuẩn sản phẩm áp dụng (VietGAP, hữu cơ...) và chứng nhận của cơ sở sản xuất còn hiệu lực vào ngày sự kiện.',
      en: "The standards the product follows (VietGAP, organic...) and the producer's certificates valid on the event's day.",
    },
    value: (r, locale) => listed([...(r.history?.standards ?? []), ...(r.history?.certificatesAt(localDay(r), locale) ?? [])]),
  },
  { ...COMMON_COLUMNS.eventId, basis: '' },
  { ...COMMON_COLUMNS.recordTime, basis: '' },
  { ...COMMON_COLUMNS.errorDeclared, basis: '' },
];

export const VIETNAM_COLUMNS: ColumnSet = {
  name: 'vietnam',
  columns: COLUMNS,
  basisHeading: { vi: 'Căn cứ', en: 'Basis' },
  tables: [
    {
      heading: [
        { vi: 'Văn bản', en: 'Text' },
        { vi: 'Nội dung', en: 'What it sets' },
      ],
      rows: [
        [
          CIRCULAR,
          {
            vi: 'Quản lý truy xuất nguồn gốc sản phẩm, hàng hóa: nguyên tắc "một bước trước - một bước sau", mã truy vết sản phẩm và địa điểm, thông tin tối thiểu cho người tiêu dùng.',
            en: 'Managing product traceability: the "one step back, one step forward" principle, product and location trace codes, the minimum information for consumers.',
          },
        ],
        [
          TCVN_12850,
          {
            vi: 'Yêu cầu chung đối với hệ thống truy xuất nguồn gốc (tương đương Tiêu chuẩn truy xuất nguồn gốc toàn cầu GS1): ai, cái gì, ở đâu, khi nào, tại sao.',
            en: 'General requirements for traceability systems (the GS1 Global Traceability Standard): who, what, where, when, why.',
          },
        ],
        [
          'TCVN 13274:2020',
          { vi: 'Định dạng các mã dùng trong truy vết (GTIN, GLN).', en: 'The format of the codes used in tracing (GTIN, GLN).' },
        ],
      ],
    },
  ],
};
