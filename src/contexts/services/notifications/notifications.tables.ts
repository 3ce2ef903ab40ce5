/** Kysely table types of service hall notifications (migration 0014). */
import type { Generated } from 'kysely';

export interface NotificationRow {
  id: Generated<number>;
  user_id: number;
  /** A key of TEMPLATES; rendered in the reader's language when read or delivered. */
  template: string;
  /** JSON object of template parameters (officer text kept as written). */
  params: string;
  case_id: number | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface DeliveryRow {
  id: Generated<number>;
  notification_id: number;
  channel: string;
  locale: string;
  /** 'sent' or 'failed' (a failed delivery is retried by its job until the job's attempts run out). */
  status: string;
  attempts: number;
  last_error: string | null;
  updated_at: string;
  sent_at: string | null;
}

export interface NotificationTables {
  services_notifications: NotificationRow;
  services_notification_deliveries: DeliveryRow;
}
