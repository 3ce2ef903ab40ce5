/**
 * What the registry shows everyone, without an account: public notices (公示), the search of
 * registrations, the status behind every certificate's QR code, verification of a certificate file
 * (signed JSON or Verifiable Credential), and the DCAT 3 catalogue of registered resources.
 */
import type { Book, Right } from './registry.config.ts';
import { verifyCertificateSignature, verifyCredentialProof, type CertificatePayload, type VerifiableCredential } from './registry.certificates.ts';
import type { Registration } from './registry.repo.ts';
import { statusOf, type DataDescription, type RegistrationStatus, type RegistryService, type RightClaim } from './registry.service.ts';
import { currentStatus, fold, type ActionRecord, type Action } from './registry.workflow.ts';
import type { ReviewStep } from './registry.config.ts';
import { notFound } from '../../kernel/errors.ts';

const json = <T>(s: string): T => JSON.parse(s) as T;

export type CertificateStatus = RegistrationStatus | 'superseded';

export interface PublicStatus {
  certificateNo: string;
  registrationNo: string;
  /** The certificate's own state: a superseded certificate was replaced by a newer one of the same registration. */
  status: CertificateStatus;
  registrationStatus: RegistrationStatus;
  book: string;
  dataName: string;
  dataSm3: string;
  holder: string;
  rights: Right[];
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  logIndex: number;
  currentCertificateNo: string | null;
  encumbrances: { type: 'pledge'; pledgee: string; amountFen: number; termStart: string; termEnd: string; since: string }[];
  suspendedReason: string | null;
  checkedAt: string;
}

export interface VerificationResult {
  ok: boolean;
  /** Why it failed: malformed, unknown_key, bad_signature, unknown_certificate, not_issued_here, superseded, cancelled, suspended, expired. */
  reason: string | null;
  form: 'signed-json' | 'verifiable-credential' | 'unknown';
  status: PublicStatus | null;
}

/** How long this process may answer a certificate's status from memory (see `status`). */
export const STATUS_CACHE_MS = 1000;
const STATUS_CACHE_MAX = 10_000;

export class RegistryPublic {
  private readonly statusCache = new Map<string, { until: number; day: string; value: PublicStatus }>();

  constructor(private readonly registry: RegistryService) {
    // Any registry event in this process makes every cached status stale at once.
    registry.onEvent(() => this.statusCache.clear());
  }

  /**
   * The status page behind a certificate's QR code. A status computed in this process is reused for
   * up to STATUS_CACHE_MS (1 s) — and dropped at once when this process records any registry event —
   * so a scanned QR code costs no database work under load; another process's change shows within
   * that second. `checkedAt` says when the status was computed.
   */
  async status(certificateNo: string): Promise<PublicStatus> {
    const now = Date.now();
    const day = this.registry.today();
    const hit = this.statusCache.get(certificateNo);
    // A new day may expire a certificate: the cache never answers across midnight.
    if (hit && hit.until > now && hit.day === day) return hit.value;
    const value = await this.computeStatus(certificateNo);
    if (this.statusCache.size >= STATUS_CACHE_MAX) this.statusCache.clear();
    this.statusCache.set(certificateNo, { until: now + STATUS_CACHE_MS, day, value });
    return value;
  }

  private get db() {
    return this.registry.db;
  }

  private async computeStatus(certificateNo: string): Promise<PublicStatus> {
    const c = await this.registry.repo.certificateWithRegistration(this.db, certificateNo);
    if (!c) throw notFound('certificate', certificateNo);
    const { certificate, registration: reg } = c;
    const pledges = await this.registry.repo.pledgesOf(this.db, reg.id, { activeOnly: true });
    const today = this.registry.today();
    const registrationStatus = statusOf(reg, pledges.length > 0, today);
    const superseded = certificate.superseded_at !== null && registrationStatus !== 'cancelled';
    return {
      certificateNo: certificate.certificate_no,
      registrationNo: reg.registration_no,
      status: superseded ? 'superseded' : today > certificate.valid_until && registrationStatus !== 'cancelled' ? 'expired' : registrationStatus,
      registrationStatus,
      book: reg.book,
      dataName: reg.data_name,
      dataSm3: reg.data_sm3,
      holder: reg.holder_name,
      rights: json<RightClaim[]>(reg.rights).map((r) => r.right),
      validFrom: certificate.valid_from,
      validUntil: certificate.valid_until,
      issuedAt: certificate.issued_at,
      logIndex: Number(certificate.log_index),
      currentCertificateNo: c.currentNo,
      encumbrances: pledges.map((p) => ({ type: 'pledge' as const, pledgee: p.pledgee_name, amountFen: Number(p.amount_fen), termStart: p.term_start, termEnd: p.term_end, since: p.registered_at })),
      suspendedReason: reg.suspended_reason,
      checkedAt: this.registry.instant(),
    };
  }

