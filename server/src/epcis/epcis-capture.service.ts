import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { epcisDocumentEvents, type EventView } from '@nguon/shared';
import { DataSource, Repository } from 'typeorm';
import { originOf, type Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { CaptureProblem, EventCapture } from '../events/event-capture.js';
import { mapEvent } from '../events/event.mapper.js';
import { CaptureJobEntity } from './capture-job.entity.js';
import { CaptureJobRunner } from './capture-job-runner.js';
import { findJobPage } from './capture-jobs.queries.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, type QueryPageDto } from './dto/query-page.dto.js';
import { PageTokens, type IssuedToken } from './epcis-query.page-token.js';
import { validateEpcisDocument } from './epcis-schema.js';

/** Events per captured document: generous, since a day's records of a packing house run to thousands. */
export const CAPTURE_EVENT_LIMIT = 10_000;

/**
 * `GS1-Capture-Error-Behaviour`: `rollback` stops at the first error and stores nothing; `proceed`
 * stores every good event; `all` checks every event and reports every error, then stores nothing
 * if there was one.
 */
export const ERROR_BEHAVIOURS = ['rollback', 'proceed', 'all'] as const;
export type ErrorBehaviour = (typeof ERROR_BEHAVIOURS)[number];

/** The EPCIS 2.0 capture interface: documents (as jobs) and single events. */
@Injectable()
export class EpcisCaptureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(CaptureJobEntity) private readonly jobs: Repository<CaptureJobEntity>,
    private readonly capture: EventCapture,
    private readonly changes: BatchChanges,
    private readonly runner: CaptureJobRunner,
    private readonly tokens: PageTokens,
  ) {}

  /** The business a capture writes for: an API key's, or the user's (named when they have several). */
  actingBusiness(actor: Actor, requested?: string): string {
    const principal = actor.principal;
    const candidates = principal.kind === 'api_key' ? [principal.businessId] : requested ? [requested] : [...principal.memberships.keys()];
    if (principal.kind === 'user' && !requested && candidates.length > 1) {
      throw new DomainError('VALIDATION_FAILED', RULE_MESSAGES.epcis.severalBusinesses, { businessId: ['businessId is required'] });
    }
    return TenancyPolicy.actingBusiness(principal, candidates);
  }

  /**
   * Takes a document for capture: what can be checked at once is (its size, GS1's schema, 400
   * with every failing field named; the business), then the document and its job are stored and
   * the job enqueued in one transaction. A worker of any instance captures it (CaptureJobRunner).
   */
  async captureDocument(actor: Actor, businessId: string, document: unknown, behaviour: ErrorBehaviour): Promise<CaptureJobEntity> {
    const { events } = epcisDocumentEvents(document);
    if (events.length > CAPTURE_EVENT_LIMIT) {
      throw new DomainError('PAYLOAD_TOO_LARGE', RULE_MESSAGES.epcis.tooManyEvents(CAPTURE_EVENT_LIMIT));
    }
    assertSchemaValid(document);
    await this.capture.assertVerified(this.db.manager, businessId).catch((error: unknown) => {
      throw error instanceof CaptureProblem ? new DomainError(error.code, error.text) : error;
    });
    // A plain insert: save() would compare and merge the document, field by field, into the entity it returns.
    const fields = {
      businessId,
      userId: actor.principal.kind === 'user' ? actor.principal.id : null,
      apiKeyId: actor.principal.kind === 'api_key' ? actor.principal.id : null,
      status: 'running' as const,
      errorBehaviour: behaviour,
      eventCount: events.length,
      // GS1's schema has checked it is a document (an object).
      document: document as object,
      request: originOf(actor),
    };
    const job = await this.db.transaction(async (tx) => {
      const { generatedMaps } = await tx.getRepository(CaptureJobEntity).insert(fields);
      const stored = Object.assign(new CaptureJobEntity(), fields, generatedMaps[0]);
      await this.runner.enqueue(tx, stored.id);
      return stored;
    });
    this.runner.accept(job.id, document);
    this.runner.wake();
    return job;
  }

  /** One event, synchronously: 201 with the stored event, or 409 when its eventID exists. */
  async captureEvent(actor: Actor, businessId: string, event: Record<string, unknown>): Promise<EventView> {
    assertSchemaValid(
      {
        '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
        type: 'EPCISDocument',
        schemaVersion: '2.0',
        creationDate: new Date().toISOString(),
        epcisBody: { eventList: [event] },
      },
      (pointer) => pointer.replace(/^\/epcisBody\/eventList\/0\/?/, '/') || '/',
    );
    try {
      const outcome = await this.db.transaction((tx) => this.capture.capture(tx, actor, businessId, event));
      if ('duplicate' in outcome) throw new DomainError('DUPLICATE_EVENT');
      await this.changes.publish(outcome.batchIds);
      return mapEvent(outcome.stored);
    } catch (error) {
      if (!(error instanceof CaptureProblem)) throw error;
      throw new DomainError(error.code, error.text, { [error.pointer || '/']: [error.text] });
    }
  }

  /** A job, whoever may see it (the access rule of its route decides). */
  async getJob(jobId: string): Promise<CaptureJobEntity> {
    const job = await this.jobs.findOneBy({ id: jobId });
    if (!job) throw new DomainError('NOT_FOUND');
    return job;
  }

  /**
   * `GET /epcis/capture`: the business's jobs, newest first, keyset-paged; the page token of the
   * next page when there is one.
   */
  async listJobs(businessId: string, page: QueryPageDto): Promise<{ jobs: CaptureJobEntity[]; next: IssuedToken | null }> {
    const perPage = Math.min(page.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const digest = PageTokens.queryDigest('captureJobs', { businessId });
    const after = page.nextPageToken ? await this.tokens.read(page.nextPageToken, digest) : null;
    const rows = await findJobPage(this.db.manager, businessId, after && { createdAt: after.after, id: after.id }, perPage + 1);
    const last = rows[perPage - 1];
    const next = rows.length > perPage && last ? this.tokens.issue(digest, { after: last.sortKey, id: last.job.id }) : null;
    return { jobs: rows.slice(0, perPage).map((row) => row.job), next };
  }

  /** Events checked so far: the live count when the job runs here, else the one its run last wrote. */
  processedCount(job: CaptureJobEntity): number {
    return this.runner.processed(job.id) ?? job.processedCount;
  }
}

/** A document GS1's schema refuses is refused whole (400), each failing field named by its JSON pointer. */
function assertSchemaValid(document: unknown, fieldOf: (pointer: string) => string = (pointer) => pointer || '/'): void {
  const schema = validateEpcisDocument(document);
  if (schema.valid) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const error of schema.errors) (fieldErrors[fieldOf(error.pointer)] ??= []).push(error.message);
  throw new DomainError('VALIDATION_FAILED', RULE_MESSAGES.epcis.schemaRefused(Object.keys(fieldErrors).length), fieldErrors);
}
