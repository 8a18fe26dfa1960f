import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../server/src/config/app-config.js';
import { openDatabase, type Database } from '../../server/src/database/data-source.js';
import { DataSource } from 'typeorm';
import { PartitionEventsByMonth1767600000000 } from '../../server/src/database/migrations/1767600000000-partition-events-by-month.js';
import { CarryEventRecordTimes1767700000000 } from '../../server/src/database/migrations/1767700000000-carry-event-record-times.js';
import { LogBusinessesAndCertificates1768000000000 } from '../../server/src/database/migrations/1768000000000-log-businesses-and-certificates.js';
import { migrations } from '../../server/src/database/migrations/index.js';
import { certificateEntry, statusEntry } from '../../server/src/businesses/business-log-entries.js';
import { BusinessEntity } from '../../server/src/businesses/business.entity.js';
import { CertificateEntity } from '../../server/src/businesses/certificate.entity.js';
import { EventPartitions } from '../../server/src/events/event-partitions.js';
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
      'PartitionEventsByMonth1767600000000',
      'CarryEventRecordTimes1767700000000',
      'AddTransparencyLog1767900000000',
      'LogBusinessesAndCertificates1768000000000',
      'ChooseWebhookEvents1768100000000',
      'IndexEventsByRecordTimeAndId1768200000000',
    ]);
    expect(await db.dataSource.runMigrations()).toEqual([]);
  });

  // On PostgreSQL: the embedded database's folder opens in one process, once.
  (process.env.DATABASE_URL ? it : it.skip)(
    'is migrated by instances started at the same moment, one after the other, each then up to date',
    async () => {
      const fresh = await createScratchDatabase('nguon_test', { empty: true });
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
    },
  );

  (process.env.DATABASE_URL ? it : it.skip)(
    "converts a database from before the monthly partitions: every event kept, in its month's partition, its eventID still unique",
    async () => {
      const old = await createScratchDatabase('nguon_test', { empty: true });
      const before = new DataSource({
        type: 'postgres',
        url: old.databaseUrl!,
        migrations: migrations.slice(0, migrations.indexOf(PartitionEventsByMonth1767600000000)),
      });
      let converted: Database | null = null;
      try {
        await before.initialize();
        await before.runMigrations({ transaction: 'each' });
        await before.query(`
          INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document, record_time, error_declared) VALUES
            ('urn:uuid:old-1', 'ObjectEvent', '2025-11-03T08:00:00Z', '+07:00', '{}', '2025-11-03T08:00:01Z', false),
            ('urn:uuid:old-2', 'ObjectEvent', '2026-01-20T08:00:00Z', '+07:00', '{}', '2026-01-20T08:00:01Z', false),
            ('urn:uuid:old-2', 'ObjectEvent', '2026-01-20T08:00:00Z', '+07:00', '{}', '2026-02-02T09:00:00Z', true)`);
        await before.destroy();

        converted = await openDatabase({ ...loadConfig({}), ...old });
        const rows = await converted.dataSource.query(
          `SELECT event_id, error_declared, tableoid::regclass::text AS partition FROM events ORDER BY record_time`,
        );
        expect(rows).toEqual([
          { event_id: 'urn:uuid:old-1', error_declared: false, partition: 'events_2025_11' },
          { event_id: 'urn:uuid:old-2', error_declared: false, partition: 'events_2026_01' },
          { event_id: 'urn:uuid:old-2', error_declared: true, partition: 'events_2026_02' },
        ]);
        // An eventID recorded before the conversion is still taken, in any month.
        const again = (declared: boolean) =>
          converted!.dataSource.query(
            `INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document, error_declared)
             VALUES ('urn:uuid:old-2', 'ObjectEvent', now(), '+07:00', '{}', $1)`,
            [declared],
          );
        await expect(again(false)).rejects.toMatchObject({ driverError: { constraint: 'events_event_id_key' } });
        await expect(again(true)).rejects.toMatchObject({ driverError: { constraint: 'events_error_declaration_key' } });
        await expect(converted.dataSource.query(`DELETE FROM events WHERE event_id = 'urn:uuid:old-1'`)).rejects.toThrow(/append-only/);
      } finally {
        if (before.isInitialized) await before.destroy();
        await converted?.close();
        await old.drop();
      }
    },
  );

  (process.env.DATABASE_URL ? it : it.skip)(
    "converts a database from before rows named their events' record times: each row takes its event's, and must have one",
    async () => {
      const old = await createScratchDatabase('nguon_test', { empty: true });
      const before = new DataSource({
        type: 'postgres',
        url: old.databaseUrl!,
        migrations: migrations.slice(0, migrations.indexOf(CarryEventRecordTimes1767700000000)),
      });
      let converted: Database | null = null;
      try {
        await before.initialize();
        await before.runMigrations({ transaction: 'each' });
        await before.query(`SELECT ensure_event_partitions('2025-11-01', '2026-01-31')`);
        const [batch] = await before.query(`
          WITH business AS (
            INSERT INTO businesses (legal_name, tax_code, address_line, commune, province) VALUES ('HTX', '0100000001', '-', '-', '-') RETURNING id),
          product AS (
            INSERT INTO products (business_id, name_vi, name_en, category, unit) SELECT id, 'Cam', 'Orange', 'fruit', 'KGM' FROM business RETURNING id, business_id)
          INSERT INTO batches (product_id, business_id, lot_code, short_code, production_date)
          SELECT id, business_id, 'OLD-1', 'OLD0000001', '2025-11-01' FROM product RETURNING id`);
        // One to the microsecond, which the app's Dates would not keep.
        const [first, second] = await before.query(`
          INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document, record_time) VALUES
            ('urn:uuid:old-1', 'ObjectEvent', '2025-11-03T08:00:00Z', '+07:00', '{}', '2025-11-03T08:00:01.123456Z'),
            ('urn:uuid:old-2', 'ObjectEvent', '2026-01-20T08:00:00Z', '+07:00', '{}', '2026-01-20T08:00:01Z')
          RETURNING id`);
        await before.query(`INSERT INTO event_batches (event_id, batch_id, role) VALUES ($1, $3, 'subject'), ($2, $3, 'subject')`, [
          first.id,
          second.id,
          batch.id,
        ]);
        await before.query(`INSERT INTO event_identifiers (event_id, role, identifier) VALUES ($1, 'epc', 'urn:x')`, [first.id]);
        await before.query(
          `INSERT INTO event_place_links (event_id, field, linked_id, linked_at, link_hash) VALUES ($1, 'location', gen_random_uuid(), now(), 'h')`,
          [second.id],
        );
        await before.query(
          `INSERT INTO flags (kind, dedupe_key, event_id) VALUES ('missing_data', 'missing_data:old', $1), ('improbable_scans', 'improbable_scans:old', NULL)`,
          [first.id],
        );
        await before.destroy();

        converted = await openDatabase({ ...loadConfig({}), ...old });
        const joined = (table: string) =>
          converted!.dataSource.query(
            `SELECT e.event_id FROM ${table} x JOIN events e ON e.id = x.event_id AND e.record_time = x.record_time ORDER BY e.event_id`,
          );
        expect(await joined('event_batches')).toEqual([{ event_id: 'urn:uuid:old-1' }, { event_id: 'urn:uuid:old-2' }]);
        expect(await joined('event_identifiers')).toEqual([{ event_id: 'urn:uuid:old-1' }]);
        expect(await joined('event_place_links')).toEqual([{ event_id: 'urn:uuid:old-2' }]);
        expect(
          await converted.dataSource.query(
            `SELECT f.kind, e.event_id FROM flags f LEFT JOIN events e ON e.id = f.event_id AND e.record_time = f.event_record_time ORDER BY f.kind`,
          ),
        ).toEqual([
          { kind: 'improbable_scans', event_id: null },
          { kind: 'missing_data', event_id: 'urn:uuid:old-1' },
        ]);
        // From now on a row names its event's record time, or is refused.
        await expect(
          converted.dataSource.query(`INSERT INTO event_identifiers (event_id, role, identifier) VALUES ($1, 'epc', 'urn:y')`, [second.id]),
        ).rejects.toThrow(/record_time/);
        await expect(
          converted.dataSource.query(`INSERT INTO flags (kind, dedupe_key, event_id) VALUES ('missing_data', 'missing_data:new', $1)`, [
            second.id,
          ]),
        ).rejects.toMatchObject({ driverError: { constraint: 'flags_event_record_time_check' } });
      } finally {
        if (before.isInitialized) await before.destroy();
        await converted?.close();
        await old.drop();
      }
    },
  );

  (process.env.DATABASE_URL ? it : it.skip)(
    'logs the businesses and certificates stored before the log covered them, with the hashes the portal recomputes',
    async () => {
      const old = await createScratchDatabase('nguon_test', { empty: true });
      const before = new DataSource({
        type: 'postgres',
        url: old.databaseUrl!,
        migrations: migrations.slice(0, migrations.indexOf(LogBusinessesAndCertificates1768000000000)),
      });
      let converted: Database | null = null;
      try {
        await before.initialize();
        await before.runMigrations({ transaction: 'each' });
        // A decision to the microsecond, which the app's Dates would not keep, and a certificate with dates.
        await before.query(`
          WITH business AS (
            INSERT INTO businesses (legal_name, tax_code, address_line, commune, province, status, status_reason, status_changed_at)
            VALUES ('HTX', '0100000001', '-', '-', '-', 'suspended', 'Hồ sơ giả', '2026-03-04T05:06:07.123456Z') RETURNING id)
          INSERT INTO certificates (business_id, kind, name, issuer, valid_from, valid_to, stars)
          SELECT id, 'ocop', 'OCOP', 'UBND tỉnh', '2026-01-01', '2028-12-31', 4 FROM business`);
        await before.query(
          `INSERT INTO businesses (legal_name, tax_code, address_line, commune, province) VALUES ('Mới', '0100000002', '-', '-', '-')`,
        );
        await before.destroy();

        converted = await openDatabase({ ...loadConfig({}), ...old });
        const queued = await converted.dataSource.query(`SELECT entry FROM log_pending WHERE entry ? 'businesses' ORDER BY id`);
        const businesses = await converted.dataSource.getRepository(BusinessEntity).find({ order: { createdAt: 'ASC' } });
        const [certificate] = await converted.dataSource.getRepository(CertificateEntity).find();
        expect(queued.map((row: { entry: unknown }) => row.entry)).toEqual(
          expect.arrayContaining([...businesses.map(statusEntry), certificateEntry(certificate!)]),
        );
        expect(queued).toHaveLength(3);
      } finally {
        if (before.isInitialized) await before.destroy();
        await converted?.close();
        await old.drop();
      }
    },
  );

  it('keeps events in monthly partitions made ahead, and a month not made yet in the default one', async () => {
    // What every instance does on start (and daily).
    const partitions = new EventPartitions(db.dataSource);
    await partitions.onApplicationBootstrap();
    partitions.onApplicationShutdown();
    const months = await db.dataSource.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1`,
    );
    const now = new Date();
    const month = (ahead: number) => {
      const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
      return `events_${day.getUTCFullYear()}_${String(day.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(months.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining([month(0), month(1), month(2), month(3), 'events_default']),
    );
    // Rolled back: the other tests count the events.
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    let row: unknown;
    try {
      await runner.query(
        `INSERT INTO events (event_id, event_type, event_time, event_time_zone_offset, document, record_time)
         VALUES ('urn:uuid:far-ahead', 'ObjectEvent', now(), '+07:00', '{}', now() + interval '3 years')`,
      );
      [row] = await runner.query(`SELECT tableoid::regclass::text AS partition FROM events WHERE event_id = 'urn:uuid:far-ahead'`);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(row).toEqual({ partition: 'events_default' });
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
      VALUES ('urn:uuid:00000000-0000-4000-8000-000000000002', 'ObjectEvent', now(), '+07:00', '{}') RETURNING id, record_time`);
    const place = '00000000-0000-4000-8000-0000000000aa';
    const setPlace = (id: string) => db.dataSource.query(`UPDATE events SET location_id = $1 WHERE id = $2`, [id, event.id]);
    // No record of the link: refused.
    await expect(setPlace(place)).rejects.toThrow(/append-only/);
    await db.dataSource.query(`ALTER TABLE events DROP CONSTRAINT events_location_id_fkey`);
    await db.dataSource.query(
      `INSERT INTO event_place_links (event_id, record_time, field, linked_id, linked_at, link_hash)
       SELECT id, record_time, 'location', $2, now(), 'h' FROM events WHERE id = $1`,
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