  /**
   * Verifies a certificate file: its SM2 signature against the registry's keys, that it is the
   * certificate this registry issued under that number, and its current status. A changed byte, a
   * key the registry does not hold, or a revoked (cancelled), suspended, superseded or expired
   * certificate fails, naming the reason.
   */
  async verify(doc: unknown): Promise<VerificationResult> {
    const isVc = typeof doc === 'object' && doc !== null && 'proof' in doc && '@context' in doc;
    const form = isVc ? 'verifiable-credential' : typeof doc === 'object' && doc !== null && 'signature' in doc ? 'signed-json' : 'unknown';
    if (form === 'unknown') return { ok: false, reason: 'malformed', form, status: null };
    const check = isVc ? verifyCredentialProof(doc, this.registry.trustedKeys) : verifyCertificateSignature(doc, this.registry.trustedKeys);
    if (!check.ok) return { ok: false, reason: check.reason, form, status: null };
    const no = isVc
      ? String(((doc as VerifiableCredential).credentialSubject as { certificateNumber?: unknown }).certificateNumber ?? '')
      : String((doc as { payload: CertificatePayload }).payload.certificateNo ?? '');
    const c = await this.registry.certificate(no);
    if (!c) return { ok: false, reason: 'unknown_certificate', form, status: null };
    // A valid signature on other content than what was issued under this number is not this certificate.
    const issued = isVc ? json<VerifiableCredential>(c.certificate.credential).proof.proofValue : json<{ signature: { value: string } }>(c.certificate.document).signature.value;
    const given = isVc ? (doc as VerifiableCredential).proof.proofValue : (doc as { signature: { value: string } }).signature.value;
    if (issued !== given) return { ok: false, reason: 'not_issued_here', form, status: null };
    const status = await this.status(no);
    const ok = status.status === 'valid' || status.status === 'pledged';
    return { ok, reason: ok ? null : status.status, form, status };
  }

