export {
  type CheckState,
  type CockpitReadinessOptions,
  cockpitReadiness,
  databaseCheck,
  READINESS_TIMEOUT_MS,
  type Readiness,
  type ReadinessCheck,
  type ReadinessReport,
  readinessOf,
} from './readiness.js';
export { healthRoutes, READINESS_RETRY_AFTER_SECONDS } from './routes.js';
