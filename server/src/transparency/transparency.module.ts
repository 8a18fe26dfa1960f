import { Module } from '@nestjs/common';
import { LogSubmissions } from './log-submissions.js';
import { TransparencyController } from './transparency.controller.js';
import { TransparencyLog } from './transparency-log.service.js';

@Module({
  controllers: [TransparencyController],
  providers: [TransparencyLog, LogSubmissions],
  exports: [TransparencyLog, LogSubmissions],
})
export class TransparencyModule {}
