import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../../http/auth.ts';
import type { NotificationService } from './notifications.service.ts';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The signed-in user's own notifications (站内消息): list, unread count for the bell, mark read. */
export function registerNotificationRoutes(notifications: NotificationService) {
  return (app: FastifyInstance): void => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['services'];

    r.get(
      '/services/notifications',
      {
        schema: {
          tags,
          summary: 'My notifications, newest first, in my language',
          querystring: z.object({
            unread: z.enum(['true', 'false']).optional(),
            cursor: z.string().regex(/^\d+$/).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
          }),
        },
      },
      async (req) => notifications.list(requirePrincipal(req), { unread: req.query.unread === 'true', cursor: req.query.cursor, limit: req.query.limit }),
    );

    r.get('/services/notifications/unread-count', { schema: { tags, summary: 'How many of my notifications are unread (the bell badge)' } }, async (req) => ({
      unread: await notifications.unreadCount(requirePrincipal(req)),
    }));

    r.post('/services/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read' } }, async (req) => notifications.markAllRead(requirePrincipal(req)));

    r.post('/services/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read', params: idParams } }, async (req) =>
      notifications.markRead(requirePrincipal(req), req.params.id),
    );
  };
}
