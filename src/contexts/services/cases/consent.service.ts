/**
 * Consent to prefill (数据授权): the service hall looks a citizen's data up through the exchange only
 * after the citizen consented — to the datasets (with their departments), the fields, the purpose
 * and the item, at a time, for 30 days, 90 days or a year of the citizen's choosing (PIPL's minimum-necessary
 * principle: a consent is bounded in time). A consent is an append-only row; revoking it appends a revocation;
 * both write their audit event in the same transaction. An expired consent covers nothing any more and cannot be
 * revoked; the citizen consents anew. Every lookup made under a consent is recorded
 * with its exchange transaction id and the request its evidence hashed (which carries the consent
 * id), so the citizen can list them and prove each one offline against the evidence package.
 * That request holds the citizen's identity number, so it is stored SM4-sealed (the accounts' id key),
 * never in clear; rows written before sealing (plain JSON) are still read.
 */
import type { AnyDb, Executor } from '../../../db/database.ts';
import { canonicalJson } from '../../../kernel/canonical-json.ts';
import { sm4Open, sm4Seal } from '../../../kernel/crypto/sm.ts';
import { AppError, illegalTransition, notFound } from '../../../kernel/errors.ts';
import type { Principal } from '../../../kernel/principal.ts';
import type { AuditService } from '../../audit/index.ts';
import { actorOf } from '../../identity/index.ts';
import { ConsentRepo, type StoredConsent, type StoredLookup } from './consent.repo.ts';
import type { ApplicantIdentity, CaseItem, PrefilledValue, PrefillLookupTrace, PrefillPlan, PrefillSource } from './ports.ts';

/** A dataset as the citizen sees it in the consent panel (the grant behind it is the hall's business). */
export interface ConsentDataset {
  dataset: string;
  title: string;
  department: string;
  fields: { name: string; title: string; property: string }[];
}

export interface PrefillLookupDto {
  txId: string;
  at: string;
  dataset: string;
  fields: string[];
  status: number;
  outcome: string;
  reason: string | null;
  caseId: number | null;
  /** The request exactly as the evidence record's requestHash covers it (verifyEvidencePackage's `request`). */
  request: unknown;
}

/** How long a consent may be given for, in days (the consent panel's 30 天 / 90 天 / 1 年). */
export const CONSENT_VALID_DAYS = [30, 90, 365] as const;
export type ConsentValidDays = (typeof CONSENT_VALID_DAYS)[number];
/** The validity when the citizen chose none, and that of rows written before consents expired (migration 0025). */
export const DEFAULT_CONSENT_VALID_DAYS: ConsentValidDays = 365;

/** revoked once withdrawn; otherwise active before its expiry and expired from it on. */
export type ConsentStatus = 'active' | 'revoked' | 'expired';

export interface ConsentDto {
  id: number;
  item: { code: string; version: number; name: { 'zh-CN': string; 'zh-TW': string; en: string } };
  purpose: string;
  datasets: ConsentDataset[];
  grantedAt: string;
  /** From this instant the consent covers no lookup (grantedAt + the chosen validity). */
  expiresAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  status: ConsentStatus;
  /** status === 'active'. */
  active: boolean;
  lookups: PrefillLookupDto[];
}

/** What prefilling an item would look up for the signed-in citizen, and their consent to it if any. */
export interface ConsentState {
  itemCode: string;
  purpose: string;
  datasets: ConsentDataset[];
  consent: ConsentDto | null;
}

export interface ConsentDeps {
  db: AnyDb;
  audit: AuditService;
  prefill?: PrefillSource | undefined;
  /** 32 bytes sealing the stored lookup requests (they carry the identity number). */
  idKey: Buffer;
  /** The case service's clock: when a consent is granted, revoked and whether it has expired. */
  now: () => Date;
}

/** Prefix of a sealed request column value; a value without it is a plain JSON row from before sealing. */
const SEALED = 'sm4:';

const DAY_MS = 86_400_000;

function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** The stored expiry, or granted_at + 365 days for a row written before migration 0025. */
function expiryOf(c: StoredConsent): Date {
  return c.expires_at !== null ? new Date(c.expires_at) : addDays(new Date(c.granted_at), DEFAULT_CONSENT_VALID_DAYS);
}

function statusOf(c: StoredConsent, now: Date): ConsentStatus {
  if (c.revoked_at !== null) return 'revoked';
  return now.getTime() < expiryOf(c).getTime() ? 'active' : 'expired';
}

