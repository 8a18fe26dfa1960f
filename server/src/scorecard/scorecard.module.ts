import { Module } from '@nestjs/common';
import { ScorecardController } from './scorecard.controller.js';
import { ScorecardService } from './scorecard.service.js';

@Module({ controllers: [ScorecardController], providers: [ScorecardService] })
export class ScorecardModule {}
