// What an actor may use at all (GET /me's abilities): each workspace of the web app
// is answered by the policy of the module that owns it, so the web app keeps no
// copy of the role table. Wired into the identity routes by the composition root.

import { assessmentPolicy } from './modules/assessments/index.js';
import { auditPolicy } from './modules/audit/index.js';
import { benchmarkPolicy } from './modules/benchmark/index.js';
import { casePolicy } from './modules/cases/index.js';
import { collaborationPolicy } from './modules/collaborations/index.js';
import { commitmentPolicy } from './modules/commitments/index.js';
import { councilPolicy } from './modules/council/index.js';
import type { GlobalAbilities } from './modules/identity/index.js';
import { insightsPolicy } from './modules/insights/index.js';
import { mandatePolicy } from './modules/mandates/index.js';
import { organisationPolicy } from './modules/organisation/index.js';
import { rulePolicy } from './modules/rules/index.js';
import { satisfactionPolicy } from './modules/satisfaction/index.js';
import { type Actor, isStaff } from './platform/auth/index.js';

export function globalAbilities(a: Actor): GlobalAbilities {
  return {
    // An initiator lists only the cases they submitted; staff who read cases list them all.
    ownCases: casePolicy.list(a) && !isStaff(a),
    listCases: casePolicy.list(a) && isStaff(a),
    // The case director's own open cases, clock first.
    directorWorkspace: a.role === 'director',
    teamBoard: casePolicy.board(a),
    registerCases: casePolicy.register(a),
    assessmentRequests: assessmentPolicy.inbox(a),
    lateObjections: assessmentPolicy.listLate(a),
    // Executives make commitments; the coordinator confirms any, an executive those
    // their mandates cover (commitments/queries.ts: awaitingConfirmation).
    ownCommitments: commitmentPolicy.list(a) && a.role === 'executive',
    confirmCommitments: commitmentPolicy.list(a) && (a.role === 'coordinator' || a.role === 'executive'),
    // The register as CSV: everyone who may list the municipality's commitments.
    exportCommitments: commitmentPolicy.list(a),
    manageOrganisation: organisationPolicy.manage(a),
    manageRules: rulePolicy.manage(a),
    manageMandates: mandatePolicy.manage(a),
    // Who read whose personal data (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd).
    readAccessLog: auditPolicy.readAccessLog(a),
    // The council overview (docs/product.md#the-council-overview): council members, executives, the admin.
    councilOverview: councilPolicy.read(a),
    // Management information (docs/product.md#management-information): coordinators, admins, executives, council members.
    insights: insightsPolicy.read(a),
    // Personal API tokens are for staff (identity/service.ts).
    apiTokens: isStaff(a),
    // Comparing municipalities (docs/product.md#comparing-municipalities): coordinators, admins, executives, council members.
    compareMunicipalities: benchmarkPolicy.compare(a),
    // Low report marks to follow up (docs/product.md#a-low-mark-is-followed-up): the coordinator.
    satisfactionFollowUp: satisfactionPolicy.followUp(a),
    // Collaborations (docs/product.md#collaborations): directors, coordinators, executives, council members, admins.
    collaborations: collaborationPolicy.list(a),
  };
}
