import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { EpcisCaptureController } from './epcis-capture.controller.js';
import { EpcisCaptureService } from './epcis-capture.service.js';

@Module({ imports: [EventsModule], controllers: [EpcisCaptureController], providers: [EpcisCaptureService] })
export class EpcisModule {}
