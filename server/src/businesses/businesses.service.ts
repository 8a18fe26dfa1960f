import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BusinessView, Page } from '@nguon/shared';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { BusinessMemberEntity } from '../auth/business-member.entity.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { escapeLike } from '../common/sql/escape-like.js';
import { BusinessEntity } from './business.entity.js';
import { mapBusiness } from './business.mapper.js';
import { CertificateEntity } from './certificate.entity.js';
import type { CreateBusinessDto } from './dto/create-business.dto.js';
import type { CreateCertificateDto } from './dto/create-certificate.dto.js';
import type { ListBusinessesQuery } from './dto/list-businesses.query.js';

@Injectable()
export class BusinessesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Registers a business, pending verification, with the caller as its owner. */
  async registerBusiness(user: AuthUser, dto: CreateBusinessDto): Promise<BusinessView> {
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
      return saved;
    });
    return mapBusiness(business, []);
  }

  async verifyBusiness(user: AuthUser, businessId: string): Promise<BusinessView> {
    TenancyPolicy.assertAdmin(user);
    const business = await this.findOrFail(businessId);
    business.status = 'verified';
    await this.db.getRepository(BusinessEntity).save(business);
    return this.getBusiness(businessId);
  }

  async addCertificate(user: AuthUser, businessId: string, dto: CreateCertificateDto): Promise<BusinessView> {
    await this.findOrFail(businessId);
    TenancyPolicy.assertActsFor(user, businessId);
    if (dto.validFrom && dto.validTo && dto.validTo < dto.validFrom) {
      throw new DomainError('VALIDATION_FAILED', undefined, { validTo: ['validTo must not be before validFrom'] });
    }
    await this.db.getRepository(CertificateEntity).insert({
      businessId, kind: dto.kind, name: dto.name, number: dto.number ?? null, issuer: dto.issuer,
      validFrom: dto.validFrom ?? null, validTo: dto.validTo ?? null, stars: dto.stars ?? null,
    });
    return this.getBusiness(businessId);
  }

  async getBusiness(businessId: string): Promise<BusinessView> {
    const business = await this.findOrFail(businessId);
    const certificates = await this.db.getRepository(CertificateEntity).find({ where: { businessId }, order: { createdAt: 'ASC' } });
    return mapBusiness(business, certificates);
  }

  async listBusinesses(query: ListBusinessesQuery): Promise<Page<BusinessView>> {
    const qb = this.db.getRepository(BusinessEntity).createQueryBuilder('b');
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.q) {
      qb.andWhere(`(unaccent(lower(b.legal_name)) LIKE unaccent(lower(:q)) OR b.tax_code LIKE :prefix)`, {
        q: `%${escapeLike(query.q.trim())}%`,
        prefix: `${escapeLike(query.q.trim())}%`,
      });
    }
    const [rows, total] = await qb.orderBy('b.legal_name').skip(query.offset).take(query.limit).getManyAndCount();
    const certificates = rows.length
      ? await this.db.getRepository(CertificateEntity).find({ where: { businessId: In(rows.map((r) => r.id)) } })
      : [];
    return toPage(rows, total, query, (b) => mapBusiness(b, certificates.filter((c) => c.businessId === b.id)));
  }

  private async findOrFail(businessId: string): Promise<BusinessEntity> {
    const business = await this.db.getRepository(BusinessEntity).findOneBy({ id: businessId });
    if (!business) throw new DomainError('BUSINESS_NOT_FOUND');
    return business;
  }
}
