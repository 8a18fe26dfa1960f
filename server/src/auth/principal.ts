import type { ApiKeyScope, MemberRole, UserRole } from '@nguon/shared';

/** A signed-in person. */
export interface UserPrincipal {
  kind: 'user';
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  /** businessId → role in that business. */
  memberships: Map<string, MemberRole>;
  sessionId: string;
}

/** A business's machine credential: acts for that one business, within its scopes. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  businessId: string;
  scopes: ReadonlySet<ApiKeyScope>;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** A principal named by kind and id, as stored with work done later on its behalf. */
export interface PrincipalRef {
  kind: Principal['kind'];
  id: string;
}

/** Who is asking, for which business, from where: what every use case and audit entry needs. */
export interface Actor {
  principal: Principal;
  /** The business the request acts for, decided by the access guard; null when none is involved. */
  businessId: string | null;
  clientAddress: string;
  requestId: string;
  /** The X-Request-Id the client sent, if any: recorded beside `requestId`. */
  clientRequestId?: string | null;
}

/** The user behind an actor, for use cases only people may perform. */
export function userOf(actor: Actor): UserPrincipal {
  if (actor.principal.kind !== 'user') throw new Error('this use case needs a signed-in user');
  return actor.principal;
}

/** A user acting on their own account, before or as they sign in (sign-up, confirmation, sign-in). */
export function selfActor(
  user: { id: string; email: string; displayName: string; role: UserRole },
  info: { clientAddress: string; requestId: string },
  sessionId: string | null,
): Actor {
  return {
    principal: {
      kind: 'user',
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      memberships: new Map(),
      sessionId: sessionId ?? '',
    },
    businessId: null,
    ...info,
  };
}

/** Where a request came from: kept with a queued job, for the audit entries its run writes. */
export interface RequestOrigin {
  clientAddress: string;
  requestId: string;
  clientRequestId: string | null;
}

export function originOf(actor: Actor): RequestOrigin {
  return { clientAddress: actor.clientAddress, requestId: actor.requestId, clientRequestId: actor.clientRequestId ?? null };
}

/**
 * The actor a queued job's run acts as (EPCIS capture, imports): who sent the job and from where,
 * as its request had them. What a run does and the audit trail read only the principal's kind and
 * id of it, and the business.
 */
export function jobActor(job: {
  businessId: string;
  userId: string | null;
  apiKeyId: string | null;
  request: Partial<RequestOrigin>;
}): Actor {
  const principal: Principal = job.apiKeyId
    ? { kind: 'api_key', id: job.apiKeyId, businessId: job.businessId, scopes: new Set(['capture']) }
    : { kind: 'user', id: job.userId ?? '', email: '', displayName: '', role: 'member', memberships: new Map(), sessionId: '' };
  return {
    principal,
    businessId: job.businessId,
    clientAddress: job.request.clientAddress ?? '',
    requestId: job.request.requestId ?? '',
    clientRequestId: job.request.clientRequestId ?? null,
  };
}
