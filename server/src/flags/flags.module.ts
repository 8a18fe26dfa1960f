import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { FlagScanner } from './flag-scanner.js';
import { FlagsController } from './flags.controller.js';
import { FlagsService } from './flags.service.js';

@Module({ imports: [AttachmentsModule], controllers: [FlagsController], providers: [FlagsService, FlagScanner] })
export class FlagsModule {}
