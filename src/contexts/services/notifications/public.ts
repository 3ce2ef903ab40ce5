/** The notifications part's public face (re-exported by services/index.ts). */
export { NotificationService, DELIVER_JOB as NOTIFY_DELIVER_JOB, DEPARTMENT_JOB as NOTIFY_DEPARTMENT_JOB } from './notifications.service.ts';
export type { NotificationDeps, NotificationDto, NotifyInput, DepartmentNotifyInput, RecipientDirectory } from './notifications.service.ts';
export { registerNotificationRoutes } from './notifications.routes.ts';
export { ConsoleChannel, FileChannel, SmsHttpChannel, SmtpChannel } from './channels.ts';
export type { OutboundChannel, OutboundMessage, Recipient as NotificationRecipient, SmsHttpOptions } from './channels.ts';
export type { SmtpOptions } from './smtp.ts';
export { CaseEventNotifier, CASE_EVENT_JOB as NOTIFY_CASE_EVENT_JOB } from './case-events.ts';
export type { CaseEventNotice, CaseLookup, CaseSnapshot, DepartmentNames } from './case-events.ts';
export { TEMPLATES as NOTIFICATION_TEMPLATES, type TemplateKey as NotificationTemplate } from './templates.ts';
export { officerTextFor } from './officer-text.ts';
export { createOutboundChannels, type NotifyChannelConfig } from './channel-factory.ts';
