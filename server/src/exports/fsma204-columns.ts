import { localize } from '@nguon/shared';
import { CRITICAL_TRACKING_EVENTS } from './critical-tracking-events.js';
import { COMMON_COLUMNS, type ColumnSet, type ExportColumn } from './export-columns.js';
import type { EventLot } from './export-events.queries.js';
import { describeParty, describePlace, describeSite, glnOf } from './export-places.js';
import type { LotStep } from './lot-history.js';

/** "Cam Hương Sơn (Huong Son orange)": a product in one cell, both names when they differ. */
const bothNames = (lot: EventLot | null) => (!lot ? null : lot.nameVi === lot.nameEn ? lot.nameVi : `${lot.nameVi} (${lot.nameEn})`);

const stepTime = (step: LotStep | null) => step?.time ?? null;
const stepOffset = (step: LotStep | null) => step?.offset ?? '+00:00';

/**
 * The FDA's sortable spreadsheet (21 CFR 1.1455(c)(3)(ii)): one row per critical tracking event
 * and traceability lot, with every key data element 21 CFR 1.1325-1.1350 lists for the CTEs; the
 * English headers are the rule's words. `basis` names the paragraphs each column answers.
 */
const COLUMNS: ExportColumn[] = [
  {
    ...COMMON_COLUMNS.eventTime,
    basis: '1.1325(a)(1)(vii), (b)(1)(v); 1.1330(a)(15); 1.1335(f); 1.1340(a)(6); 1.1345(a)(6); 1.1350(a)(2)(iii)',
    description: {
      vi: 'Ngày của sự kiện (thu hoạch, làm lạnh, đóng gói, cập bờ, giao, nhận, hoàn tất chế biến), theo giờ địa phương nơi ghi nhận (xem cột múi giờ).',
      en: 'The date of the event (harvesting, cooling, packing, landing, shipping, receiving, transformation completed), in local time where it was recorded (see the offset column).',
    },
  },
  { ...COMMON_COLUMNS.timeZone, basis: '' },
  {
    label: { vi: 'Sự kiện truy xuất trọng yếu (CTE)', en: 'Critical Tracking Event (CTE)' },
    basis: '1.1310',
    kind: 'text',
    width: 24,
    description: {
      vi: 'Loại sự kiện theo FSMA 204; các công đoạn khác ghi là "Khác". Xem bảng CTE bên dưới.',
      en: 'The FSMA 204 event type; other stages show "Other". See the CTE table below.',
    },
    value: (r, locale) => localize(CRITICAL_TRACKING_EVENTS[r.cte].name, locale),
  },
  { ...COMMON_COLUMNS.stage, basis: '' },
  {
    ...COMMON_COLUMNS.lotCode,
    label: { vi: 'Mã lô truy xuất (TLC)', en: 'Traceability Lot Code' },
    basis: '1.1330(a)(11); 1.1335(a); 1.1340(a)(1); 1.1345(a)(1); 1.1350(a)(2)(i)',
  },
  { ...COMMON_COLUMNS.gtin, basis: '' },
  {
    label: { vi: 'Mô tả sản phẩm (tiếng Việt)', en: 'Product Description (vi)' },
    basis: '1.1325(a)(1)(ii), (b)(1)(ii); 1.1330(a)(1), (12); 1.1335(b); 1.1340(a)(3); 1.1345(a)(3); 1.1350(a)(2)(iv)',
    kind: 'text',
    width: 28,
    description: {
      vi: 'Tên sản phẩm bằng tiếng Việt (mặt hàng và giống, nếu có).',
      en: "The product's name in Vietnamese (the commodity, and the variety when named).",
    },
    value: (r) => r.lot?.nameVi ?? null,
  },
  {
    label: { vi: 'Mô tả sản phẩm (tiếng Anh)', en: 'Product Description (en)' },
    basis: '1.1325(a)(1)(ii), (b)(1)(ii); 1.1330(a)(1), (12); 1.1335(b); 1.1340(a)(3); 1.1345(a)(3); 1.1350(a)(2)(iv)',
    kind: 'text',
    width: 28,
    description: { vi: 'Tên sản phẩm bằng tiếng Anh.', en: "The product's name in English." },
    value: (r) => r.lot?.nameEn ?? null,
  },
  {
    ...COMMON_COLUMNS.quantity,
    basis: '1.1325(a)(1)(iii), (b)(1)(iii); 1.1330(a)(13); 1.1335(c); 1.1340(a)(2); 1.1345(a)(2); 1.1350(a)(2)(v)',
  },
  {
    ...COMMON_COLUMNS.unit,
    basis: '1.1325(a)(1)(iii), (b)(1)(iii); 1.1330(a)(13); 1.1335(c); 1.1340(a)(2); 1.1345(a)(2); 1.1350(a)(2)(v)',
  },
  {
    label: { vi: 'Mô tả địa điểm', en: 'Location Description' },
    basis: '1.1310; 1.1325(a)(1)(iv)-(vi), (b)(1)(iv); 1.1330(a)(14); 1.1335(e); 1.1340(a)(5); 1.1345(a)(5); 1.1350(a)(2)(ii)',
    kind: 'text',
    width: 40,
    description: {
      vi: 'Nơi sự kiện diễn ra (thửa ruộng/vùng trồng, xưởng, kho nơi giao đi hoặc nhận về) và doanh nghiệp ở đó: tên, địa chỉ, điện thoại.',
      en: 'Where the event took place (the field or growing area, the plant, the place shipped from or received at) and the business there: name, address, phone.',
    },
    value: (r, locale) => describePlace(r.place, locale),
  },
  { ...COMMON_COLUMNS.locationGln, basis: '' },
  { ...COMMON_COLUMNS.business, basis: '' },
  { ...COMMON_COLUMNS.taxCode, label: { vi: 'Mã số thuế', en: 'Business Tax Code' }, basis: '' },
  {
    label: { vi: 'Nơi gán mã lô truy xuất (TLC source)', en: 'Traceability Lot Code Source' },
    basis: '1.1330(a)(14); 1.1335(e); 1.1340(a)(7); 1.1345(a)(7); 1.1350(a)(2)(ii)',
    kind: 'text',
    width: 40,
    description: {
      vi: 'Mô tả nơi mã lô được gán: nơi chế biến ra lô, nếu không thì nơi đóng gói lần đầu, nếu không thì nơi lô được tạo (nơi sản xuất và doanh nghiệp).',
      en: 'The location description where the lot code was assigned: where processing made the lot, else where it was first packed, else where it was registered (its origin and producer).',
    },
    value: (r, locale) => describePlace(r.lotCodeSource, locale),
  },
  {
    label: { vi: 'Tham chiếu nơi gán mã lô', en: 'Traceability Lot Code Source Reference' },
    basis: '1.1330(a)(14); 1.1335(e); 1.1340(a)(7); 1.1345(a)(7); 1.1350(a)(2)(ii)',
    kind: 'text',
    width: 16,
    description: {
      vi: 'Mã GLN của nơi gán mã lô (hoặc của doanh nghiệp ở đó), nếu có; để trống khi không có (đã có mô tả địa điểm).',
      en: 'The GLN of the place where the lot code was assigned (or of its business), when there is one; empty otherwise (the location description is given).',
    },
    value: (r) => glnOf(r.lotCodeSource),
  },
  {
    label: { vi: 'Nguồn liền trước', en: 'Immediate Previous Source' },
    basis: '1.1345(a)(4)',
    kind: 'text',
    width: 28,
    description: { vi: 'Một bước trước: bên giao hàng (khi nhận hàng).', en: 'One step back: who shipped the goods (receiving).' },
    value: (r) => r.previousSource?.party?.name ?? null,
  },
  {
    label: { vi: 'Mô tả địa điểm nguồn liền trước', en: 'Immediate Previous Source Location Description' },
    basis: '1.1345(a)(4)',
    kind: 'text',
    width: 40,
    description: {
      vi: 'Nơi hàng được giao đi (khi biết) và bên giao: tên, địa chỉ, điện thoại.',
      en: 'Where the goods were shipped from (when known) and the shipper: name, address, phone.',
    },
    value: (r, locale) => describePlace(r.previousSource, locale),
  },
  {
    label: { vi: 'Bên nhận liền sau', en: 'Immediate Subsequent Recipient' },
    basis: '1.1325(a)(1)(i), (b)(1)(i); 1.1340(a)(4)',
    kind: 'text',
    width: 28,
    description: {
      vi: 'Một bước sau: bên nhận hàng (khi vận chuyển); với thu hoạch và làm lạnh, bên giữ lô tiếp theo.',
      en: 'One step forward: who the goods were shipped to (shipping); for harvesting and cooling, who had the lot next.',
    },
    value: (r) => r.nextRecipient?.party?.name ?? null,
  },
  {
    label: { vi: 'Mô tả địa điểm bên nhận liền sau', en: 'Immediate Subsequent Recipient Location Description' },
    basis: '1.1325(a)(1)(i), (b)(1)(i); 1.1340(a)(4)',
    kind: 'text',
    width: 40,
    description: {
      vi: 'Nơi nhận (khi biết) và bên nhận: tên, địa chỉ, điện thoại.',
      en: 'Where the goods went (when known) and the recipient: name, address, phone.',
    },
    value: (r, locale) => describePlace(r.nextRecipient, locale),
  },
  {
    label: { vi: 'Nơi giao đến', en: 'Ship-To Location' },
    basis: '1.1340(a)(4)',
    kind: 'text',
    width: 30,
    description: {
      vi: 'Vận chuyển: địa điểm bên nhận ghi đã nhận hàng.',
      en: 'Shipping: the location where the recipient recorded receiving the goods.',
    },
    value: (r) => describeSite(r.shipTo),
  },
  {
    label: { vi: 'Mã lô đầu vào', en: 'Input Traceability Lot Code' },
    basis: '1.1350(a)(1)(i)',
    kind: 'text',
    width: 18,
    description: {
      vi: 'Chế biến: lô nguyên liệu đã dùng; mỗi lô đầu vào một dòng.',
      en: 'Transformation: a lot used; one row per input lot.',
    },
    value: (r) => r.input?.lotCode ?? null,
  },
  {
    label: { vi: 'Mô tả sản phẩm đầu vào', en: 'Input Product Description' },
    basis: '1.1350(a)(1)(ii)',
    kind: 'text',
    width: 28,
    description: { vi: 'Chế biến: sản phẩm của lô đầu vào.', en: 'Transformation: the product of the input lot.' },
    value: (r) => bothNames(r.input),
  },
  {
    label: { vi: 'Số lượng đầu vào đã dùng', en: 'Input Quantity Used' },
    basis: '1.1350(a)(1)(iii)',
    kind: 'number',
    width: 10,
    description: { vi: 'Chế biến: số lượng đã dùng từ lô đầu vào.', en: 'Transformation: the quantity used from the input lot.' },
    value: (r) => r.input?.quantity ?? null,
  },
  {
    label: { vi: 'Đơn vị tính đầu vào', en: 'Input Unit of Measure' },
    basis: '1.1350(a)(1)(iii)',
    kind: 'text',
    width: 10,
    description: { vi: 'Chế biến: đơn vị của số lượng đầu vào.', en: 'Transformation: the unit of the input quantity.' },
    value: (r) => r.input?.unit ?? null,
  },
  {
    label: { vi: 'Ngày thu hoạch', en: 'Harvest Date' },
    basis: '1.1330(a)(8); 1.1335(d)',
    kind: 'datetime',
    width: 20,
    description: {
      vi: 'Làm lạnh, đóng gói lần đầu: lần thu hoạch lô (giờ địa phương).',
      en: "Cooling, initial packing: the lot's harvest (local time).",
    },
    value: (r) => stepTime(r.harvest),
    offset: (r) => stepOffset(r.harvest),
  },
  {
    label: { vi: 'Nơi thu hoạch (trang trại, ruộng hoặc vùng trồng)', en: 'Harvest Location (Farm, Field or Growing Area)' },
    basis: '1.1325(b)(1)(vi); 1.1330(a)(4)-(6); 1.1335(d)',
    kind: 'text',
    width: 40,
    description: {
      vi: 'Làm lạnh, đóng gói lần đầu: thửa ruộng/vùng trồng (hoặc ao, lồng) nơi thu hoạch lô, và trang trại đó.',
      en: 'Cooling, initial packing: the field or growing area (or pond, cage) the lot was harvested from, and the farm.',
    },
    value: (r, locale) => describePlace(r.harvest?.place ?? null, locale),
  },
  {
    label: { vi: 'Bên thu hoạch (tên, điện thoại)', en: 'Harvester Business Name and Phone' },
    basis: '1.1330(a)(7)',
    kind: 'text',
    width: 30,
    description: { vi: 'Đóng gói lần đầu: bên đã thu hoạch lô.', en: 'Initial packing: who harvested the lot.' },
    value: (r, locale) => describeParty(r.harvest?.place.party ?? null, locale),
  },
  {
    label: { vi: 'Ngày làm lạnh', en: 'Cooling Date' },
    basis: '1.1330(a)(10)',
    kind: 'datetime',
    width: 20,
    description: {
      vi: 'Đóng gói lần đầu: lần sơ chế, làm lạnh lô trước khi đóng gói (nếu có).',
      en: 'Initial packing: when the lot was cooled before packing (if it was).',
    },
    value: (r) => stepTime(r.cooling),
    offset: (r) => stepOffset(r.cooling),
  },
  {
    label: { vi: 'Mô tả nơi làm lạnh', en: 'Cooling Location Description' },
    basis: '1.1330(a)(9)',
    kind: 'text',
    width: 40,
    description: { vi: 'Đóng gói lần đầu: nơi làm lạnh lô (nếu có).', en: 'Initial packing: where the lot was cooled (if it was).' },
    value: (r, locale) => describePlace(r.cooling?.place ?? null, locale),
  },
  {
    label: { vi: 'Ngày nhận hàng (bên đóng gói lần đầu)', en: 'Date Received (Initial Packer)' },
    basis: '1.1330(a)(2)',
    kind: 'datetime',
    width: 20,
    description: {
      vi: 'Đóng gói lần đầu: khi bên đóng gói nhận lô (lần nhận hàng, hoặc chính lần thu hoạch của mình).',
      en: 'Initial packing: when the packer received the lot (its receiving, or its own harvest).',
    },
    value: (r) => stepTime(r.received),
    offset: (r) => stepOffset(r.received),
  },
  {
    label: { vi: 'Số lượng nhận (bên đóng gói lần đầu)', en: 'Quantity and Unit Received (Initial Packer)' },
    basis: '1.1330(a)(3)',
    kind: 'text',
    width: 14,
    description: {
      vi: 'Đóng gói lần đầu: số lượng và đơn vị đã nhận.',
      en: 'Initial packing: the quantity and unit received.',
    },
    value: (r) => (r.received?.quantity != null ? `${r.received.quantity}${r.received.unit ? ` ${r.received.unit}` : ''}` : null),
  },
  {
    ...COMMON_COLUMNS.documentType,
    basis: '1.1325(a)(1)(viii), (b)(1)(vii); 1.1330(a)(16); 1.1335(g); 1.1340(a)(8); 1.1345(a)(8); 1.1350(a)(2)(vi)',
  },
  {
    ...COMMON_COLUMNS.documentNumber,
    basis: '1.1325(a)(1)(viii), (b)(1)(vii); 1.1330(a)(16); 1.1335(g); 1.1340(a)(8); 1.1345(a)(8); 1.1350(a)(2)(vi)',
  },
  { ...COMMON_COLUMNS.eventId, basis: '' },
  { ...COMMON_COLUMNS.recordTime, basis: '' },
  { ...COMMON_COLUMNS.errorDeclared, basis: '' },
];

export const FSMA204_COLUMNS: ColumnSet = {
  name: 'fsma204',
  columns: COLUMNS,
  basisHeading: { vi: 'Yếu tố dữ liệu chính theo 21 CFR', en: 'Key data element under 21 CFR' },
  tables: [
    {
      heading: [
        { vi: 'Sự kiện truy xuất trọng yếu (CTE)', en: 'Critical tracking event (CTE)' },
        { vi: 'Điều khoản', en: 'Section' },
        { vi: 'Ghi nhận trên cổng Nguồn là', en: 'Recorded on the Nguồn portal as' },
      ],
      rows: Object.values(CRITICAL_TRACKING_EVENTS).map((cte) => [cte.name, cte.cfr ?? '', cte.recordedAs]),
    },
  ],
};