function shown(plan: PrefillPlan): ConsentDataset[] {
  return plan.datasets.map((d) => ({ dataset: d.dataset, title: d.title, department: d.department, fields: d.fields }));
}

/** Does the consent cover everything the plan would look up (same purpose, every dataset and field)? */
function covers(c: StoredConsent, plan: PrefillPlan): boolean {
  if (c.purpose !== plan.purpose) return false;
  const consented = JSON.parse(c.datasets) as ConsentDataset[];
  return plan.datasets.every((d) => {
    const granted = consented.find((x) => x.dataset === d.dataset);
    return !!granted && d.fields.every((f) => granted.fields.some((g) => g.name === f.name));
  });
}

export class ConsentService {
  private readonly repo = new ConsentRepo();

  constructor(private readonly deps: ConsentDeps) {}

  /** What would be looked up: nothing without a prefill source or an identity. */
  async plan(identity: ApplicantIdentity | undefined, item: CaseItem): Promise<PrefillPlan> {
    if (!identity || !this.deps.prefill) return { purpose: '', datasets: [] };
    return this.deps.prefill.plan(identity, item);
  }

  /** The newest consent, neither revoked nor expired now, that covers the plan. */
  private async covering(userId: number, item: CaseItem, plan: PrefillPlan): Promise<StoredConsent | undefined> {
    const now = this.deps.now();
    const live = await this.repo.activeConsents(this.deps.db, userId, item.code, now.toISOString(), addDays(now, -DEFAULT_CONSENT_VALID_DAYS).toISOString());
    return live.find((c) => covers(c, plan));
  }

  async state(p: Principal, identity: ApplicantIdentity | undefined, item: CaseItem): Promise<ConsentState> {
    const plan = await this.plan(identity, item);
    const c = plan.datasets.length > 0 ? await this.covering(p.id, item, plan) : undefined;
    return { itemCode: item.code, purpose: plan.purpose, datasets: shown(plan), consent: c ? (await this.dtos([c]))[0]! : null };
  }

  /** The citizen consents to what prefilling this item looks up now (as the consent panel showed it), for `validDays` days. */
  async consent(p: Principal, identity: ApplicantIdentity | undefined, item: CaseItem, validDays: ConsentValidDays = DEFAULT_CONSENT_VALID_DAYS): Promise<ConsentDto> {
    const plan = await this.plan(identity, item);
    if (plan.datasets.length === 0) throw new AppError('conflict', `nothing of ${item.code} is prefilled from government data for you: no consent needed`, { reason: 'nothing_to_prefill' });
    const now = this.deps.now();
    const at = now.toISOString();
    const expiresAt = addDays(now, validDays).toISOString();
    const id = await this.deps.db.transaction().execute(async (tx) => {
      const datasets = shown(plan);
      const id = await this.repo.insertConsent(tx, { user_id: p.id, item_code: item.code, item_version: item.version, item_name: canonicalJson(item.name), purpose: plan.purpose, datasets: canonicalJson(datasets), granted_at: at, expires_at: expiresAt });
      await this.deps.audit.record(tx, actorOf(p), {
        action: 'services.prefill.consented',
        entityType: 'services_prefill_consent',
        entityId: id,
        detail: { itemCode: item.code, itemVersion: item.version, purpose: plan.purpose, datasets: datasets.map((d) => ({ dataset: d.dataset, fields: d.fields.map((f) => f.name) })), validDays, expiresAt },
      });
      return id;
    });
    return (await this.dtos([(await this.repo.consentById(this.deps.db, id))!]))[0]!;
  }

  /** The citizen withdraws an active consent: no lookup is made under it any more. An expired one is over already (409). */
  async revoke(p: Principal, id: number, reason: string | undefined): Promise<ConsentDto> {
    const now = this.deps.now();
    const at = now.toISOString();
    await this.deps.db.transaction().execute(async (tx) => {
      // Of two simultaneous revokes the second waits for the first here and then finds the consent revoked (409).
      await this.repo.lockConsent(tx, id);
      const c = await this.repo.consentById(tx, id);
      if (!c || c.user_id !== p.id || p.kind !== 'user') throw notFound('consent', id);
      const status = statusOf(c, now);
      if (status !== 'active') throw illegalTransition('revoke', status, []);
      await this.repo.insertRevocation(tx, id, at, reason ?? null);
      await this.deps.audit.record(tx, actorOf(p), { action: 'services.prefill.consent_revoked', entityType: 'services_prefill_consent', entityId: id, detail: { itemCode: c.item_code, reason: reason ?? null } });
    });
    return (await this.dtos([(await this.repo.consentById(this.deps.db, id))!]))[0]!;
  }

