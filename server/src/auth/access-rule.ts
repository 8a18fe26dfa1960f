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
}

/** Where a route names the thing it touches, and how to find its owner. */
export type OwnedTarget =
  | { kind: 'business'; id: (request: FastifyRequest) => unknown }
  | { kind: 'product'; id: (request: FastifyRequest) => unknown }
  /** A batch: its producer, or (when `recipients` allows it) a business it was shipped to. */
  | { kind: 'batch'; id: (request: FastifyRequest) => unknown; recipients?: (request: FastifyRequest) => boolean }
  /** Several batches that must all belong to the acting business (processing outputs). */
  | { kind: 'batches'; ids: (request: FastifyRequest) => unknown };

export const ACCESS_RULE = 'nguon:access';

export const Access = (rule: AccessRule = {}) => SetMetadata(ACCESS_RULE, rule);

const param = (name: string) => (request: FastifyRequest) => (request.params as Record<string, unknown>)[name];
const bodyField = (name: string) => (request: FastifyRequest) => (request.body as Record<string, unknown> | undefined)?.[name];

/** Rule builders, so controllers read as one line each. */
export const owned = {
  businessInPath: (name = 'businessId'): OwnedTarget => ({ kind: 'business', id: param(name) }),
  productInBody: (name = 'productId'): OwnedTarget => ({ kind: 'product', id: bodyField(name) }),
  batchInPath: (name = 'id', recipients?: (request: FastifyRequest) => boolean): OwnedTarget => ({ kind: 'batch', id: param(name), recipients }),
  batchesInBody: (list: string, field = 'batchId'): OwnedTarget => ({
    kind: 'batches',
    ids: (request) => {
      const items = bodyField(list)(request);
      return Array.isArray(items) ? items.map((item: Record<string, unknown> | null) => item?.[field]) : undefined;
    },
  }),
};
