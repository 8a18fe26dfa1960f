import type { BatchView } from '@nguon/shared';
import type { DemoBusinesses } from './demo-businesses.js';
import { DEMO_GTINS, DEMO_LOTS } from './demo-codes.js';
import { vn, type DemoSeedContext } from './demo-context.js';

export const DEMO_RECALL = {
  reason:
    'Mẫu hậu kiểm có độ ẩm 22,5 %, vượt giới hạn 20 %; mật có dấu hiệu lên men. Đề nghị ngừng sử dụng và trả lại nơi mua. / Post-market sample: 22.5 % moisture, above the 20 % limit; the honey shows signs of fermentation. Stop using it and return it where you bought it.',
  severity: 'class_ii',
  reasonCategory: 'quality_defect',
} as const;

/**
 * Vũ Quang forest honey: a spring lot that passed the lab, a winter lot that a post-market test
 * failed (recalled), and bee pollen, a product without a GTIN (its QR code is `/q/{code}`).
 */
export async function seedHoneyChain(
  ctx: DemoSeedContext,
  b: DemoBusinesses,
): Promise<{ honey: BatchView; recalled: BatchView; pollen: BatchView }> {
  const coop = b.honeyCoop;
  const honey = await ctx.createProduct('honeyOwner', coop.id, {
    name: { vi: 'Mật ong rừng Vũ Quang, hũ 500 g', en: 'Vũ Quang forest honey, 500 g jar' },
    description: {
      vi: 'Mật của đàn ong nội nuôi ven Vườn quốc gia Vũ Quang, hoa rừng nhiệt đới; lọc lạnh, không pha trộn.',
      en: 'Honey from native bees kept at the edge of Vũ Quang National Park, from tropical forest flowers; cold-filtered, nothing added.',
    },
    category: 'honey',
    brand: 'Mật ong Vũ Quang',
    gtin: DEMO_GTINS.honey,
    unit: 'KGM',
    shelfLifeDays: 730,
    standards: ['OCOP 4 sao', 'TCVN 12850:2019'],
  });
  const pollen = await ctx.createProduct('honeyOwner', coop.id, {
    name: { vi: 'Phấn hoa rừng Vũ Quang, túi 250 g', en: 'Vũ Quang forest bee pollen, 250 g bag' },
    description: {
      vi: 'Phấn hoa sấy khô ở 40 °C, bán tại điểm bán của hợp tác xã.',
      en: "Bee pollen dried at 40 °C, sold at the cooperative's shop.",
    },
    category: 'honey',
    brand: 'Mật ong Vũ Quang',
    // No GTIN: sold only locally, without a barcode; its QR code holds the portal's short URL.
    unit: 'XBG',
    shelfLifeDays: 365,
  });

  const good = await ctx.registerBatch('honeyOwner', {
    productId: honey.id,
    lotCode: DEMO_LOTS.honey,
    displayName: 'Mật ong rừng vụ xuân 2026',
    productionDate: '2026-05-13',
    expiryDate: '2028-05-13',
    quantity: 600,
    unit: 'KGM',
    originLocationId: coop.places.apiary,
    eventTime: vn('2026-05-08 07:00'),
  });
  await ctx.stage('honeyOwner', good.id, {
    stage: 'harvesting',
    eventTime: vn('2026-05-10 06:00'),
    locationId: coop.places.apiary,
    quantity: 600,
    unit: 'KGM',
    note: 'Quay mật từ 120 đàn ong nội (Apis cerana) vụ hoa rừng. / Extracted from 120 native (Apis cerana) colonies in the forest-flower season.',
  });
  await ctx.stage('honeyOwner', good.id, {
    stage: 'preprocessing',
    eventTime: vn('2026-05-11 08:00'),
    locationId: coop.places.workshop,
    quantity: 600,
    unit: 'KGM',
    note: 'Lọc qua 3 lớp lưới, hạ thủy phần chân không xuống 19 %. / Filtered through 3 meshes, vacuum-dried to 19 % moisture.',
  });
  await ctx.stage('honeyOwner', good.id, {
    stage: 'inspecting',
    eventTime: vn('2026-05-12 16:00'),
    locationId: coop.places.workshop,
    passed: true,
    bizTransactions: [{ type: 'testres', id: 'KQTN-0512-2026' }],
    note: 'Phòng thử nghiệm Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Hà Tĩnh: độ ẩm 19,2 %, HMF 12 mg/kg, đường khử 71 %, không phát hiện kháng sinh. Đạt. / Hà Tĩnh standards and quality lab: 19.2 % moisture, HMF 12 mg/kg, reducing sugars 71 %, no antibiotics found. Passed.',
  });
  await ctx.stage('honeyOwner', good.id, {
    stage: 'packing',
    eventTime: vn('2026-05-13 08:00'),
    locationId: coop.places.workshop,
    quantity: 1200,
    unit: 'XJR',
    note: 'Đóng 1.200 hũ thủy tinh 500 g. / Filled into 1,200 glass jars of 500 g.',
  });
  await ctx.stage('honeyOwner', good.id, {
    stage: 'retail',
    eventTime: vn('2026-05-20 08:00'),
    locationId: coop.places.shop,
    quantity: 200,
    unit: 'XJR',
  });

  const recalled = await seedRecalledHoney(ctx, b, honey.id);

  const pollenBatch = await ctx.registerBatch('honeyOwner', {
    productId: pollen.id,
    lotCode: DEMO_LOTS.pollen,
    displayName: 'Phấn hoa rừng tháng 6/2026',
    productionDate: '2026-06-10',
    expiryDate: '2027-06-10',
    quantity: 200,
    unit: 'XBG',
    originLocationId: coop.places.apiary,
    eventTime: vn('2026-06-05 07:00'),
  });
  await ctx.stage('honeyOwner', pollenBatch.id, {
    stage: 'harvesting',
    eventTime: vn('2026-06-08 06:00'),
    locationId: coop.places.apiary,
    quantity: 55,
    unit: 'KGM',
    note: 'Thu phấn bằng cửa lược phấn. / Collected with pollen traps.',
  });
  await ctx.stage('honeyOwner', pollenBatch.id, {
    stage: 'packing',
    eventTime: vn('2026-06-10 09:00'),
    locationId: coop.places.workshop,
    quantity: 200,
    unit: 'XBG',
  });
  await ctx.stage('honeyOwner', pollenBatch.id, {
    stage: 'retail',
    eventTime: vn('2026-06-15 08:00'),
    locationId: coop.places.shop,
    quantity: 200,
    unit: 'XBG',
  });
  return { honey: good, recalled, pollen: pollenBatch };
}