  /** Applications under public notice (and those whose notice just ended, awaiting the decision). */
  async notices(f: { q?: string | undefined; page: number; pageSize: number }) {
    const r = await this.registry.repo.listApplications(this.db, { statuses: ['public_notice', 'notice_suspended'], q: f.q, offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
    const today = this.registry.today();
    const items = await Promise.all(
      r.items.map(async (a) => {
        const records: ActionRecord[] = (await this.registry.repo.actions(this.db, a.id)).map((x) => ({ action: x.action as Action, at: x.at, detail: json<Record<string, unknown>>(x.detail) }));
        const state = fold(json<ReviewStep[]>(a.steps), records);
        const data = json<DataDescription>(a.data);
        return {
          applicationId: a.id,
          type: a.type,
          book: a.book as Book,
          holder: a.holder_name,
          dataName: a.data_name,
          summary: (data.description ?? '').slice(0, 300),
          noticeStart: state.noticeStart,
          noticeEnd: state.noticeEnd,
          status: currentStatus(state, today),
          openObjections: state.openObjections,
        };
      }),
    );
    return { items, total: r.total };
  }

  /** Search of registrations by name, holder or number. */
  async search(f: { q?: string | undefined; book?: string | undefined; page: number; pageSize: number }) {
    const r = await this.registry.repo.searchRegistrations(this.db, { q: f.q, book: f.book, offset: (f.page - 1) * f.pageSize, limit: f.pageSize });
    const items = await Promise.all(r.items.map((reg) => this.summary(reg)));
    return { items, total: r.total };
  }

  private async summary(reg: Registration) {
    const certs = await this.registry.repo.certificatesOf(this.db, reg.id);
    const current = certs.filter((c) => c.superseded_at === null).at(-1);
    return {
      registrationNo: reg.registration_no,
      book: reg.book,
      dataName: reg.data_name,
      holder: reg.holder_name,
      status: await this.registry.registrationStatus(this.db, reg),
      validFrom: reg.valid_from,
      validUntil: reg.valid_until,
      certificateNo: current?.certificate_no ?? null,
      registeredAt: reg.registered_at,
    };
  }

  /**
   * DCAT 3 catalogue (JSON-LD) of the registrations in force, for catalogues that harvest it. Each
   * registration is a dcat:Dataset; its registered data is a dcat:Distribution whose checksum is the
   * SM3 hash (spdx:checksum; SM3 is not in SPDX's algorithm list, so the algorithm is an IRI of ours).
   */
  async dcat(): Promise<Record<string, unknown>> {
    const origin = this.registry.deps.origin;
    const regs = await this.registry.repo.allActiveRegistrations(this.db);
    const datasets = await Promise.all(
      regs.map(async (reg) => {
        const d = json<DataDescription>(reg.data);
        const s = await this.summary(reg);
        return {
          '@id': `${origin}/api/registry/public/registrations/${reg.registration_no}`,
          '@type': 'dcat:Dataset',
          'dcterms:identifier': reg.registration_no,
          'dcterms:title': reg.data_name,
          ...(d.description ? { 'dcterms:description': d.description } : {}),
          'dcterms:publisher': { '@type': 'foaf:Agent', 'foaf:name': reg.holder_name },
          'dcterms:issued': { '@value': reg.valid_from, '@type': 'xsd:date' },
          'dcterms:modified': { '@value': reg.updated_at, '@type': 'xsd:dateTime' },
          ...(d.updateFrequency ? { 'dcterms:accrualPeriodicity': d.updateFrequency } : {}),
          ...(d.fields?.length ? { 'dcterms:conformsTo': { '@type': 'dcterms:Standard', 'rdfs:label': d.fields.map((x) => x.name).join(', ') } } : {}),
          ...(d.processingRules ? { 'prov:wasGeneratedBy': { '@type': 'prov:Activity', 'rdfs:label': d.processingRules } } : {}),
          'dcat:theme': reg.book,
          'dcterms:accessRights': 'non-public: registered data; contact the holder',
          'dcat:landingPage': { '@id': s.certificateNo ? this.registry.verifyUrl(s.certificateNo) : `${origin}/portal/registry` },
          'dcat:distribution': [
            {
              '@type': 'dcat:Distribution',
              'dcterms:title': reg.data_name,
              ...(d.format ? { 'dcterms:format': d.format } : {}),
              ...(d.scale?.bytes !== undefined ? { 'dcat:byteSize': { '@value': String(d.scale.bytes), '@type': 'xsd:nonNegativeInteger' } } : {}),
              'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': { '@id': 'https://landao.dev/ns/checksum#sm3' }, 'spdx:checksumValue': reg.data_sm3 },
            },
          ],
        };
      }),
    );
    return {
      '@context': {
        dcat: 'http://www.w3.org/ns/dcat#',
        dcterms: 'http://purl.org/dc/terms/',
        foaf: 'http://xmlns.com/foaf/0.1/',
        prov: 'http://www.w3.org/ns/prov#',
        rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
        spdx: 'http://spdx.org/rdf/terms#',
        xsd: 'http://www.w3.org/2001/XMLSchema#',
      },
      '@id': `${origin}/api/registry/public/dcat.jsonld`,
      '@type': 'dcat:Catalog',
      'dcterms:title': { '@value': '平潭综合实验区数据产权登记目录', '@language': 'zh-CN' },
      'dcterms:publisher': { '@type': 'foaf:Agent', 'foaf:name': this.registry.issuerName },
      'dcat:dataset': datasets,
    };
  }
}
