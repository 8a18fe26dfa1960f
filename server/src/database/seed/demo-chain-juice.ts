import type { BatchView } from '@nguon/shared';
import type { DemoBusinesses } from './demo-businesses.js';
import { DEMO_GTINS, DEMO_LOTS } from './demo-codes.js';
import { vn, type DemoSeedContext } from './demo-context.js';

/**
 * Hương Sơn oranges into juice: two orange batches from two gardens of the cooperative are shipped
 * to the Gia Lách juice factory, received, and pressed together (a TransformationEvent) into one
 * juice batch, which is then packed and tested.
 */
export async function seedJuiceChain(ctx: DemoSeedContext, b: DemoBusinesses): Promise<{ oranges: BatchView[]; juice: BatchView }> {
  const coop = b.orangeCoop;
  const factory = b.juiceFactory;
  const orange = await ctx.createProduct('orangeOwner', coop.id, {
    name: { vi: 'Cam bù Hương Sơn', en: 'Hương Sơn "bù" orange' },
    description: {
      vi: 'Cam bù trồng trên đồi Hương Sơn, Hà Tĩnh: vỏ mỏng, nhiều nước, vị ngọt đậm; thu hoạch từ tháng 11.',
      en: 'Bù oranges from the hills of Hương Sơn, Hà Tĩnh: thin skin, very juicy, rich sweetness; harvested from November.',
    },
    category: 'fruit',
    brand: 'Cam bù Hương Sơn',
    gtin: DEMO_GTINS.orange,
    unit: 'KGM',
    shelfLifeDays: 30,
    standards: ['VietGAP'],
  });
  const juice = await ctx.createProduct('juiceOwner', factory.id, {
    name: { vi: 'Nước cam ép Hương Sơn 100 %, chai 330 ml', en: 'Hương Sơn 100 % orange juice, 330 ml bottle' },
    description: {
      vi: 'Ép từ cam bù Hương Sơn, thanh trùng nhanh, không đường, không chất bảo quản.',
      en: 'Pressed from Hương Sơn bù oranges, flash-pasteurised, no added sugar, no preservatives.',
    },
    category: 'beverage',
    brand: 'Hồng Lĩnh',
    gtin: DEMO_GTINS.orangeJuice,
    unit: 'XBO',
    shelfLifeDays: 180,
    standards: ['ISO 22000:2018', 'HACCP'],
  });

  const gardens = [
    { lot: DEMO_LOTS.orangeGardenHoa, place: coop.places.gardenHoa, gardener: 'ông Nguyễn Văn Hòa', harvested: '2026-11-05', kg: 1600 },
    { lot: DEMO_LOTS.orangeGardenHanh, place: coop.places.gardenHanh, gardener: 'bà Lê Thị Hạnh', harvested: '2026-11-06', kg: 1300 },
  ];
  const oranges: BatchView[] = [];
  for (const garden of gardens) {
    const batch = await ctx.registerBatch('orangeOwner', {
      productId: orange.id,
      lotCode: garden.lot,
      displayName: `Cam bù vườn ${garden.gardener}, vụ 2026`,
      productionDate: garden.harvested,
      expiryDate: '2026-12-05',
      quantity: garden.kg,
      unit: 'KGM',
      originLocationId: garden.place,
      eventTime: vn('2026-03-02 07:00'),
    });
    await ctx.stage('orangeOwner', batch.id, {
      stage: 'growing',
      eventTime: vn('2026-07-10 07:00'),
      locationId: garden.place,
      note: 'Bón phân chuồng hoai, tỉa cành, tưới giữ ẩm mùa khô. / Composted manure, pruning, dry-season watering.',
    });
    await ctx.stage('orangeOwner', batch.id, {
      stage: 'harvesting',
      eventTime: vn(`${garden.harvested} 06:00`),
      locationId: garden.place,
      quantity: garden.kg,
      unit: 'KGM',
      note: `Thu hái tại vườn ${garden.gardener}. / Picked in the garden of ${garden.gardener}.`,
    });
    await ctx.stage('orangeOwner', batch.id, {
      stage: 'shipping',
      eventTime: vn('2026-11-07 06:30'),
      locationId: garden.place,
      quantity: garden.kg,
      unit: 'KGM',
      destinationBusinessId: factory.id,
      bizTransactions: [
        { type: 'inv', id: 'HD-0000587' },
        { type: 'desadv', id: 'PGH-2026-1107-03' },
      ],
    });
    await ctx.stage('juiceOwner', batch.id, {
      stage: 'receiving',
      eventTime: vn('2026-11-07 10:15'),
      locationId: factory.places.factory,
      quantity: garden.kg,
      unit: 'KGM',
      sourceBusinessId: coop.id,
      bizTransactions: [{ type: 'inv', id: 'HD-0000587' }],
    });
    oranges.push(batch);
  }

  const juiceBatch = await ctx.registerBatch('juiceOwner', {
    productId: juice.id,
    lotCode: DEMO_LOTS.orangeJuice,
    displayName: 'Nước cam ép Hương Sơn, mẻ 10/11/2026',
    productionDate: '2026-11-10',
    expiryDate: '2027-05-10',
    quantity: 3300,
    unit: 'XBO',
    locationId: factory.places.factory,
    eventTime: vn('2026-11-10 07:00'),
  });
  const [hoa, hanh] = oranges as [BatchView, BatchView];
  await ctx.processing('juiceOwner', {
    inputs: [
      { batchId: hoa.id, quantity: 1500, unit: 'KGM' },
      { batchId: hanh.id, quantity: 1200, unit: 'KGM' },
    ],
    outputs: [{ batchId: juiceBatch.id, quantity: 3300, unit: 'XBO' }],
    eventTime: vn('2026-11-10 10:00'),
    locationId: factory.places.factory,
    note: 'Rửa, ép lạnh 2.700 kg cam, lọc, thanh trùng 85 °C trong 30 giây, chiết 3.300 chai 330 ml. / 2,700 kg of oranges washed, cold-pressed, filtered, pasteurised at 85 °C for 30 s, filled into 3,300 bottles of 330 ml.',
  });
  await ctx.stage('juiceOwner', juiceBatch.id, {
    stage: 'packing',
    eventTime: vn('2026-11-10 15:00'),
    locationId: factory.places.factory,
    quantity: 3300,
    unit: 'XBO',
    note: 'Đóng thùng 24 chai. / Packed 24 bottles to a carton.',
  });
  await ctx.stage('juiceOwner', juiceBatch.id, {
    stage: 'inspecting',
    eventTime: vn('2026-11-12 09:00'),
    locationId: factory.places.factory,
    passed: true,
    bizTransactions: [{ type: 'testres', id: 'QC-NC-2026-1110' }],
    note: 'Độ Brix 11,5; chỉ tiêu vi sinh đạt; không phát hiện chất bảo quản. / Brix 11.5; microbiology within limits; no preservatives found.',
  });
  return { oranges, juice: juiceBatch };
}
