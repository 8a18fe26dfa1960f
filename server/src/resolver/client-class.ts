import type { ClientClass } from '../scans/scan-log.service.js';

/** A coarse class of the visitor's device: enough for counterfeit signals, nothing personal. */
export function clientClassOf(userAgent: string | undefined): ClientClass {
  if (!userAgent) return 'other';
  if (/bot|crawler|spider|curl|wget|python|go-http|java\//i.test(userAgent)) return 'bot';
  if (/mobi|android|iphone|ipad|zalo/i.test(userAgent)) return 'mobile';
  if (/windows|macintosh|linux|cros/i.test(userAgent)) return 'desktop';
  return 'other';
}
