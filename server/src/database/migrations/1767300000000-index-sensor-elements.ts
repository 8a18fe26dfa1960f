import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The EPCIS query parameters that name a sensor attribute's value (`EQ_type`, `EQ_deviceID`, ...)
 * look in the events' sensor elements through an index, as the lists of 1767100000000 do; partial,
 * so events without sensor data cost nothing more to store.
 */
export class IndexSensorElements1767300000000 implements MigrationInterface {
  name = 'IndexSensorElements1767300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX events_sensor_elements_idx ON events USING gin ((document->'sensorElementList') jsonb_path_ops) WHERE document ? 'sensorElementList'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_sensor_elements_idx`);
  }
}