  async mine(p: Principal, limit = 100): Promise<ConsentDto[]> {
    return this.dtos(await this.repo.consentsOf(this.deps.db, p.id, limit));
  }

  /**
   * Prefills the item's form under the citizen's consent. `required`: without a covering consent,
   * 409 consent_required listing what would be looked up (nothing is looked up); otherwise null.
   */
  async prefill(p: Principal, identity: ApplicantIdentity | undefined, item: CaseItem, required: boolean): Promise<{ values: Record<string, PrefilledValue>; consentId: number; lookups: PrefillLookupTrace[] } | null> {
    const plan = await this.plan(identity, item);
    if (plan.datasets.length === 0) return null;
    const c = await this.covering(p.id, item, plan);
    if (!c) {
      if (!required) return null;
      throw new AppError('consent_required', `prefilling ${item.code} looks up your data at ${plan.datasets.map((d) => d.department).join(', ')}: consent first`, { itemCode: item.code, purpose: plan.purpose, datasets: shown(plan) });
    }
    const { values, lookups } = await this.deps.prefill!.prefill(identity!, plan, c.id);
    return { values, consentId: c.id, lookups };
  }

  /** Records the lookups made under a consent (with the case they were for, if any) and their audit event. */
  async recordLookups(tx: Executor, p: Principal, consentId: number, caseId: number | null, lookups: PrefillLookupTrace[]): Promise<void> {
    if (lookups.length === 0) return;
    await this.repo.insertLookups(
      tx,
      lookups.map((l) => ({ consent_id: consentId, user_id: p.id, case_id: caseId, tx_id: l.txId, dataset: l.dataset, fields: JSON.stringify(l.fields), status: l.status, outcome: l.outcome, reason: l.reason, request: this.sealRequest(l.request), at: l.at })),
    );
    // The grants list the citizen's own fields as clear: the subject of the data is the one asking.
    await this.deps.audit.record(tx, actorOf(p), {
      action: 'services.prefill.looked_up',
      entityType: 'services_prefill_consent',
      entityId: consentId,
      detail: { caseId, subjectIsRequester: true, lookups: lookups.map((l) => ({ txId: l.txId, dataset: l.dataset, outcome: l.outcome })) },
    });
  }

  private async dtos(rows: StoredConsent[]): Promise<ConsentDto[]> {
    const lookups = await this.repo.lookupsOf(this.deps.db, rows.map((r) => r.id));
    const byConsent = new Map<number, StoredLookup[]>();
    for (const l of lookups) byConsent.set(Number(l.consent_id), [...(byConsent.get(Number(l.consent_id)) ?? []), l]);
    const now = this.deps.now();
    return rows.map((c) => this.dto(c, statusOf(c, now), byConsent.get(c.id) ?? []));
  }

  private dto(c: StoredConsent, status: ConsentStatus, lookups: StoredLookup[]): ConsentDto {
    return {
      id: c.id,
      item: { code: c.item_code, version: c.item_version, name: JSON.parse(c.item_name) as ConsentDto['item']['name'] },
      purpose: c.purpose,
      datasets: JSON.parse(c.datasets) as ConsentDataset[],
      grantedAt: c.granted_at,
      expiresAt: expiryOf(c).toISOString(),
      revokedAt: c.revoked_at,
      revokeReason: c.revoke_reason,
      status,
      active: status === 'active',
      lookups: lookups.map((l) => ({
        txId: l.tx_id,
        at: l.at,
        dataset: l.dataset,
        fields: JSON.parse(l.fields) as string[],
        status: l.status,
        outcome: l.outcome,
        reason: l.reason,
        caseId: l.case_id,
        request: this.openRequest(l.request),
      })),
    };
  }

  private sealRequest(request: unknown): string {
    return SEALED + sm4Seal(this.deps.idKey, canonicalJson(request)).toString('base64');
  }

  private openRequest(stored: string): unknown {
    const json = stored.startsWith(SEALED) ? sm4Open(this.deps.idKey, Buffer.from(stored.slice(SEALED.length), 'base64')).toString('utf8') : stored;
    return JSON.parse(json) as unknown;
  }
}
