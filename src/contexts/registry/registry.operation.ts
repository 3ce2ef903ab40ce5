/**
 * Public data authorised operation (公共数据授权运营, 发改数据规〔2025〕27号): an implementing body
 * (实施机构) authorises an operator (运营机构) for a scope and a term of at most five years under an
 * agreement; public data resources are registered under the authorisation (first registrations with
 * `authorisationId`), the operator lists its products and services with prices, and both parties
 * disclose yearly, by the end of March (NDA notice of 10 Feb 2026); a missing disclosure is flagged.
 */
import { canonicalJson } from '../../kernel/canonical-json.ts';
import { sm3 } from '../../kernel/crypto/sm.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { hasScope, type Principal } from '../../kernel/principal.ts';
import type { Authorisation } from './registry.repo.ts';
import { actorOfPrincipal, addYearsInclusive, type RegistryService } from './registry.service.ts';

const SM3_RE = /^[0-9a-f]{64}$/;
const DISCLOSURE_PARTIES = ['implementing', 'operator'] as const;
export type DisclosureParty = (typeof DISCLOSURE_PARTIES)[number];

function ymd(field: string, v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
    throw new AppError('validation_failed', `${field} must be a date YYYY-MM-DD`, { field });
  return v;
}

export interface AuthorisationInput {
  implementingBody: string;
  operator: { orgCode?: string | undefined; name?: string | undefined };
  scope: string;
  startsOn: string;
  endsOn: string;
  agreementRef: string;
  agreementSm3?: string | undefined;
  feeCap?: string | undefined;
}

export class OperationService {
  constructor(private readonly registry: RegistryService) {}

  private get db() {
    return this.registry.db;
  }

  private isOperator(p: Principal, a: Authorisation): boolean {
    return hasScope(p, 'registry:apply') && a.operator_org_id !== null && p.orgId === a.operator_org_id;
  }

  async create(p: Principal, input: AuthorisationInput) {
    if (!hasScope(p, 'registry:authorise')) throw new AppError('forbidden', 'missing scope registry:authorise', { scope: 'registry:authorise' });
    const startsOn = ymd('startsOn', input.startsOn);
    const endsOn = ymd('endsOn', input.endsOn);
    const max = this.registry.config.maxAuthorisationYears;
    if (endsOn <= startsOn) throw new AppError('validation_failed', 'endsOn must be after startsOn', { field: 'endsOn' });
    if (endsOn > addYearsInclusive(startsOn, max))
      throw new AppError('validation_failed', `endsOn: an authorisation lasts at most ${max} years (until ${addYearsInclusive(startsOn, max)})`, { field: 'endsOn' });
    for (const f of ['implementingBody', 'scope', 'agreementRef'] as const)
      if (!input[f].trim()) throw new AppError('validation_failed', `${f} is required`, { field: f });
    if (input.agreementSm3 !== undefined && !SM3_RE.test(input.agreementSm3)) throw new AppError('validation_failed', 'agreementSm3 must be 64 hex (SM3)', { field: 'agreementSm3' });
    let operator: { id: number | null; name: string };
    if (input.operator.orgCode) {
      const org = await this.registry.deps.orgs.byCode(input.operator.orgCode);
      if (!org) throw new AppError('validation_failed', `operator.orgCode: no organisation ${input.operator.orgCode}`, { field: 'operator.orgCode' });
      operator = { id: org.id, name: org.name };
    } else if (input.operator.name?.trim()) operator = { id: null, name: input.operator.name.trim() };
    else throw new AppError('validation_failed', 'operator: give orgCode or name', { field: 'operator' });
    const id = await this.registry.transaction(async (tx) => {
      const aid = await this.registry.repo.insertAuthorisation(tx, {
        implementing_body: input.implementingBody.trim(),
        operator_org_id: operator.id,
        operator_name: operator.name,
        scope: input.scope.trim(),
        starts_on: startsOn,
        ends_on: endsOn,
        agreement_ref: input.agreementRef.trim(),
        agreement_sm3: input.agreementSm3 ?? null,
        fee_cap: input.feeCap?.trim() || null,
        created_by: `${p.kind}:${p.id}`,
        created_at: this.registry.instant(),
      });
      await this.registry.event(tx, actorOfPrincipal(p), {
        event: 'authorisation.created',
        entityType: 'registry_authorisation',
        entityId: aid,
        entry: { authorisationId: aid, implementingBody: input.implementingBody, operator: operator.name, scope: input.scope, startsOn, endsOn, agreementSm3: input.agreementSm3 ?? null },
      });
      return aid;
    });
    return this.get(id);
  }

