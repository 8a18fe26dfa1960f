import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlagCounts, FlagScanResult, FlagView, Page } from '@nguon/shared';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AttachmentFilesService } from '../attachments/attachment-files.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { ListFlagsQuery, UpdateFlagDto } from './dto/flags.dto.js';
import { FlagScanner, noneRaised } from './flag-scanner.js';
import { flagSummary } from './flag-summary.js';
import {
  addFlagNote,
  countFlagsByStatus,
  findReportPhoto,
  loadFlags,
  loadNotes,
  lockFlagStatus,
  setFlagStatus,
  type FlagRow,
  type NoteRow,
} from './flags.queries.js';

function mapFlag(row: FlagRow, notes: NoteRow[]): FlagView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    detectedAt: row.detected_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    batch: row.batch_id ? { id: row.batch_id, lotCode: row.lot_code!, productName: { vi: row.name_vi!, en: row.name_en! } } : null,
    business: row.business_id ? { id: row.business_id, name: row.legal_name! } : null,
    eventId: row.event_id,
    summary: flagSummary(row.kind, row.details, row.lot_code),
    report: row.report_id
      ? {
          id: row.report_id,
          category: row.category!,
          message: row.message!,
          contact: row.contact,
          photoUrl: row.photo_key ? `/api/flags/${row.id}/photo` : null,
        }
      : null,
    notes: notes
      .filter((n) => n.flag_id === row.id)
      .map((n) => ({ id: n.id, author: n.author, status: n.status, text: n.text, createdAt: n.created_at.toISOString() })),
  };
}

/** The inspector's work list: flags raised by the checks and by consumers, with status and notes. */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: AttachmentFilesService,
    private readonly scanner: FlagScanner,
    private readonly audit: AuditTrail,
  ) {}

  async list(query: ListFlagsQuery): Promise<Page<FlagView>> {
    const { rows, total } = await loadFlags(this.db, query);
    const notes = rows.length
      ? await loadNotes(
          this.db,
          rows.map((r) => r.id),
        )
      : [];
    return { items: rows.map((r) => mapFlag(r, notes)), total, limit: query.limit, offset: query.offset };
  }

  async counts(): Promise<FlagCounts> {
    const row = await countFlagsByStatus(this.db.manager);
    return { open: row.open, inReview: row.in_review };
  }

  async get(id: string): Promise<FlagView> {
    const {
      rows: [row],
    } = await loadFlags(this.db, { id, limit: 1, offset: 0 });
    if (!row) throw new DomainError('FLAG_NOT_FOUND');
    return mapFlag(row, await loadNotes(this.db, [id]));
  }

  async update(actor: Actor, id: string, dto: UpdateFlagDto): Promise<FlagView> {
    if (dto.status === undefined && dto.note === undefined) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        note: [RULE_MESSAGES.flags.statusOrNote],
      });
    }
    await this.db.transaction(async (tx) => {
      const [flag] = await lockFlagStatus(tx, id);
      if (!flag) throw new DomainError('FLAG_NOT_FOUND');
      const status = dto.status !== undefined && dto.status !== flag.status ? dto.status : null;
      if (status) await setFlagStatus(tx, id, status);
      await addFlagNote(tx, id, userOf(actor).id, status, dto.note ?? '');
      await this.audit.record(tx, actor, {
        action: 'flag.update',
        targetType: 'flag',
        targetId: id,
        details: { from: flag.status, status, note: dto.note ?? null },
      });
    });
    return this.get(id);
  }

  async scan(actor: Actor): Promise<FlagScanResult> {
    const result = await this.scanner.scan();
    // Another instance is scanning right now: what it raises shows up in the list in a moment.
    if (!result) return { raised: noneRaised() };
    await this.db.transaction((tx) =>
      this.audit.record(tx, actor, { action: 'flags.scan', targetType: 'flag', targetId: null, details: { raised: result.raised } }),
    );
    return result;
  }

  async reportPhoto(id: string): Promise<{ stream: Readable; contentType: string }> {
    const [row] = await findReportPhoto(this.db.manager, id);
    if (!row?.photo_key) throw new DomainError('NOT_FOUND');
    return { stream: await this.files.open(row.photo_key), contentType: row.photo_type! };
  }
}
