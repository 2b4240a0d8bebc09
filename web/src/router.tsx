// Every page and its Dutch path. Staff pages sit behind RequireRole, which sends a
// visitor without a session to /inloggen and checks the ability GET /me gave.
import type { ComponentProps, ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { GlobalAbility } from './api/models.js';
import { Layout } from './components/Layout.js';
import { RequireRole } from './components/RequireRole.js';
import { Account } from './pages/Account.js';
import { AccessLogPage } from './pages/admin/AccessLog.js';
import { AdminHome } from './pages/admin/AdminHome.js';
import { MandatesPage } from './pages/admin/Mandates.js';
import { NamedItems } from './pages/admin/NamedItems.js';
import { RulesPage } from './pages/admin/Rules.js';
import { SettingsPage } from './pages/admin/Settings.js';
import { UserEdit } from './pages/admin/UserEdit.js';
import { Users } from './pages/admin/Users.js';
import { WebhooksPage } from './pages/admin/Webhooks.js';
import { ZgwPage } from './pages/admin/Zgw.js';
import { LateObjectionsPage } from './pages/assessment/LateObjections.js';
import { OutsideAnswerPage } from './pages/assessment/OutsideAnswer.js';
import { AnswerRequestPage, RequestsPage } from './pages/assessment/Requests.js';
import { ComparePage } from './pages/benchmark/Compare.js';
import { PublicFiguresPage, PublishersPage } from './pages/benchmark/PublicFigures.js';
import { Cases } from './pages/Cases.js';
import { CaseDetailPage } from './pages/case/CaseDetailPage.js';
import { AgreementLinkPage } from './pages/collaborations/AgreementLink.js';
import { CollaborationPage } from './pages/collaborations/Collaboration.js';
import { CollaborationsPage } from './pages/collaborations/Collaborations.js';
import { PartnerCollaborationPage } from './pages/collaborations/PartnerPages.js';
import { PartyCollaborationPage, PartyCollaborationsPage, PartyLoginLinkPage, PartyLoginPage } from './pages/collaborations/PartyPages.js';
import { MyCommitmentsPage, ToConfirmPage } from './pages/commitments/CommitmentPages.js';
import { CouncilOverviewPage } from './pages/council/CouncilOverview.js';
import { AreaBoundariesPage } from './pages/geo/AreaBoundaries.js';
import { Home } from './pages/Home.js';
import { Intake } from './pages/Intake.js';
import { InsightsPage } from './pages/insights/InsightsPage.js';
import { AgreementsPage } from './pages/intermunicipal/Agreements.js';
import { SharedRequestPage, SharedRequestsPage } from './pages/intermunicipal/SharedRequests.js';
import { Login } from './pages/Login.js';
import { LoginLink } from './pages/LoginLink.js';
import { OidcReturn } from './pages/login/OidcReturn.js';
import { MyCase } from './pages/MyCase.js';
import { MyCases } from './pages/MyCases.js';
import { NewCase } from './pages/NewCase.js';
import { NotFound } from './pages/NotFound.js';
import { ConfirmResponsePage, PublicPeriodsPage, PublicResponsePage } from './pages/participation/PublicPages.js';
import { CasePeriodsPage, InventoryPage } from './pages/participation/StaffPages.js';
import { PlanEditorPage } from './pages/plan/PlanEditorPage.js';
import { ForgotPassword, SetPassword } from './pages/SetPassword.js';
import { AccessibilityPage, PrivacyPage } from './pages/Statements.js';
import { FollowUpsPage } from './pages/satisfaction/FollowUpsPage.js';
import { SurveyPage } from './pages/satisfaction/SurveyPage.js';
import { TeamBoardPage } from './pages/TeamBoard.js';
import { Workspace } from './pages/Workspace.js';

const toStaffCase = { ability: 'listCases', to: (p: string) => p.replace('/mijn-zaak/', '/zaken/') } as const;
const toInitiatorCase = { ability: 'ownCases', to: (p: string) => p.replace('/zaken/', '/mijn-zaak/') } as const;

/** A page behind RequireRole: only for whom GET /me gave the ability (elsewhere: see RequireRole). */
const guarded = (path: string, ability: GlobalAbility, page: ReactNode, elsewhere?: ComponentProps<typeof RequireRole>['elsewhere']) => ({
  path,
  element: (
    <RequireRole ability={ability} elsewhere={elsewhere}>
      {page}
    </RequireRole>
  ),
});

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: ':gemeente/aanvragen', element: <Intake /> },
      { path: 'inloggen', element: <Login /> },
      { path: 'inloggen/link', element: <LoginLink /> },
      // the issuer's return after a login through OpenID Connect
      { path: 'inloggen/terug', element: <OidcReturn /> },
      { path: 'wachtwoord/instellen', element: <SetPassword /> },
      { path: 'wachtwoord-vergeten', element: <ForgotPassword /> },
      { path: 'privacy', element: <PrivacyPage /> },
      { path: 'toegankelijkheid', element: <AccessibilityPage /> },
      guarded('mijn-zaken', 'ownCases', <MyCases />),
      guarded('mijn-zaak/:id', 'ownCases', <MyCase />, toStaffCase),
      guarded('werkplek', 'directorWorkspace', <Workspace />),
      guarded('team', 'teamBoard', <TeamBoardPage />),
      guarded('zaken', 'listCases', <Cases />),
      guarded('zaken/nieuw', 'registerCases', <NewCase />),
      guarded('zaken/:id', 'listCases', <CaseDetailPage />, toInitiatorCase),
      guarded('zaken/:id/plan', 'listCases', <PlanEditorPage />),
      guarded('beheer', 'manageOrganisation', <AdminHome />),
      guarded('beheer/afdelingen', 'manageOrganisation', <NamedItems kind="departments" />),
      guarded('beheer/gebieden', 'manageOrganisation', <NamedItems kind="areas" />),
      guarded('beheer/themas', 'manageOrganisation', <NamedItems kind="themes" />),
      guarded('beheer/gebiedsgrenzen', 'manageOrganisation', <AreaBoundariesPage />),
      guarded('beheer/medewerkers', 'manageOrganisation', <Users />),
      guarded('beheer/medewerkers/:id', 'manageOrganisation', <UserEdit />),
      guarded('beheer/instellingen', 'manageOrganisation', <SettingsPage />),
      // rules and mandate registers, assessment workspaces, commitments
      { path: 'toets/:token', element: <OutsideAnswerPage /> },
      guarded('beheer/regels', 'manageRules', <RulesPage />),
      guarded('beheer/mandaten', 'manageMandates', <MandatesPage />),
      guarded('beheer/inzage', 'readAccessLog', <AccessLogPage />),
      guarded('toetsverzoeken', 'assessmentRequests', <RequestsPage />),
      guarded('toetsverzoeken/:partyId', 'assessmentRequests', <AnswerRequestPage />),
      guarded('nagekomen-bezwaren', 'lateObjections', <LateObjectionsPage />),
      guarded('mijn-toezeggingen', 'ownCommitments', <MyCommitmentsPage />),
      guarded('toezeggingen-ter-bevestiging', 'confirmCommitments', <ToConfirmPage />),
      guarded('raadsoverzicht', 'councilOverview', <CouncilOverviewPage />),
      guarded('sturingsinformatie', 'insights', <InsightsPage />),
      guarded('account', 'apiTokens', <Account />),
      // comparing municipalities and the published figures (docs/product.md#comparing-municipalities)
      guarded('vergelijken', 'compareMunicipalities', <ComparePage />),
      guarded('samenwerkingen', 'collaborations', <CollaborationsPage />),
      guarded('samenwerkingen/:id', 'collaborations', <CollaborationPage />),
      // a collaboration of another municipality of which the own municipality is a party (docs/product.md#a-partner-municipality-reads-a-collaboration)
      guarded('samenwerkingen/partner/:id', 'collaborations', <PartnerCollaborationPage />),
      guarded('beheer/samenwerkingsafspraken', 'manageOrganisation', <AgreementsPage />),
      guarded('gedeelde-verzoeken', 'assessmentRequests', <SharedRequestsPage />),
      guarded('gedeelde-verzoeken/:id', 'assessmentRequests', <SharedRequestPage />),
      // an outside party: confirming its agreement, and reading its collaborations (docs/product.md#an-outside-partys-read-access)
      { path: 'afspraak/:token', element: <AgreementLinkPage /> },
      { path: 'partij', element: <PartyLoginPage /> },
      { path: 'partij/inloggen', element: <PartyLoginLinkPage /> },
      { path: 'partij/samenwerkingen', element: <PartyCollaborationsPage /> },
      { path: 'partij/samenwerkingen/:id', element: <PartyCollaborationPage /> },
      { path: 'cijfers', element: <PublishersPage /> },
      { path: 'cijfers/:slug', element: <PublicFiguresPage /> },
      // responding to a case without an account, and the director's inventory of interests
      { path: 'reageren/bevestigen', element: <ConfirmResponsePage /> },
      { path: 'reageren/:gemeente', element: <PublicPeriodsPage /> },
      { path: 'reageren/:gemeente/:periodId', element: <PublicResponsePage /> },
      guarded('zaken/:id/reacties', 'listCases', <CasePeriodsPage />),
      guarded('reactieperiodes/:periodId', 'listCases', <InventoryPage />),
      // the resident's report mark: the survey behind its link, the coordinator's follow-up
      { path: 'tevredenheid/:token', element: <SurveyPage /> },
      guarded('tevredenheid-opvolging', 'satisfactionFollowUp', <FollowUpsPage />),
      // webhooks to other systems (docs/product.md#webhooks)
      guarded('beheer/webhooks', 'manageOrganisation', <WebhooksPage />),
      // every case also a zaak in the zaaksysteem (docs/product.md#zgw-registration)
      guarded('beheer/zaaksysteem', 'manageOrganisation', <ZgwPage />),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
