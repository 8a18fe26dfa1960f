import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Failures in a row an address may have before it must wait. */
export const FREE_FAILURES = 5;
/** The first wait, doubled at each further failure, up to the longest. */
const FIRST_LOCK_SECONDS = 30;
const LONGEST_LOCK_SECONDS = 15 * 60;
/** Failures further apart than this start counting again from one. */
const FORGET_AFTER = '1 hour';

/**
 * Per-account sign-in backoff, beside the per-address rate limit: failures are counted in
 * PostgreSQL by the email typed (so every instance sees them), whether or not an account has it,
 * so a locked answer says nothing about which emails exist. A success clears the count.
 */
@Injectable()
export class SignInBackoff {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Seconds the email must still wait, or 0. */
  async waitFor(email: string): Promise<number> {
    const [row]: { seconds: number }[] = await this.db.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM sign_in_failures WHERE email_key = $1 AND locked_until > now()`,
      [key(email)],
    );
    return row ? Math.max(1, row.seconds) : 0;
  }

  /** Counts a failure in one statement (safe under concurrent attempts) and locks past the free ones. */
  async fail(email: string): Promise<void> {
    const count = `CASE WHEN f.last_failed_at < now() - $2::interval THEN 1 ELSE f.failures + 1 END`;
    await this.db.query(
      `INSERT INTO sign_in_failures AS f (email_key, failures, last_failed_at) VALUES ($1, 1, now())
       ON CONFLICT (email_key) DO UPDATE SET
         failures = ${count},
         last_failed_at = now(),
         locked_until = CASE WHEN ${count} >= $3::int
           THEN now() + least($4::int, $5::int * 2 ^ (${count} - $3::int)) * interval '1 second' END`,
      [key(email), FORGET_AFTER, FREE_FAILURES, LONGEST_LOCK_SECONDS, FIRST_LOCK_SECONDS],
    );
  }

  async succeed(email: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE email_key = $1`, [key(email)]);
  }
}

const key = (email: string) => email.trim().toLowerCase();
