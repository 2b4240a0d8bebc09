// A municipality's set-up: departments, areas, themes, users, settings.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.

export { organisationPolicy } from './policy.js';
export { calendarOf, findArea, getMunicipality } from './repo.js';
export { organisationRoutes } from './routes.js';
export { createDepartment, createNamed, createUser, unsafeAddUser, updateSettings } from './service.js';
