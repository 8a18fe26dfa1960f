import { Module } from '@nestjs/common';
import { OutboundHttp } from './outbound-http.js';

/** The one way to call an address a user gave (webhooks today): import this module, inject OutboundHttp. */
@Module({ providers: [OutboundHttp], exports: [OutboundHttp] })
export class OutboundModule {}
