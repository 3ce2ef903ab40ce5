import { type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { DeliveryRow, NotificationRow, NotificationTables } from './notifications.tables.ts';

const q = (e: Executor) => e as unknown as Kysely<NotificationTables>;

export type Notification = Selectable<NotificationRow>;
export type Delivery = Selectable<DeliveryRow>;

export class NotificationsRepo {
  async insert(tx: Executor, row: Insertable<NotificationRow>): Promise<number> {
    const r = await q(tx).insertInto('services_notifications').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  }

  async byId(db: Executor, id: number): Promise<Notification | undefined> {
    return q(db).selectFrom('services_notifications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Newest first; `beforeId` pages backwards. */
  async list(db: Executor, userId: number, f: { unread: boolean; beforeId?: number | undefined; limit: number }): Promise<Notification[]> {
    let query = q(db).selectFrom('services_notifications').selectAll().where('user_id', '=', userId);
    if (f.unread) query = query.where('read_at', 'is', null);
    if (f.beforeId !== undefined) query = query.where('id', '<', f.beforeId);
    return query.orderBy('id', 'desc').limit(f.limit).execute();
  }

  async unreadCount(db: Executor, userId: number): Promise<number> {
    const r = await q(db)
      .selectFrom('services_notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Marks one of the user's notifications read (once); returns whether it is the user's. */
  async markRead(db: Executor, userId: number, id: number, at: string): Promise<boolean> {
    const mine = await q(db).selectFrom('services_notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    if (!mine) return false;
    await q(db).updateTable('services_notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
    return true;
  }

  async markAllRead(db: Executor, userId: number, at: string): Promise<number> {
    const r = await q(db).updateTable('services_notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async deliveries(db: Executor, notificationId: number): Promise<Delivery[]> {
    return q(db).selectFrom('services_notification_deliveries').selectAll().where('notification_id', '=', notificationId).orderBy('id').execute();
  }

  /** Records one attempt on a channel: inserts the delivery or counts another attempt. */
  async recordAttempt(db: Executor, d: { notificationId: number; channel: string; locale: string; ok: boolean; error: string | null; at: string }): Promise<void> {
    await q(db)
      .insertInto('services_notification_deliveries')
      .values({
        notification_id: d.notificationId,
        channel: d.channel,
        locale: d.locale,
        status: d.ok ? 'sent' : 'failed',
        attempts: 1,
        last_error: d.error,
        updated_at: d.at,
        sent_at: d.ok ? d.at : null,
      })
      .onConflict((oc) =>
        oc.columns(['notification_id', 'channel']).doUpdateSet((eb) => ({
          status: d.ok ? 'sent' : 'failed',
          attempts: eb(eb.ref('services_notification_deliveries.attempts'), '+', 1),
          last_error: d.error,
          locale: d.locale,
          updated_at: d.at,
          sent_at: d.ok ? d.at : null,
        })),
      )
      .execute();
  }
}
