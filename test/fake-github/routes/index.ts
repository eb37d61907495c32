import type { Route } from '../http.js';
import { actionsRoutes } from './actions.js';
import { collaboratorRoutes } from './collaborators.js';
import { gitRoutes } from './git.js';
import { issueRoutes } from './issues.js';
import { orgRoutes } from './orgs.js';
import { pullRoutes } from './pulls.js';
import { settingsRoutes } from './settings.js';
import { statusRoutes } from './statuses.js';

/** Every route served, first match wins (more specific templates come first within each group). */
export const allRoutes: Route[] = [
  ...pullRoutes,
  ...statusRoutes,
  ...gitRoutes,
  ...issueRoutes,
  ...orgRoutes,
  ...collaboratorRoutes,
  ...settingsRoutes,
  ...actionsRoutes,
];