/** A winter lot sold in Hà Nội, which the distributor's post-market test failed. */
async function seedRecalledHoney(ctx: DemoSeedContext, b: DemoBusinesses, productId: string): Promise<BatchView> {
  const coop = b.honeyCoop;
  const hanoi = b.distributor;
  const batch = await ctx.registerBatch('honeyOwner', {
    productId,
    lotCode: DEMO_LOTS.honeyRecalled,
    displayName: 'Mật ong rừng vụ đông xuân 2026',
    productionDate: '2026-03-22',
    expiryDate: '2028-03-22',
    quantity: 300,
    unit: 'KGM',
    originLocationId: coop.places.apiary,
    eventTime: vn('2026-03-18 07:00'),
  });
  await ctx.stage('honeyOwner', batch.id, {
    stage: 'harvesting',
    eventTime: vn('2026-03-20 06:00'),
    locationId: coop.places.apiary,
    quantity: 300,
    unit: 'KGM',
  });
  await ctx.stage('honeyOwner', batch.id, {
    stage: 'packing',
    eventTime: vn('2026-03-22 08:00'),
    locationId: coop.places.workshop,
    quantity: 600,
    unit: 'XJR',
  });
  await ctx.stage('honeyOwner', batch.id, {
    stage: 'shipping',
    eventTime: vn('2026-03-25 06:00'),
    locationId: coop.places.workshop,
    quantity: 240,
    unit: 'XJR',
    destinationBusinessId: hanoi.id,
    bizTransactions: [{ type: 'inv', id: 'HD-0000118' }],
  });
  await ctx.stage('distributorOwner', batch.id, {
    stage: 'receiving',
    eventTime: vn('2026-03-26 14:00'),
    locationId: hanoi.places.warehouse,
    quantity: 240,
    unit: 'XJR',
    sourceBusinessId: coop.id,
    bizTransactions: [{ type: 'inv', id: 'HD-0000118' }],
  });
  await ctx.stage('distributorOwner', batch.id, {
    stage: 'retail',
    eventTime: vn('2026-03-28 08:00'),
    locationId: hanoi.places.shop,
    quantity: 240,
    unit: 'XJR',
  });
  await ctx.stage('distributorOwner', batch.id, {
    stage: 'inspecting',
    eventTime: vn('2026-11-16 15:00'),
    locationId: hanoi.places.warehouse,
    passed: false,
    bizTransactions: [{ type: 'testres', id: 'KQTN-1116-2026-HN' }],
    note: 'Mẫu hậu kiểm: độ ẩm 22,5 % (giới hạn 20 %), có dấu hiệu lên men. Không đạt. / Post-market sample: 22.5 % moisture (limit 20 %), signs of fermentation. Failed.',
  });

  // The Hà Tĩnh authority's inspector recalls it, as an inspector would in the portal.
  await ctx.recall('inspector', batch.id, {
    severity: DEMO_RECALL.severity,
    reasonCategory: DEMO_RECALL.reasonCategory,
    reason: DEMO_RECALL.reason,
  });
  return { ...batch, status: 'recalled' };
}
