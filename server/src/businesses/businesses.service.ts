import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  foldText,
  overlappingPrefixes,
  parseCompanyPrefix,
  prefixOfGtin,
  type BusinessDirectoryEntry,
  type BusinessStatus,
  type BusinessView,
  type Page,
} from '@nguon/shared';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { MembershipsService } from '../auth/memberships.service.js';
import { userOf, type Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { MasterDataArrivals } from '../common/master-data/master-data-arrivals.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { escapeLike } from '../common/sql/escape-like.js';
import { LogSubmissions } from '../transparency/log-submissions.js';
import { assertGlnClaimed, assertNoConflicts, confirmClaims, loadClaims, replacePrefixes } from './business-claims.js';
import { statusEntry } from './business-log-entries.js';
import { BusinessEntity } from './business.entity.js';
import { findBatchIds, findEmailVerified, findProductGtins, searchVerifiedBusinesses } from './businesses.queries.js';
import { mapBusiness } from './business.mapper.js';
import { loadCertificates } from './certificate.queries.js';
import type { BusinessDecisionDto } from './dto/business-decision.dto.js';
import type { CreateBusinessDto, UpdateBusinessGlnDto, UpdateGs1PrefixesDto } from './dto/create-business.dto.js';
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
    @InjectRepository(BusinessEntity) private readonly businesses: Repository<BusinessEntity>,
    private readonly audit: AuditTrail,
    private readonly changes: BatchChanges,
    private readonly arrivals: MasterDataArrivals,
    private readonly memberships: MembershipsService,
    private readonly log: LogSubmissions,
  ) {}

  /**
   * Registers a business, pending verification, with the caller as its owner. Its tax code and
   * prefixes are claims that block no one until confirmed; those a verified business already
   * holds are refused at once, since verification would refuse them.
   */
  async registerBusiness(actor: Actor, dto: CreateBusinessDto): Promise<BusinessView> {
    const user = userOf(actor);
    const prefixes = declaredPrefixes(dto.gs1Prefixes ?? []);
    // A business is registered by someone whose mailbox is proved: the owner the portal can reach.
    if (!(await findEmailVerified(this.db.manager, user.id))) throw new DomainError('EMAIL_NOT_VERIFIED');
    const business = await this.db.transaction(async (tx) => {
      await assertNoConflicts(tx, null, dto.taxCode, prefixes);
      const saved = await tx.getRepository(BusinessEntity).save(
        tx.getRepository(BusinessEntity).create({
          legalName: dto.legalName.trim(),
          taxCode: dto.taxCode,
          addressLine: dto.address.line.trim(),
          commune: dto.address.commune.trim(),
          province: dto.address.province.trim(),
          phone: dto.phone ?? null,
          email: dto.email ?? null,
          gln: dto.gln ?? null,
          status: 'pending',
        }),
      );
      await replacePrefixes(tx, saved.id, prefixes);
      // Its status starts pending: the first of its decisions in the transparency log.
      await this.log.submit(tx, [statusEntry(saved)]);
      await this.memberships.addMember(tx, { businessId: saved.id, userId: user.id, role: 'owner' });
      await this.audit.record(tx, actor, {
        action: 'business.register',
        targetType: 'business',
        targetId: saved.id,
        businessId: saved.id,
        details: { legalName: saved.legalName, taxCode: saved.taxCode, gs1Prefixes: prefixes },
      });
      return saved;
    });
    // The caller's memberships were read before it owned this business: no access check here.
    return this.view(business);
  }

  /**
   * Replaces the business's declared prefixes (its owners). Kept ones stay confirmed; new ones wait
   * for an administrator, at verification or, for a verified business, through `confirmPrefixes`.
   * A prefix its products' GTINs still fall under cannot go.
   */
  async updatePrefixes(actor: Actor, businessId: string, dto: UpdateGs1PrefixesDto): Promise<BusinessView> {
    const prefixes = declaredPrefixes(dto.gs1Prefixes);
    await this.db.transaction(async (tx) => {
      await this.lockOrFail(tx, businessId);
      const gtins = await findProductGtins(tx, businessId);
      const orphaned = gtins.filter((gtin) => !prefixOfGtin(gtin, prefixes));
      if (orphaned.length) {
        const list = orphaned.slice(0, 5).join(', ');
        throw new DomainError('PREFIX_IN_USE', RULE_MESSAGES.businesses.gtinsOutsideNewList(list), {
          gs1Prefixes: [RULE_MESSAGES.businesses.gtinsNeedPrefix(list)],
        });
      }
      // Its confirmed prefixes collide with no one (the database sees to it): only new or pending ones can.
      await assertNoConflicts(tx, businessId, null, prefixes);
      const change = await replacePrefixes(tx, businessId, prefixes);
      await this.audit.record(tx, actor, {
        action: 'business.update_prefixes',
        targetType: 'business',
        targetId: businessId,
        businessId,
        details: change,
      });
    });
    return this.getBusiness(businessId);
  }

  /** The owners set or clear the business's GLN, which must fall under its prefixes as its GTINs do. */
  async updateGln(actor: Actor, businessId: string, dto: UpdateBusinessGlnDto): Promise<BusinessView> {
    await this.db.transaction(async (tx) => {
      const business = await this.lockOrFail(tx, businessId);
      if (dto.gln !== null) await assertGlnClaimed(tx, businessId, dto.gln);
      await tx.getRepository(BusinessEntity).update({ id: businessId }, { gln: dto.gln });
      await this.audit.record(tx, actor, {
        action: 'business.update_gln',
        targetType: 'business',
        targetId: businessId,
        businessId,
        details: { from: business.gln, to: dto.gln },
      });
    });
    return this.getBusiness(businessId);
  }

  /** An administrator confirms the prefixes a verified business added since its verification. */
  async confirmPrefixes(actor: Actor, businessId: string): Promise<BusinessView> {
    // Events that named a party under the prefixes before they were confirmed now name this business.
    let linked: string[] = [];
    await this.db.transaction(async (tx) => {
      const business = await this.lockOrFail(tx, businessId);
      if (business.status !== 'verified') throw new DomainError('BUSINESS_STATUS_CONFLICT');
      const confirmed = await confirmClaims(tx, businessId, userOf(actor).id);
      linked = await this.arrivals.prefixesConfirmed(tx, businessId, confirmed);
      await this.audit.record(tx, actor, {
        action: 'business.confirm_prefixes',
        targetType: 'business',
        targetId: businessId,
        businessId,
        details: { confirmed },
      });
    });
    await this.changes.publish(linked);
    return this.getBusiness(businessId);
  }

  /** Verifies, rejects or suspends a business (administrators; the access rule checks the role). */
  async decide(actor: Actor, businessId: string, decision: BusinessDecision, dto: BusinessDecisionDto): Promise<BusinessView> {
    const rule = DECISIONS[decision];
    // A blank reason is no reason: the owner would be told nothing.
    const reason = dto.reason?.trim() || null;
    if (rule.needsReason && !reason) {
      throw new DomainError('VALIDATION_FAILED', undefined, { reason: [RULE_MESSAGES.businesses.reasonRequired] });
    }
    let linked: string[] = [];
    await this.db.transaction(async (tx) => {
      const business = await this.lockOrFail(tx, businessId);
      if (!(rule.from as readonly BusinessStatus[]).includes(business.status)) throw new DomainError('BUSINESS_STATUS_CONFLICT');
      // Verifying confirms the tax code and prefixes, unless a verified business holds one already.
      const confirmed = decision === 'verify' ? await confirmClaims(tx, businessId, userOf(actor).id) : [];
      linked = await this.arrivals.prefixesConfirmed(tx, businessId, confirmed);
      await tx.getRepository(BusinessEntity).update(
        { id: businessId },
        {
          status: rule.to,
          statusReason: reason,
          statusChangedAt: new Date(),
          statusChangedBy: userOf(actor).id,
        },
      );
      // The decision as stored, read back: what the log holds is what a check recomputes.
      await this.log.submit(tx, [statusEntry(await tx.getRepository(BusinessEntity).findOneByOrFail({ id: businessId }))]);
      await this.audit.record(tx, actor, {
        action: `business.${decision}`,
        targetType: 'business',
        targetId: businessId,
        businessId,
        details: {
          from: business.status,
          to: rule.to,
          reason,
          ...(decision === 'verify' ? { taxCode: business.taxCode, confirmedPrefixes: confirmed } : {}),
        },
      });
    });
    await this.businessPagesChanged(businessId);
    await this.changes.publish(linked);
    return this.getBusiness(businessId);
  }

  /** A business, whoever may see it (the access rule of its route decides). */
  async getBusiness(businessId: string): Promise<BusinessView> {
    const business = await this.businesses.findOneBy({ id: businessId });
    if (!business) throw new DomainError('BUSINESS_NOT_FOUND');
    return this.view(business);
  }

  private async view(business: BusinessEntity): Promise<BusinessView> {
    const [certificates, claims] = await Promise.all([
      loadCertificates(this.db.manager, { businessIds: [business.id] }),
      loadClaims(this.db.manager, [business]),
    ]);
    return mapBusiness(business, certificates, claims.get(business.id)!);
  }

  async listBusinesses(actor: Actor | null, query: ListBusinessesQuery): Promise<Page<BusinessView>> {
    const qb = this.businesses.createQueryBuilder('b');
    if (!TenancyPolicy.readsEverything(actor?.principal ?? null)) {
      const own =
        actor?.principal.kind === 'user'
          ? [...actor.principal.memberships.keys()]
          : actor?.principal.kind === 'api_key'
            ? [actor.principal.businessId]
            : [];
      qb.andWhere(`(b.status = 'verified' OR b.id = ANY(:own::uuid[]))`, { own });
    }
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.q) {
      const q = escapeLike(query.q.trim());
      qb.andWhere(`(nguon_fold(b.legal_name) LIKE nguon_fold(:q) OR b.tax_code LIKE :prefix)`, { q: `%${q}%`, prefix: `${q}%` });
    }
    const [rows, total] = await qb.orderBy('b.legal_name').skip(query.offset).take(query.limit).getManyAndCount();
    const [certificates, claims] = await Promise.all([
      loadCertificates(this.db.manager, { businessIds: rows.map((r) => r.id) }),
      loadClaims(this.db.manager, rows),
    ]);
    return toPage(rows, total, query, (b) =>
      mapBusiness(
        b,
        certificates.filter((c) => c.businessId === b.id),
        claims.get(b.id)!,
      ),
    );
  }

  /** Verified businesses whose name contains the words (diacritics ignored) or whose tax code starts with the digits. */
  async searchDirectory(q: string): Promise<BusinessDirectoryEntry[]> {
    const name = escapeLike(foldText(q));
    const digits = q.replace(/[\s.-]/g, '');
    const rows = await searchVerifiedBusinesses(this.db.manager, name, digits);
    return rows.map((r) => ({ id: r.id, legalName: r.legal_name, province: r.province, taxCode: r.tax_code }));
  }

  /** The producer's badge and certificates show on every consumer page of its batches. */
  private async businessPagesChanged(businessId: string): Promise<void> {
    await this.changes.publish(await findBatchIds(this.db.manager, businessId));
  }

  private async lockOrFail(tx: EntityManager, businessId: string): Promise<BusinessEntity> {
    // Not FOR UPDATE, which would hold back every row written meanwhile that refers to the business (a
    // capture's events naming it): a capture holding a party prefix's lock would then deadlock with a
    // confirmation of that prefix.
    const business = await tx.getRepository(BusinessEntity).findOne({ where: { id: businessId }, lock: { mode: 'for_no_key_update' } });
    if (!business) throw new DomainError('BUSINESS_NOT_FOUND');
    return business;
  }
}

/** The declared list in stored form, without repeats; overlapping entries are refused (the DTO checked each). */
function declaredPrefixes(input: readonly string[]): string[] {
  const prefixes = [
    ...new Set(
      input.map((value) => {
        const parsed = parseCompanyPrefix(value);
        return parsed.ok ? parsed.prefix : value;
      }),
    ),
  ];
  const overlaps = overlappingPrefixes(prefixes);
  if (overlaps.length) {
    const list = overlaps.map(([a, b]) => `${a}/${b}`).join(', ');
    throw new DomainError('VALIDATION_FAILED', undefined, {
      gs1Prefixes: [RULE_MESSAGES.businesses.prefixesOverlap(list)],
    });
  }
  return prefixes;
}