  async addProduct(p: Principal, authorisationId: number, input: { name: string; kind: 'product' | 'service'; priceFen: number; unit: string }) {
    const a = await this.registry.repo.authorisation(this.db, authorisationId);
    if (!a) throw notFound('authorisation', authorisationId);
    if (!hasScope(p, 'registry:authorise') && !this.isOperator(p, a)) throw new AppError('forbidden', 'only the operator or the registry lists products', { scope: 'registry:apply' });
    if (!input.name.trim()) throw new AppError('validation_failed', 'name is required', { field: 'name' });
    if (!Number.isSafeInteger(input.priceFen) || input.priceFen < 0) throw new AppError('validation_failed', 'priceFen must be a non-negative integer (fen)', { field: 'priceFen' });
    await this.registry.transaction(async (tx) => {
      const pid = await this.registry.repo.insertProduct(tx, { authorisation_id: authorisationId, name: input.name.trim(), kind: input.kind, price_fen: input.priceFen, unit: input.unit.trim() || '次', created_at: this.registry.instant() });
      await this.registry.event(tx, actorOfPrincipal(p), {
        event: 'authorisation.product-listed',
        entityType: 'registry_authorisation',
        entityId: authorisationId,
        entry: { authorisationId, productId: pid, name: input.name, kind: input.kind, priceFen: input.priceFen, unit: input.unit },
      });
    });
    return this.get(authorisationId);
  }

  /** Files the yearly disclosure of one party; once per year and party. */
  async disclose(p: Principal, authorisationId: number, input: { year: number; party: DisclosureParty; content: Record<string, unknown> }) {
    const a = await this.registry.repo.authorisation(this.db, authorisationId);
    if (!a) throw notFound('authorisation', authorisationId);
    const may = input.party === 'implementing' ? hasScope(p, 'registry:authorise') : this.isOperator(p, a) || hasScope(p, 'registry:authorise');
    if (!may) throw new AppError('forbidden', `this account may not disclose for the ${input.party} party`);
    const first = Number(a.starts_on.slice(0, 4));
    const last = Number(a.ends_on.slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < first || input.year > last)
      throw new AppError('validation_failed', `year must be within the authorisation (${first}–${last})`, { field: 'year' });
    await this.registry.transaction(async (tx) => {
      const inserted = await this.registry.repo.insertDisclosure(tx, { authorisation_id: authorisationId, year: input.year, party: input.party, content: canonicalJson(input.content), filed_at: this.registry.instant() });
      if (!inserted) throw new AppError('duplicate', `the ${input.party} disclosure for ${input.year} is already filed`, { field: 'year' });
      await this.registry.event(tx, actorOfPrincipal(p), {
        event: 'authorisation.disclosed',
        entityType: 'registry_authorisation',
        entityId: authorisationId,
        entry: { authorisationId, year: input.year, party: input.party, contentSm3: sm3(canonicalJson(input.content)) },
      });
    });
    return this.get(authorisationId);
  }

  /**
   * The disclosures due so far: for each year the authorisation runs in, each party discloses by
   * the end of March (a year whose authorisation starts after that day is first due the next year).
   */
  private dueDisclosures(a: Authorisation, filed: { year: number; party: string; filed_at: string }[]) {
    const today = this.registry.today();
    const md = this.registry.config.disclosureDueMonthDay;
    const out: { year: number; party: DisclosureParty; due: string; filedAt: string | null; overdue: boolean }[] = [];
    const first = Number(a.starts_on.slice(0, 4));
    const last = Math.min(Number(a.ends_on.slice(0, 4)), Number(today.slice(0, 4)));
    for (let y = first; y <= last; y++) {
      const due = `${y}-${md}`;
      if (a.starts_on > due || a.ends_on < `${y}-01-01`) continue;
      for (const party of DISCLOSURE_PARTIES) {
        const f = filed.find((d) => d.year === y && d.party === party);
        out.push({ year: y, party, due, filedAt: f?.filed_at ?? null, overdue: !f && today > due });
      }
    }
    return out;
  }

  async get(id: number) {
    const a = await this.registry.repo.authorisation(this.db, id);
    if (!a) throw notFound('authorisation', id);
    const products = await this.registry.repo.products(this.db, id);
    const disclosures = await this.registry.repo.disclosures(this.db, id);
    const resources = await this.registry.repo.searchRegistrations(this.db, { authorisationId: id, offset: 0, limit: 500 });
    const due = this.dueDisclosures(a, disclosures);
    return {
      id: a.id,
      implementingBody: a.implementing_body,
      operator: { orgId: a.operator_org_id, name: a.operator_name },
      scope: a.scope,
      startsOn: a.starts_on,
      endsOn: a.ends_on,
      agreementRef: a.agreement_ref,
      agreementSm3: a.agreement_sm3,
      feeCap: a.fee_cap,
      active: a.starts_on <= this.registry.today() && this.registry.today() <= a.ends_on,
      resources: resources.items.map((r) => ({ registrationNo: r.registration_no, dataName: r.data_name, book: r.book })),
      products: products.map((x) => ({ id: x.id, name: x.name, kind: x.kind, priceFen: Number(x.price_fen), unit: x.unit })),
      disclosures: disclosures.map((d) => ({ year: d.year, party: d.party, content: JSON.parse(d.content) as Record<string, unknown>, filedAt: d.filed_at })),
      due,
      overdue: due.some((d) => d.overdue),
    };
  }

  async list() {
    const all = await this.registry.repo.authorisations(this.db);
    return Promise.all(all.map((a) => this.get(a.id)));
  }
}
