import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCan, useMe } from '../../features/auth/session';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LoadingState } from '../components/QueryStates';
import { MAIN_CONTENT_ID } from '../components/SkipLink';
import { CurrentOfficeProvider } from './currentOffice';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { OfficeSelector } from './OfficeSelector';
import { UserMenu } from './UserMenu';

// Only for those who follow referrals: loaded on demand, like the pages.
const NotificationsBell = lazy(() =>
  import('../../features/referrals/NotificationsBell').then((m) => ({ default: m.NotificationsBell })),
);

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 48em)') ?? false;
  // Until the password is changed, only the change-password screen is reachable.
  const restricted = me.user.mustChangePassword;

  // After each navigation: close the mobile navigation and move focus to the new page's content,
  // so keyboard and screen-reader users start there (not on the link they used).
  const previousPath = useRef(pathname);
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    close();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  }, [pathname, close]);

  return (
    <CurrentOfficeProvider memberships={me.memberships}>
      <AppShell
        header={{ height: 60 }}
        navbar={restricted ? undefined : { width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              {restricted ? null : (
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  aria-label={opened ? t('header.closeNavigation') : t('header.openNavigation')}
                  aria-expanded={opened}
                  aria-controls="main-navigation"
                />
              )}
              <Text component={Link} to="/" fw={800} size="lg" c="blue.9" td="none">
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {restricted ? null : <OfficeSelector />}
              {restricted || !can('referrals.read') ? null : (
                <Suspense fallback={null}>
                  <NotificationsBell />
                </Suspense>
              )}
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        {restricted ? null : (
          <AppShell.Navbar
            id="main-navigation"
            aria-label={t('nav.label')}
            p="sm"
            inert={isMobile && !opened ? true : undefined}
          >
            <Navigation />
          </AppShell.Navbar>
        )}
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </AppShell.Main>
      </AppShell>
    </CurrentOfficeProvider>
  );
}
