import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { clearFailures, countFailure, findLockedSeconds, type BackoffPolicy } from './sign-in-failures.queries.js';

/** Failures in a row an address may have before it must wait. */
export const FREE_FAILURES = 5;

const POLICY: BackoffPolicy = {
  freeFailures: FREE_FAILURES,
  /** Failures further apart than this start counting again from one. */
  forgetAfter: '1 hour',
  /** The first wait, doubled at each further failure, up to the longest. */
  firstLockSeconds: 30,
  longestLockSeconds: 15 * 60,
};

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
    const seconds = await findLockedSeconds(this.db.manager, key(email));
    return seconds === null ? 0 : Math.max(1, seconds);
  }

  /** Counts a failure and locks past the free ones. */
  async fail(email: string): Promise<void> {
    await countFailure(this.db.manager, key(email), POLICY);
  }

  async succeed(email: string): Promise<void> {
    await clearFailures(this.db.manager, key(email));
  }
}

const key = (email: string) => email.trim().toLowerCase();
