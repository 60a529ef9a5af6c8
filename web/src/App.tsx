import { MantineProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { meQueryKey } from './features/auth/api';
import { ChangePasswordPage } from './features/auth/ChangePasswordPage';
import { CHANGE_PASSWORD_PATH, RequireAuth } from './features/auth/RequireAuth';
import { RequirePermission } from './features/auth/RequirePermission';
import { SignInPage } from './features/auth/SignInPage';
import { HomePage } from './features/home/HomePage';
import { setUnauthenticatedHandler } from './shared/api/client';
import { createQueryClient } from './shared/api/queryClient';
import { AppNotifications } from './shared/components/AppNotifications';
import { ErrorBoundary } from './shared/components/ErrorBoundary';
import { NotFoundPage } from './shared/components/NotFoundPage';
import { LoadingState } from './shared/components/QueryStates';
import { SkipLink } from './shared/components/SkipLink';
import { AppLayout } from './shared/layout/AppLayout';
import { cssVariablesResolver, theme } from './shared/theme';

// Feature pages load on first visit; sign-in, home and the layout are in the main chunk.
const ProjectsPage = lazy(() =>
  import('./features/projects/ProjectsPage').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() =>
  import('./features/projects/ProjectPage').then((m) => ({ default: m.ProjectPage })),
);
const UsersPage = lazy(() =>
  import('./features/admin-users/UsersPage').then((m) => ({ default: m.UsersPage })),
);
const UserDetailPage = lazy(() =>
  import('./features/admin-users/UserDetailPage').then((m) => ({ default: m.UserDetailPage })),
);
const OfficesPage = lazy(() =>
  import('./features/offices/OfficesPage').then((m) => ({ default: m.OfficesPage })),
);
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const RegistryPage = lazy(() =>
  import('./features/registry/RegistryPage').then((m) => ({ default: m.RegistryPage })),
);
const PersonPage = lazy(() =>
  import('./features/registry/PersonPage').then((m) => ({ default: m.PersonPage })),
);
const DuplicatesPage = lazy(() =>
  import('./features/registry/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })),
);
const CasesPage = lazy(() => import('./features/cases/CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./features/cases/CasePage').then((m) => ({ default: m.CasePage })));
const MyTasksPage = lazy(() =>
  import('./features/tasks/MyTasksPage').then((m) => ({ default: m.MyTasksPage })),
);
const ReferralsPage = lazy(() =>
  import('./features/referrals/ReferralsPage').then((m) => ({ default: m.ReferralsPage })),
);
const ReferralPage = lazy(() =>
  import('./features/referrals/ReferralPage').then((m) => ({ default: m.ReferralPage })),
);
const ReferralDashboardPage = lazy(() =>
  import('./features/referrals/ReferralDashboardPage').then((m) => ({ default: m.ReferralDashboardPage })),
);
const JobBoardPage = lazy(() =>
  import('./features/employment/JobBoardPage').then((m) => ({ default: m.JobBoardPage })),
);
const OpeningPage = lazy(() =>
  import('./features/employment/OpeningPage').then((m) => ({ default: m.OpeningPage })),
);
const EmployersPage = lazy(() =>
  import('./features/employment/EmployersPage').then((m) => ({ default: m.EmployersPage })),
);
const PlacementsPage = lazy(() =>
  import('./features/employment/PlacementsPage').then((m) => ({ default: m.PlacementsPage })),
);
const ActivitiesPage = lazy(() =>
  import('./features/activities/ActivitiesPage').then((m) => ({ default: m.ActivitiesPage })),
);
const CampaignsPage = lazy(() =>
  import('./features/activities/CampaignsPage').then((m) => ({ default: m.CampaignsPage })),
);
const PortfolioPage = lazy(() =>
  import('./features/reporting/PortfolioPage').then((m) => ({ default: m.PortfolioPage })),
);
const ProjectReportingLayout = lazy(() =>
  import('./features/reporting/ProjectReportingPage').then((m) => ({ default: m.ProjectReportingLayout })),
);
const ProjectDashboardTab = lazy(() =>
  import('./features/reporting/ProjectReportingPage').then((m) => ({ default: m.ProjectDashboardTab })),
);
const FrameworkTab = lazy(() =>
  import('./features/reporting/FrameworkTab').then((m) => ({ default: m.FrameworkTab })),
);
const ManualValuesTab = lazy(() =>
  import('./features/reporting/ManualValuesTab').then((m) => ({ default: m.ManualValuesTab })),
);
const DonorAccessTab = lazy(() =>
  import('./features/reporting/DonorAccessTab').then((m) => ({ default: m.DonorAccessTab })),
);
const DonorProjectsPage = lazy(() =>
  import('./features/reporting/DonorPages').then((m) => ({ default: m.DonorProjectsPage })),
);
const DonorReportPage = lazy(() =>
  import('./features/reporting/DonorPages').then((m) => ({ default: m.DonorReportPage })),
);
const PipelinePage = lazy(() =>
  import('./features/resettlement/PipelinePage').then((m) => ({ default: m.PipelinePage })),
);
const FunnelPage = lazy(() =>
  import('./features/resettlement/FunnelPage').then((m) => ({ default: m.FunnelPage })),
);
const BatchesPage = lazy(() =>
  import('./features/resettlement/BatchesPage').then((m) => ({ default: m.BatchesPage })),
);
const BatchPage = lazy(() =>
  import('./features/resettlement/BatchPage').then((m) => ({ default: m.BatchPage })),
);
const MovementsPage = lazy(() =>
  import('./features/resettlement/MovementsPage').then((m) => ({ default: m.MovementsPage })),
);
const MovementPage = lazy(() =>
  import('./features/resettlement/MovementPage').then((m) => ({ default: m.MovementPage })),
);
const ContentListPage = lazy(() =>
  import('./features/content/ContentListPage').then((m) => ({ default: m.ContentListPage })),
);
const NewContentPage = lazy(() =>
  import('./features/content/ContentEditorPage').then((m) => ({ default: m.NewContentPage })),
);
const ContentEditorPage = lazy(() =>
  import('./features/content/ContentEditorPage').then((m) => ({ default: m.ContentEditorPage })),
);
// Public: partners open them from a link, without an account, outside the app's layout and sign-in.
const PartnerPage = lazy(() =>
  import('./features/referrals/PartnerPage').then((m) => ({ default: m.PartnerPage })),
);
const ReceptionPage = lazy(() =>
  import('./features/resettlement/ReceptionPage').then((m) => ({ default: m.ReceptionPage })),
);

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <AppNotifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

/** When the server says the session is gone, forget the user: the routes then ask to sign in again. */
function useSessionExpiry(queryClient: QueryClient) {
  const { t } = useTranslation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (!queryClient.getQueryData(meQueryKey)) return;
      notifications.show({ color: 'red', message: t('errors.sessionExpired') });
      queryClient.setQueryData(meQueryKey, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient, t]);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route
        path="/partner/:token"
        element={
          <Suspense fallback={<LoadingState />}>
            <PartnerPage />
          </Suspense>
        }
      />
      <Route
        path="/reception/:token"
        element={
          <Suspense fallback={<LoadingState />}>
            <ReceptionPage />
          </Suspense>
        }
      />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route
            path="registry"
            element={
              <RequirePermission permission="persons.read">
                <RegistryPage />
              </RequirePermission>
            }
          />
          <Route
            path="registry/duplicates"
            element={
              <RequirePermission permission="persons.merge">
                <DuplicatesPage />
              </RequirePermission>
            }
          />
          <Route
            path="registry/:id"
            element={
              <RequirePermission permission="persons.read">
                <PersonPage />
              </RequirePermission>
            }
          />
          <Route
            path="cases"
            element={
              <RequirePermission permission="cases.read">
                <CasesPage />
              </RequirePermission>
            }
          />
          <Route
            path="cases/:id"
            element={
              <RequirePermission permission="cases.read">
                <CasePage />
              </RequirePermission>
            }
          />
          <Route
            path="tasks"
            element={
              <RequirePermission permission="cases.read">
                <MyTasksPage />
              </RequirePermission>
            }
          />
          <Route
            path="referrals"
            element={
              <RequirePermission permission="referrals.read">
                <ReferralsPage />
              </RequirePermission>
            }
          />
          <Route
            path="referrals/dashboard"
            element={
              <RequirePermission permission="referrals.read">
                <ReferralDashboardPage />
              </RequirePermission>
            }
          />
          <Route
            path="referrals/:id"
            element={
              <RequirePermission permission="referrals.read">
                <ReferralPage />
              </RequirePermission>
            }
          />
          <Route
            path="projects"
            element={
              <RequirePermission permission="projects.read">
                <ProjectsPage />
              </RequirePermission>
            }
          />
          <Route
            path="projects/:id"
            element={
              <RequirePermission permission="projects.read">
                <ProjectPage />
              </RequirePermission>
            }
          />
          <Route
            path="projects/:id/reporting"
            element={
              <RequirePermission permission="reports.read">
                <ProjectReportingLayout />
              </RequirePermission>
            }
          >
            <Route index element={<ProjectDashboardTab />} />
            <Route path="framework" element={<FrameworkTab />} />
            <Route path="values" element={<ManualValuesTab />} />
            <Route path="access" element={<DonorAccessTab />} />
          </Route>
          <Route
            path="reporting"
            element={
              <RequirePermission permission="reports.read">
                <PortfolioPage />
              </RequirePermission>
            }
          />
          <Route
            path="donor"
            element={
              <RequirePermission permission="reports.shared">
                <DonorProjectsPage />
              </RequirePermission>
            }
          />
          <Route
            path="donor/projects/:id"
            element={
              <RequirePermission permission="reports.shared">
                <DonorReportPage />
              </RequirePermission>
            }
          />
          <Route
            path="employment"
            element={
              <RequirePermission permission="employment.read">
                <JobBoardPage />
              </RequirePermission>
            }
          />
          <Route
            path="employment/openings/:id"
            element={
              <RequirePermission permission="employment.read">
                <OpeningPage />
              </RequirePermission>
            }
          />
          <Route
            path="employment/employers"
            element={
              <RequirePermission permission="employment.read">
                <EmployersPage />
              </RequirePermission>
            }
          />
          <Route
            path="employment/placements"
            element={
              <RequirePermission permission="employment.read">
                <PlacementsPage />
              </RequirePermission>
            }
          />
          <Route
            path="activities"
            element={
              <RequirePermission permission="activities.read">
                <ActivitiesPage />
              </RequirePermission>
            }
          />
          <Route
            path="activities/campaigns"
            element={
              <RequirePermission permission="activities.read">
                <CampaignsPage />
              </RequirePermission>
            }
          />
          <Route
            path="resettlement"
            element={
              <RequirePermission permission="resettlement.read">
                <PipelinePage />
              </RequirePermission>
            }
          />
          <Route
            path="resettlement/funnel"
            element={
              <RequirePermission permission="resettlement.read">
                <FunnelPage />
              </RequirePermission>
            }
          />
          <Route
            path="resettlement/batches"
            element={
              <RequirePermission permission="resettlement.read">
                <BatchesPage />
              </RequirePermission>
            }
          />
          <Route
            path="resettlement/batches/:id"
            element={
              <RequirePermission permission="resettlement.read">
                <BatchPage />
              </RequirePermission>
            }
          />
          <Route
            path="resettlement/movements"
            element={
              <RequirePermission permission="resettlement.read">
                <MovementsPage />
              </RequirePermission>
            }
          />
          <Route
            path="resettlement/movements/:id"
            element={
              <RequirePermission permission="resettlement.read">
                <MovementPage />
              </RequirePermission>
            }
          />
          <Route
            path="content"
            element={
              <RequirePermission permission="content.read">
                <ContentListPage />
              </RequirePermission>
            }
          />
          <Route
            path="content/new"
            element={
              <RequirePermission permission="content.write">
                <NewContentPage />
              </RequirePermission>
            }
          />
          <Route
            path="content/:id"
            element={
              <RequirePermission permission="content.read">
                <ContentEditorPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/users"
            element={
              <RequirePermission permission="users.read">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="admin/users/:id"
            element={
              <RequirePermission permission="users.read">
                <UserDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="offices"
            element={
              <RequirePermission permission="offices.read">
                <OfficesPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route path={CHANGE_PASSWORD_PATH.slice(1)} element={<ChangePasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

function AppContent({ queryClient }: { queryClient: QueryClient }) {
  useSessionExpiry(queryClient);
  return (
    <BrowserRouter>
      <SkipLink />
      <ErrorBoundary>
        <AppRoutes />
      </ErrorBoundary>
    </BrowserRouter>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders queryClient={queryClient}>
      <AppContent queryClient={queryClient} />
    </AppProviders>
  );
}
