export interface AuditEntryView {
  id: string;
  occurredAt: string;
  userId: string | null;
  userEmail: string | null;
  apiKeyId: string | null;
  businessId: string | null;
  businessName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  clientAddress: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  /** The X-Request-Id the client sent, beside the server's own `requestId`. */
  clientRequestId: string | null;
}

export interface AuditQuery {
  businessId?: string;
  userId?: string;
  targetId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}
