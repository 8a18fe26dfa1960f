import type { BatchView } from '@nguon/shared';
import type { DemoBusinesses } from './demo-businesses.js';
import { DEMO_GTINS, DEMO_LOTS } from './demo-codes.js';
import { vn, type DemoSeedContext } from './demo-context.js';

/**
 * Phúc Trạch pomelo, farm to shelf: the Hương Khê cooperative grows, harvests, sorts, packs and
 * tests a lot, ships part of it to the Hà Nội distributor, which receives, stores and sells it.
 */
export async function seedPomeloChain(ctx: DemoSeedContext, b: DemoBusinesses): Promise<BatchView> {
  const coop = b.pomeloCoop;
  const hanoi = b.distributor;
  const product = await ctx.createProduct('pomeloOwner', coop.id, {
    name: { vi: 'Bưởi Phúc Trạch', en: 'Phúc Trạch pomelo' },
    description: {
      vi: 'Bưởi đặc sản Hương Khê, Hà Tĩnh, mang chỉ dẫn địa lý Phúc Trạch: vỏ mỏng, múi mọng nước, vị ngọt thanh.',
      en: 'The speciality pomelo of Hương Khê, Hà Tĩnh, under the Phúc Trạch geographical indication: thin peel, juicy segments, mildly sweet.',
    },
    category: 'fruit',
    brand: 'Bưởi Phúc Trạch Hương Khê',
    gtin: DEMO_GTINS.pomelo,
    unit: 'KGM',
    shelfLifeDays: 90,
    standards: ['VietGAP', 'TCVN 12850:2019'],
  });

  const batch = await ctx.registerBatch('pomeloOwner', {
    productId: product.id,
    lotCode: DEMO_LOTS.pomelo,
    displayName: 'Bưởi Phúc Trạch vụ thu 2026, đội 3',
    productionDate: '2026-09-14',
    expiryDate: '2026-12-31',
    quantity: 8000,
    unit: 'KGM',
    originLocationId: coop.places.growingArea,
    eventTime: vn('2026-02-10 08:00'),
    note: "Đăng ký lô vụ bưởi 2026 của đội 3 (320 cây) / Lot registered for team 3's 2026 pomelo crop (320 trees).",
  });
  const id = batch.id;

  await ctx.stage('pomeloOwner', id, {
    stage: 'planting',
    eventTime: vn('2026-02-20 07:00'),
    locationId: coop.places.growingArea,
    note: 'Vườn 320 cây bưởi trồng năm 2012 từ giống gốc Phúc Trạch; cắt tỉa, bón phân hữu cơ đầu vụ. / 320 trees planted in 2012 from original Phúc Trạch stock; pruning and organic fertiliser at the start of the season.',
  });
  await ctx.stage('pomeloStaff', id, {
    stage: 'growing',
    eventTime: vn('2026-05-15 07:30'),
    locationId: coop.places.growingArea,
    note: 'Chăm sóc theo quy trình VietGAP: phân hữu cơ vi sinh, tưới nhỏ giọt, bẫy ruồi vàng sinh học, không dùng thuốc diệt cỏ. / Grown to VietGAP: organic fertiliser, drip irrigation, biological fruit-fly traps, no herbicide.',
  });
  await ctx.stage('pomeloStaff', id, {
    stage: 'harvesting',
    eventTime: vn('2026-09-14 06:30'),
    locationId: coop.places.growingArea,
    quantity: 8000,
    unit: 'KGM',
    note: 'Thu hái bằng tay, quả 1–1,5 kg, để ráo 2 ngày trước khi sơ chế. / Hand-picked, 1–1.5 kg fruit, left to dry for 2 days before sorting.',
  });
  await ctx.stage('pomeloStaff', id, {
    stage: 'preprocessing',
    eventTime: vn('2026-09-16 07:00'),
    locationId: coop.places.packingHouse,
    quantity: 7800,
    unit: 'KGM',
    note: 'Phân loại, lau sạch, bọc màng sinh học; loại 200 kg quả không đạt. / Sorted, cleaned and coated with a biological film; 200 kg of fruit rejected.',
  });
  await ctx.stage('pomeloStaff', id, {
    stage: 'packing',
    eventTime: vn('2026-09-17 08:00'),
    locationId: coop.places.packingHouse,
    quantity: 7800,
    unit: 'KGM',
    note: 'Đóng thùng carton 10 kg, dán tem QR truy xuất. / Packed in 10 kg cartons with traceability QR labels.',
  });
  await ctx.stage('pomeloOwner', id, {
    stage: 'inspecting',
    eventTime: vn('2026-09-17 15:00'),
    locationId: coop.places.packingHouse,
    passed: true,
    bizTransactions: [{ type: 'testres', id: 'KQ-2026-0917-PT' }],
    note: 'Dư lượng thuốc bảo vệ thực vật: không phát hiện vượt ngưỡng (phiếu kết quả thử nghiệm KQ-2026-0917-PT). / Pesticide residues: none above limits (test report KQ-2026-0917-PT).',
  });
  await ctx.stage('pomeloOwner', id, {
    stage: 'shipping',
    eventTime: vn('2026-09-18 05:30'),
    locationId: coop.places.packingHouse,
    quantity: 3000,
    unit: 'KGM',
    destinationBusinessId: hanoi.id,
    bizTransactions: [
      { type: 'inv', id: 'HD-0000231' },
      { type: 'desadv', id: 'PGH-2026-0918-01' },
    ],
    note: 'Xe lạnh 29C-418.62 đi Hà Nội, 300 thùng. / Refrigerated truck 29C-418.62 to Hà Nội, 300 cartons.',
  });
  await ctx.stage('distributorOwner', id, {
    stage: 'receiving',
    eventTime: vn('2026-09-18 19:40'),
    locationId: hanoi.places.warehouse,
    quantity: 3000,
    unit: 'KGM',
    sourceBusinessId: coop.id,
    bizTransactions: [
      { type: 'inv', id: 'HD-0000231' },
      { type: 'recadv', id: 'PNK-2026-0918-07' },
    ],
    note: 'Nhận đủ 300 thùng, nhiệt độ xe 13 °C. / All 300 cartons received, truck at 13 °C.',
  });
  await ctx.stage('distributorOwner', id, {
    stage: 'storing',
    eventTime: vn('2026-09-18 20:10'),
    locationId: hanoi.places.warehouse,
    quantity: 3000,
    unit: 'KGM',
    note: 'Kho mát 12–14 °C, độ ẩm 85 %. / Cool room at 12–14 °C, 85 % humidity.',
  });
  await ctx.stage('distributorOwner', id, {
    stage: 'retail',
    eventTime: vn('2026-09-21 08:00'),
    locationId: hanoi.places.shop,
    quantity: 600,
    unit: 'KGM',
    note: 'Lên kệ tại cửa hàng Cầu Giấy. / On the shelf at the Cầu Giấy shop.',
  });
  return batch;
}
