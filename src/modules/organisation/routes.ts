// Placeholder replaced by the organisation module's routes.
import type { Deps } from '../../platform/context.js';
import type { App } from '../../platform/http/server.js';

export function organisationRoutes(_app: App, _deps: Deps) {}
