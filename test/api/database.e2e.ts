import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../server/src/config/app-config.js';
import { openDatabase, type Database } from '../../server/src/database/data-source.js';
import { migrations } from '../../server/src/database/migrations/index.js';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';

describe('the database', () => {
  let testDb: ScratchDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createScratchDatabase();
    db = await openDatabase({ ...loadConfig({}), ...testDb });
  });
  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it('is brought up to date by the migrations, and running them again changes nothing', async () => {
    const applied = await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
    expect(applied.map((m: { name: string }) => m.name)).toEqual([
      'CreateCoreSchema1764230400000',
      'AddAccountsKeysAndAudit1764316800000',
      'AddEventHashChain1764403200000',
      'AddEpcisCapture1764489600000',
      'AddAttachmentsAndProductMedia1764576000000',
      'AddImportJobs1764662400000',
      'AddShipmentAndDirectorySearch1764835200000',
      'AddRecallsNotificationsWebhooks1764921600000',
      'AddInspectorSearchIndexes1765008000000',
      'AddFlagsReportsAuditByBatch1765190400000',
      'AddIdempotencyKeysAndClientRequestIds1765363200000',
      'AddMailTokensAndSignInBackoff1765449600000',
      'AddRefusedWebhookDeliveries1765536000000',
      'AddJobOwnersAndHeartbeats1765622400000',
      'ConfirmBusinessClaims1765795200000',
      'MakeScanIdsInProcess1765900000000',
      'AddMassBalanceFlags1766016000000',
      'AddRecallReasonsAndAcknowledgements1766100000000',
      'AddCaptureWarnings1766200000000',
      'AllowCaptureBehaviourAll1766300000000',
      'AddLateBatchLinks1766400000000',
      'AddLatePlaceLinks1766500000000',
      'QueueCaptureJobs1766600000000',
      'QueueImportJobs1766700000000',
      'KeepJobInputsAsJsonText1766800000000',
      'CountUnlistedCaptureWarnings1766900000000',
      'RevokePageTokens1767000000000',
      'IndexEventListsForQueries1767100000000',
      'AddNamedQueriesAndSubscriptions1767200000000',
      'IndexSensorElements1767300000000',
      'ShareRateLimits1767400000000',
      'KeepAttachmentFilesInTheDatabase1767500000000',
    ]);
    expect(await db.dataSource.runMigrations()).toEqual([]);
  });

  it('is migrated by instances started at the same moment, one after the other, each then up to date', async () => {
    const fresh = await createScratchDatabase();
    const opened: Database[] = [];
    try {
      // Three at once: without a lock, two would run the first migration together and one would fail.
      opened.push(...(await Promise.all([1, 2, 3].map(() => openDatabase({ ...loadConfig({}), ...fresh })))));
      const [row] = await opened[0]!.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM migrations`);
      expect(row).toEqual({ n: migrations.length, names: migrations.length });
    } finally {
      for (const database of opened) await database.close();
      await fresh.drop();
    }
  });

  it('folds Vietnamese diacritics for search', async () => {
    const [row] = await db.dataSource.query(`SELECT unaccent('Hương Khê') AS plain`);
    expect(row.plain).toBe('Huong Khe');
  });

  it('refuses to change or delete a stored event', async () => {
    await db.dataSource.query(`
      INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document)
      VALUES ('urn:uuid:00000000-0000-4000-8000-000000000001', 'ObjectEvent', now(), '+07:00', '{}')`);
    await expect(db.dataSource.query(`UPDATE events SET biz_step = 'shipping'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM events`)).rejects.toThrow(/append-only/);
    const [row] = await db.dataSource.query(`SELECT count(*)::int AS n, max(biz_step) AS step FROM events`);
    expect(row).toEqual({ n: 1, step: null });
  });

  it('indexes the places and parties of the events stored before late place links existed', async () => {
    // Back to before late place links: it and the migrations after it are undone.
    const undone = migrations.length - migrations.findIndex((m) => m.name === 'AddLatePlaceLinks1766500000000');
    for (let n = 0; n < undone; n++) await db.dataSource.undoLastMigration();
    const document = {
      type: 'ObjectEvent',
      bizLocation: { id: 'urn:epc:id:sgln:8934567.00001.0' },
      destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:8936010.00000' }],
    };
    const [event] = await db.dataSource.query(
      `INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document)
       VALUES ('urn:uuid:00000000-0000-4000-8000-000000000003', 'ObjectEvent', now(), '+07:00', $1) RETURNING id`,
      [document],
    );
    // As the app runs them: each in its own transaction (pg-boss's schema brings its own).
    expect(await db.dataSource.runMigrations({ transaction: 'each' })).toHaveLength(undone);
    const named = await db.dataSource.query(`SELECT role, identifier FROM event_identifiers WHERE event_id = $1 ORDER BY role`, [event.id]);
    expect(named).toEqual([
      { role: 'destination', identifier: 'https://id.gs1.org/417/8936010000001' },
      { role: 'place', identifier: 'https://id.gs1.org/414/8934567000017' },
    ]);
  });

  it('lets an empty place column take only the late link recorded for it, once', async () => {
    const [event] = await db.dataSource.query(`
      INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document)
      VALUES ('urn:uuid:00000000-0000-4000-8000-000000000002', 'ObjectEvent', now(), '+07:00', '{}') RETURNING id`);
    const place = '00000000-0000-4000-8000-0000000000aa';
    const setPlace = (id: string) => db.dataSource.query(`UPDATE events SET location_id = $1 WHERE id = $2`, [id, event.id]);
    // No record of the link: refused.
    await expect(setPlace(place)).rejects.toThrow(/append-only/);
    await db.dataSource.query(`ALTER TABLE events DROP CONSTRAINT events_location_id_fkey`);
    await db.dataSource.query(
      `INSERT INTO event_place_links (event_id, field, linked_id, linked_at, link_hash) VALUES ($1, 'location', $2, now(), 'h')`,
      [event.id, place],
    );
    // Another id than the record names, or another column changing with it: refused.
    await expect(setPlace('00000000-0000-4000-8000-0000000000bb')).rejects.toThrow(/append-only/);
    await expect(
      db.dataSource.query(`UPDATE events SET location_id = $1, biz_step = 'shipping' WHERE id = $2`, [place, event.id]),
    ).rejects.toThrow(/append-only/);
    await setPlace(place);
    // Once set, it stays: the link record cannot change either.
    await expect(setPlace('00000000-0000-4000-8000-0000000000bb')).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`UPDATE event_place_links SET linked_id = linked_id`)).rejects.toThrow(/append-only/);
  });
});
