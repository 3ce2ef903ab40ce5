/** Kysely table types of the registry (migration 0007). JSON columns are text; ids are integers. */
import type { Generated } from 'kysely';

export interface SequenceRow {
  name: string;
  value: number;
}

export interface AuthorisationRow {
  id: Generated<number>;
  implementing_body: string;
  operator_org_id: number | null;
  operator_name: string;
  scope: string;
  starts_on: string;
  ends_on: string;
  agreement_ref: string;
  agreement_sm3: string | null;
  fee_cap: string | null;
  created_by: string;
  created_at: string;
}

export interface RegistrationRow {
  id: Generated<number>;
  registration_no: string;
  book: string;
  holder_org_id: number | null;
  holder_name: string;
  subject_type: string;
  source_kind: string;
  data_name: string;
  /** JSON: the registered description of the data (DataDescription). */
  data: string;
  data_sm3: string;
  /** JSON: RightClaim[]. */
  rights: string;
  /** active | cancelled */
  status: string;
  suspended_reason: string | null;
  valid_from: string;
  valid_until: string;
  authorisation_id: number | null;
  registered_at: string;
  updated_at: string;
}

export interface ApplicationRow {
  id: Generated<number>;
  type: string;
  book: string;
  registration_id: number | null;
  holder_org_id: number | null;
  holder_name: string;
  subject_type: string;
  source_kind: string;
  data_name: string;
  data: string;
  /** JSON: the type-specific part (transfer parties, change fields, …). */
  payload: string;
  data_sm3: string | null;
  data_hash_source: string | null;
  /** JSON: the detection engine's labels of the sample. */
  sample: string | null;
  /** JSON: reviewer flags (duplicate data hash, personal information in an asset). */
  flags: string;
  authorisation_id: number | null;
  /** Cached from the action log for listings; the log is the truth. */
  status: string;
  /** JSON: the review steps fixed when the application was created. */
  steps: string;
  config_version: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ActionRow {
  id: Generated<number>;
  application_id: number;
  seq: number;
  action: string;
  /** JSON: Actor. */
  actor: string;
  at: string;
  detail: string;
  log_index: number | null;
}

export interface AttachmentRow {
  id: Generated<number>;
  application_id: number;
  kind: string;
  filename: string;
  blob_key: string;
  size: number;
  sm3: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface ObjectionRow {
  id: Generated<number>;
  application_id: number;
  objector_name: string;
  objector_contact: string;
  reason: string;
  filed_at: string;
  outcome: string | null;
  resolution: string | null;
  resolved_at: string | null;
}

export interface CertificateRow {
  id: Generated<number>;
  certificate_no: string;
  registration_id: number;
  application_id: number;
  issued_at: string;
  valid_from: string;
  valid_until: string;
  /** JSON: SignedDocument<CertificatePayload>. */
  document: string;
  /** JSON: the W3C Verifiable Credential 2.0 form. */
  credential: string;
  log_index: number;
  superseded_at: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface PledgeRow {
  id: Generated<number>;
  registration_id: number;
  pledgee_org_id: number;
  pledgee_name: string;
  pledgor_name: string;
  amount_fen: number;
  term_start: string;
  term_end: string;
  external_no: string | null;
  contract_sm3: string | null;
  /** active | released */
  status: string;
  registered_at: string;
  released_at: string | null;
  log_index: number;
}

export interface TransactionRow {
  id: Generated<number>;
  registration_id: number;
  application_id: number;
  /** transfer | licence */
  kind: string;
  from_name: string;
  to_org_id: number | null;
  to_name: string;
  rights: string;
  price_fen: number;
  contract_sm3: string;
  term_end: string | null;
  recorded_at: string;
}

export interface AuthProductRow {
  id: Generated<number>;
  authorisation_id: number;
  name: string;
  kind: string;
  price_fen: number;
  unit: string;
  created_at: string;
}

export interface AuthDisclosureRow {
  id: Generated<number>;
  authorisation_id: number;
  year: number;
  /** implementing | operator */
  party: string;
  content: string;
  filed_at: string;
}

export interface RegistryTables {
  registry_sequences: SequenceRow;
  registry_authorisations: AuthorisationRow;
  registry_registrations: RegistrationRow;
  registry_applications: ApplicationRow;
  registry_actions: ActionRow;
  registry_attachments: AttachmentRow;
  registry_objections: ObjectionRow;
  registry_certificates: CertificateRow;
  registry_pledges: PledgeRow;
  registry_transactions: TransactionRow;
  registry_auth_products: AuthProductRow;
  registry_auth_disclosures: AuthDisclosureRow;
}
