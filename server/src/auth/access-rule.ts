import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope, MemberRole, UserRole } from '@nguon/shared';
import type { FastifyRequest } from 'fastify';

/**
 * What a route needs, checked in one place (the access guard) before any handler runs:
 * a signed-in principal, a user role, an API key scope, and the business the request acts for.
 */
export interface AccessRule {
  /** Only these user roles (API keys never pass a role check). */
  roles?: UserRole[];
  /** The route accepts API keys with this scope; without it, only signed-in users. */
  scope?: ApiKeyScope;
  /** Whose thing is touched: the caller must act for its owning business. */
  actsFor?: OwnedTarget;
  /** With `actsFor`: the member role needed (owners may do everything staff may). */
  memberRole?: MemberRole;
  /** With `actsFor`: user roles that may do it for any business (inspectors recalling a batch). */
  authorities?: UserRole[];
  /** With `actsFor`: the write changes what the business's public pages show, so a suspended business may not. */
  publishes?: boolean;
  /** With `actsFor`: a caller who may not act for it is told it does not exist (404), as for someone else's job. */
  conceals?: boolean;
  /**
   * A public read (used alone, no credential needed) of a business or its records: shown to everyone
   * once the business is verified, otherwise only to its people and those who read everything;
   * anyone else is told it does not exist.
   */
  shows?: ShownTarget;
}

/** What a public read shows: a business, or a place of one. */
export type ShownTarget = Extract<OwnedTarget, { kind: 'business' | 'location' }>;

/** Who reads every business's records: with `actsFor`, the `authorities` of a read. */
export const READS_EVERYTHING: UserRole[] = ['inspector', 'admin'];

/** Where a route names the thing it touches, and how to find its owner. */
export type OwnedTarget =
  | { kind: 'business'; id: (request: FastifyRequest) => unknown }
  | { kind: 'product'; id: (request: FastifyRequest) => unknown; inPath?: boolean }
  | { kind: 'location'; id: (request: FastifyRequest) => unknown }
  /** A batch: its producer, or (when `recipients` allows it) a business it was shipped to. */
  | { kind: 'batch'; id: (request: FastifyRequest) => unknown; recipients?: (request: FastifyRequest) => boolean }
  /** A batch's full records: its producer and every business that recorded events on it (one step back, one forward). */
  | { kind: 'batch_records'; id: (request: FastifyRequest) => unknown }
  /** An import job: the business that started it. */
  | { kind: 'import'; id: (request: FastifyRequest) => unknown }
  /** An EPCIS capture job: the business it captured for. */
  | { kind: 'capture_job'; id: (request: FastifyRequest) => unknown }
  /** Several batches (or products of batches about to be made) that must all belong to the acting business: processing outputs. */
  | { kind: 'batches'; ids: (request: FastifyRequest) => unknown };

export const ACCESS_RULE = 'nguon:access';

export const Access = (rule: AccessRule = {}) => SetMetadata(ACCESS_RULE, rule);

const param = (name: string) => (request: FastifyRequest) => (request.params as Record<string, unknown>)[name];
const bodyField = (name: string) => (request: FastifyRequest) => (request.body as Record<string, unknown> | undefined)?.[name];

/** Rule builders, so controllers read as one line each. */
export const owned = {
  businessInPath: (name = 'businessId'): ShownTarget => ({ kind: 'business', id: param(name) }),
  productInBody: (name = 'productId'): OwnedTarget => ({ kind: 'product', id: bodyField(name) }),
  productInPath: (name = 'id'): OwnedTarget => ({ kind: 'product', id: param(name), inPath: true }),
  locationInPath: (name = 'id'): ShownTarget => ({ kind: 'location', id: param(name) }),
  batchInPath: (name = 'id', recipients?: (request: FastifyRequest) => boolean): OwnedTarget => ({
    kind: 'batch',
    id: param(name),
    recipients,
  }),
  batchRecordsInPath: (name = 'id'): OwnedTarget => ({ kind: 'batch_records', id: param(name) }),
  importInPath: (name = 'id'): OwnedTarget => ({ kind: 'import', id: param(name) }),
  captureJobInPath: (name = 'id'): OwnedTarget => ({ kind: 'capture_job', id: param(name) }),
  /** Processing `outputs`: existing batches (`batchId`) or new batches of a product (`newBatch.productId`). */
  processingOutputs: (list = 'outputs'): OwnedTarget => ({
    kind: 'batches',
    ids: (request) => {
      const items = bodyField(list)(request);
      return Array.isArray(items)
        ? items.map((item: { batchId?: unknown; newBatch?: { productId?: unknown } } | null) => item?.batchId ?? item?.newBatch?.productId)
        : undefined;
    },
  }),
};
