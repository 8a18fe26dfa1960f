import type { ErrorCode, LocalizedText } from '@nguon/shared';
import { DomainError } from '../errors/domain-error.js';
import { RULE_MESSAGES } from '../errors/rule-messages.js';
import { AddressRefusedError, HostNotFoundError, type OutboundHttp } from './outbound-http.js';

/**
 * The URL as it will be called, once its host resolves to addresses the portal may call (checked
 * again at each call): a refused or unknown host is a field error on `field`.
 */
export async function callableUrl(outbound: OutboundHttp, text: string, field: string): Promise<string> {
  const refuse = (code: ErrorCode, why: LocalizedText) => new DomainError(code, why, { [field]: [why] });
  try {
    return (await outbound.resolve(text)).url.href;
  } catch (error) {
    if (error instanceof AddressRefusedError)
      throw refuse('URL_NOT_ALLOWED', RULE_MESSAGES.outbound.addressRefused(error.host, error.reason, error.address));
    if (error instanceof HostNotFoundError) throw refuse('URL_HOST_NOT_FOUND', RULE_MESSAGES.outbound.hostNotFound(error.host));
    throw error;
  }
}
