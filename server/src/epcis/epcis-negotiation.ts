import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

/** The one EPCIS and CBV version the portal speaks. */
const VERSION = [2, 0, 0];
/** Media types the binding's answers come in, and the ranges that take them. */
const ACCEPTED = /^(?:application\/(?:json|ld\+json|\*)|\*\/\*)$/i;

const parts = (version: string) => version.split('.').map((n) => Number(n) || 0);
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Whether an Accept header takes JSON: no header, or a type of it not refused with q=0. */
function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.trim().split(';');
    return ACCEPTED.test(type.trim()) && !params.some((param) => /^\s*q=0(?:\.0*)?\s*$/.test(param));
  });
}

/**
 * Refuses (406) what the binding says a server must refuse: an `Accept` without JSON or JSON-LD,
 * or a `GS1-EPCIS-Min`/`-Max` or `GS1-CBV-Min`/`-Max` range that leaves out 2.0.0.
 */
export function assertAnswerable(headers: IncomingHttpHeaders): void {
  if (!acceptsJson(headers.accept)) throw new DomainError('NOT_ACCEPTABLE', RULE_MESSAGES.epcis.mediaTypeNotOffered(headers.accept!));
  for (const standard of ['EPCIS', 'CBV'] as const) {
    const min = headers[`gs1-${standard.toLowerCase()}-min`];
    const max = headers[`gs1-${standard.toLowerCase()}-max`];
    if ((typeof min === 'string' && compare(parts(min), VERSION) > 0) || (typeof max === 'string' && compare(parts(max), VERSION) < 0)) {
      throw new DomainError('NOT_ACCEPTABLE', RULE_MESSAGES.epcis.versionNotOffered(standard));
    }
  }
}
