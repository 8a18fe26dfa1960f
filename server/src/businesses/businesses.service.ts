import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { foldText, type BusinessDirectoryEntry, type BusinessStatus, type BusinessView, type Page } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { BusinessMemberEntity } from '../auth/business-member.entity.js';
import { userOf, type Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { escapeLike } from '../common/sql/escape-like.js';
import { BusinessEntity } from './business.entity.js';
import { mapBusiness } from './business.mapper.js';
import { loadCertificates } from './certificate.queries.js';
import type { BusinessDecisionDto } from './dto/business-decision.dto.js';
import type { CreateBusinessDto } from './dto/create-business.dto.js';
import type { ListBusinessesQuery } from './dto/list-businesses.query.js';

/** The administrator's decisions on a business: which status each may start from. */
const DECISIONS = {
  verify: { to: 'verified', from: ['pending', 'rejected', 'suspended'], needsReason: false },
  reject: { to: 'rejected', from: ['pending'], needsReason: true },
  suspend: { to: 'suspended', from: ['verified'], needsReason: true },
} as const satisfies Record<string, { to: BusinessStatus; from: readonly BusinessStatus[]; needsReason: boolean }>;
export type BusinessDecision = keyof typeof DECISIONS;

@Injectable()
export class BusinessesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
    private readonly changes: BatchChanges,
  ) {}

  /** Registers a business, pending verification, with the caller as its owner. */
  async registerBusiness(actor: Actor, dto: CreateBusinessDto): Promise<BusinessView> {
    const user = userOf(actor);
    // A business is registered by someone whose mailbox is proved: the owner the portal can reach.
    const [row]: { verified: boolean }[] = await this.db.query(`SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1`, [user.id]);
    if (!row?.verified) throw new DomainError('EMAIL_NOT_VERIFIED');
    const business = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(BusinessEntity).save(tx.getRepository(BusinessEntity).create({
        legalName: dto.legalName.trim(),
        taxCode: dto.taxCode,
        addressLine: dto.address.line.trim(),
        commune: dto.address.commune.trim(),
        province: dto.address.province.trim(),
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        gs1CompanyPrefix: dto.gs1CompanyPrefix ?? null,
        gln: dto.gln ?? null,
        status: 'pending',
      }));
      await tx.getRepository(BusinessMemberEntity).insert({ businessId: saved.id, userId: user.id, role: 'owner' });
      await this.audit.record(tx, actor, { action: 'business.register', targetType: 'business', targetId: saved.id, businessId: saved.id, details: { legalName: saved.legalName, taxCode: saved.taxCode } });
      return saved;
    });
    return mapBusiness(business, []);
  }

  /** Verifies, rejects or suspends a business (administrators; the access rule checks the role). */
  async decide(actor: Actor, businessId: string, decision: BusinessDecision, dto: BusinessDecisionDto): Promise<BusinessView> {
    const rule = DECISIONS[decision];
    // A blank reason is no reason: the owner would be told nothing.
    const reason = dto.reason?.trim() || null;
    if (rule.needsReason && !reason) {
      throw new DomainError('VALIDATION_FAILED', undefined, { reason: [{ vi: 'Cần ghi rõ lý do', en: 'A reason is required' }] });
    }
    await this.db.transaction(async (tx) => {
      const business = await this.lockOrFail(tx, businessId);
      if (!(rule.from as readonly BusinessStatus[]).includes(business.status)) throw new DomainError('BUSINESS_STATUS_CONFLICT');
      await tx.getRepository(BusinessEntity).update({ id: businessId }, {
        status: rule.to, statusReason: reason, statusChangedAt: new Date(), statusChangedBy: userOf(actor).id,
      });
      await this.audit.record(tx, actor, {
        action: `business.${decision}`, targetType: 'business', targetId: businessId, businessId,
        details: { from: business.status, to: rule.to, reason },
      });
    });
    await this.businessPagesChanged(businessId);
    return this.getBusiness(actor, businessId);
  }

  /** A business: verified ones are public; others only for their members, inspectors and admins. */
  async getBusiness(actor: Actor | null, businessId: string): Promise<BusinessView> {
    const business = await this.db.getRepository(BusinessEntity).findOneBy({ id: businessId });
    if (!business || !this.maySee(actor, business)) throw new DomainError('BUSINESS_NOT_FOUND');
    const certificates = await loadCertificates(this.db.manager, { businessIds: [businessId] });
    return mapBusiness(business, certificates);
  }

  async listBusinesses(actor: Actor | null, query: ListBusinessesQuery): Promise<Page<BusinessView>> {
    const qb = this.db.getRepository(BusinessEntity).createQueryBuilder('b');
    if (!TenancyPolicy.readsEverything(actor?.principal ?? null)) {
      const own = actor?.principal.kind === 'user' ? [...actor.principal.memberships.keys()] : actor?.principal.kind === 'api_key' ? [actor.principal.businessId] : [];
      qb.andWhere(`(b.status = 'verified' OR b.id = ANY(:own::uuid[]))`, { own });
    }
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.q) {
      const q = escapeLike(query.q.trim());
      qb.andWhere(`(nguon_fold(b.legal_name) LIKE nguon_fold(:q) OR b.tax_code LIKE :prefix)`, { q: `%${q}%`, prefix: `${q}%` });
    }
    const [rows, total] = await qb.orderBy('b.legal_name').skip(query.offset).take(query.limit).getManyAndCount();
    const certificates = await loadCertificates(this.db.manager, { businessIds: rows.map((r) => r.id) });
    return toPage(rows, total, query, (b) => mapBusiness(b, certificates.filter((c) => c.businessId === b.id)));
  }

  /** Verified businesses whose name contains the words (diacritics ignored) or whose tax code starts with the digits. */
  async searchDirectory(q: string): Promise<BusinessDirectoryEntry[]> {
    const name = escapeLike(foldText(q));
    const digits = q.replace(/[\s.-]/g, '');
    const rows: { id: string; legal_name: string; province: string; tax_code: string }[] = await this.db.query(
      `SELECT id, legal_name, province, tax_code FROM businesses
        WHERE status = 'verified' AND (nguon_fold(legal_name) LIKE '%' || $1 || '%' OR ($2 ~ '^[0-9]{3,}$' AND tax_code LIKE $2 || '%'))
        ORDER BY nguon_fold(legal_name) LIKE $1 || '%' DESC, legal_name
        LIMIT 10`,
      [name, digits],
    );
    return rows.map((r) => ({ id: r.id, legalName: r.legal_name, province: r.province, taxCode: r.tax_code }));
  }

  /** The producer's badge and certificates show on every consumer page of its batches. */
  private async businessPagesChanged(businessId: string): Promise<void> {
    const batches: { id: string }[] = await this.db.query(`SELECT id FROM batches WHERE business_id = $1`, [businessId]);
    await this.changes.publish(batches.map((b) => b.id));
  }

  private maySee(actor: Actor | null, business: BusinessEntity): boolean {
    return business.status === 'verified' || TenancyPolicy.readsEverything(actor?.principal ?? null) || TenancyPolicy.actsForAny(actor?.principal ?? null, [business.id]);
  }

  private async lockOrFail(tx: EntityManager, businessId: string): Promise<BusinessEntity> {
    const business = await tx.getRepository(BusinessEntity).findOne({ where: { id: businessId }, lock: { mode: 'pessimistic_write' } });
    if (!business) throw new DomainError('BUSINESS_NOT_FOUND');
    return business;
  }
}
