// The workspaces an actor may use at all (GET /me's abilities); src/abilities.ts
// answers each from the policy of the module that owns it.
/**
 * What an actor may use at all, whatever the resource: the workspaces and menus of
 * the web app. GET /me sends them; the policy of the module that owns each one
 * answers for it (src/abilities.ts). What the actor may do with one case, rule or
 * commitment comes with that resource.
 */
export const GLOBAL_ABILITIES = [
  'ownCases',
  'directorWorkspace',
  'teamBoard',
  'listCases',
  'registerCases',
  'assessmentRequests',
  'lateObjections',
  'ownCommitments',
  'confirmCommitments',
  'exportCommitments',
  'manageOrganisation',
  'manageRules',
  'manageMandates',
  'readAccessLog',
  'councilOverview',
  'insights',
  'apiTokens',
  'compareMunicipalities',
  'satisfactionFollowUp',
  'collaborations',
] as const;
export type GlobalAbility = (typeof GLOBAL_ABILITIES)[number];
export type GlobalAbilities = Record<GlobalAbility, boolean>;
