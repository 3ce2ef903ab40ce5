/** The job queue context: one durable queue in the database for all background work. */
export {
  JobQueue,
  JobAbortError,
  JOB_STATUSES,
  type EnqueueOptions,
  type HandlerOptions,
  type Job,
  type JobAbortKind,
  type JobContext,
  type JobHandler,
  type JobLogger,
  type JobQueueOptions,
  type JobStatus,
  type ListJobsFilter,
  type StartOptions,
} from './jobs.service.ts';
export { registerJobRoutes } from './jobs.routes.ts';
