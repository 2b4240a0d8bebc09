// Every page and its Dutch path. Staff pages sit behind RequireRole, which sends a
// visitor without a session to /inloggen and checks the ability GET /me gave.
import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.js';
import { RequireRole } from './components/RequireRole.js';
import { Account } from './pages/Account.js';
import { AdminHome } from './pages/admin/AdminHome.js';
import { MandatesPage } from './pages/admin/Mandates.js';
import { NamedItems } from './pages/admin/NamedItems.js';
import { RulesPage } from './pages/admin/Rules.js';
import { SettingsPage } from './pages/admin/Settings.js';
import { UserEdit } from './pages/admin/UserEdit.js';
import { Users } from './pages/admin/Users.js';
import { LateObjectionsPage } from './pages/assessment/LateObjections.js';
import { OutsideAnswerPage } from './pages/assessment/OutsideAnswer.js';
import { AnswerRequestPage, RequestsPage } from './pages/assessment/Requests.js';
import { Cases } from './pages/Cases.js';
import { CaseDetailPage } from './pages/case/CaseDetailPage.js';
import { MyCommitmentsPage, ToConfirmPage } from './pages/commitments/CommitmentPages.js';
import { Home } from './pages/Home.js';
import { Intake } from './pages/Intake.js';
import { Login } from './pages/Login.js';
import { LoginLink } from './pages/LoginLink.js';
import { MyCase } from './pages/MyCase.js';
import { MyCases } from './pages/MyCases.js';
import { NewCase } from './pages/NewCase.js';
import { NotFound } from './pages/NotFound.js';
import { PlanEditorPage } from './pages/plan/PlanEditorPage.js';
import { TeamBoardPage } from './pages/TeamBoard.js';
import { Workspace } from './pages/Workspace.js';

const toStaffCase = { ability: 'listCases', to: (p: string) => p.replace('/mijn-zaak/', '/zaken/') } as const;
const toInitiatorCase = { ability: 'ownCases', to: (p: string) => p.replace('/zaken/', '/mijn-zaak/') } as const;

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: ':gemeente/aanvragen', element: <Intake /> },
      { path: 'inloggen', element: <Login /> },
      { path: 'inloggen/link', element: <LoginLink /> },
      {
        path: 'mijn-zaken',
        element: (
          <RequireRole ability="ownCases">
            <MyCases />
          </RequireRole>
        ),
      },
      {
        path: 'mijn-zaak/:id',
        element: (
          <RequireRole ability="ownCases" elsewhere={toStaffCase}>
            <MyCase />
          </RequireRole>
        ),
      },
      {
        path: 'werkplek',
        element: (
          <RequireRole ability="directorWorkspace">
            <Workspace />
          </RequireRole>
        ),
      },
      {
        path: 'team',
        element: (
          <RequireRole ability="teamBoard">
            <TeamBoardPage />
          </RequireRole>
        ),
      },
      {
        path: 'zaken',
        element: (
          <RequireRole ability="listCases">
            <Cases />
          </RequireRole>
        ),
      },
      {
        path: 'zaken/nieuw',
        element: (
          <RequireRole ability="registerCases">
            <NewCase />
          </RequireRole>
        ),
      },
      {
        path: 'zaken/:id',
        element: (
          <RequireRole ability="listCases" elsewhere={toInitiatorCase}>
            <CaseDetailPage />
          </RequireRole>
        ),
      },
      {
        path: 'zaken/:id/plan',
        element: (
          <RequireRole ability="listCases">
            <PlanEditorPage />
          </RequireRole>
        ),
      },
      {
        path: 'beheer',
        element: (
          <RequireRole ability="manageOrganisation">
            <AdminHome />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/afdelingen',
        element: (
          <RequireRole ability="manageOrganisation">
            <NamedItems kind="departments" />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/gebieden',
        element: (
          <RequireRole ability="manageOrganisation">
            <NamedItems kind="areas" />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/themas',
        element: (
          <RequireRole ability="manageOrganisation">
            <NamedItems kind="themes" />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/medewerkers',
        element: (
          <RequireRole ability="manageOrganisation">
            <Users />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/medewerkers/:id',
        element: (
          <RequireRole ability="manageOrganisation">
            <UserEdit />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/instellingen',
        element: (
          <RequireRole ability="manageOrganisation">
            <SettingsPage />
          </RequireRole>
        ),
      },
      // rules and mandate registers, assessment workspaces, commitments
      { path: 'toets/:token', element: <OutsideAnswerPage /> },
      {
        path: 'beheer/regels',
        element: (
          <RequireRole ability="manageRules">
            <RulesPage />
          </RequireRole>
        ),
      },
      {
        path: 'beheer/mandaten',
        element: (
          <RequireRole ability="manageMandates">
            <MandatesPage />
          </RequireRole>
        ),
      },
      {
        path: 'toetsverzoeken',
        element: (
          <RequireRole ability="assessmentRequests">
            <RequestsPage />
          </RequireRole>
        ),
      },
      {
        path: 'toetsverzoeken/:partyId',
        element: (
          <RequireRole ability="assessmentRequests">
            <AnswerRequestPage />
          </RequireRole>
        ),
      },
      {
        path: 'nagekomen-bezwaren',
        element: (
          <RequireRole ability="lateObjections">
            <LateObjectionsPage />
          </RequireRole>
        ),
      },
      {
        path: 'mijn-toezeggingen',
        element: (
          <RequireRole ability="ownCommitments">
            <MyCommitmentsPage />
          </RequireRole>
        ),
      },
      {
        path: 'toezeggingen-ter-bevestiging',
        element: (
          <RequireRole ability="confirmCommitments">
            <ToConfirmPage />
          </RequireRole>
        ),
      },
      {
        path: 'account',
        element: (
          <RequireRole ability="apiTokens">
            <Account />
          </RequireRole>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
