import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconArrowsExchange,
  IconBriefcase,
  IconBuilding,
  IconChartBar,
  IconChecklist,
  IconClipboardList,
  IconCopy,
  IconFolders,
  IconHome,
  IconListDetails,
  IconPlaneDeparture,
  IconReportAnalytics,
  IconSchool,
  IconUsers,
  IconWorldWww,
  type TablerIcon,
} from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Permission } from '../../../../src/platform/permissions';
import { useCan } from '../../features/auth/session';

interface NavEntry {
  to: string;
  labelKey:
    | 'nav.home'
    | 'nav.registry'
    | 'nav.duplicates'
    | 'nav.cases'
    | 'nav.tasks'
    | 'nav.referrals'
    | 'nav.projects'
    | 'nav.reporting'
    | 'nav.donor'
    | 'nav.employment'
    | 'nav.activities'
    | 'nav.resettlement'
    | 'nav.content'
    | 'nav.users'
    | 'nav.offices'
    | 'nav.audit';
  icon: TablerIcon;
  permission?: Permission;
  /** Shown indented, under the entry before it. */
  nested?: boolean;
}

const MAIN: NavEntry[] = [
  { to: '/', labelKey: 'nav.home', icon: IconHome },
  { to: '/registry', labelKey: 'nav.registry', icon: IconAddressBook, permission: 'persons.read' },
  {
    to: '/registry/duplicates',
    labelKey: 'nav.duplicates',
    icon: IconCopy,
    permission: 'persons.merge',
    nested: true,
  },
  { to: '/cases', labelKey: 'nav.cases', icon: IconFolders, permission: 'cases.read' },
  { to: '/tasks', labelKey: 'nav.tasks', icon: IconChecklist, permission: 'cases.read' },
  { to: '/referrals', labelKey: 'nav.referrals', icon: IconArrowsExchange, permission: 'referrals.read' },
  { to: '/projects', labelKey: 'nav.projects', icon: IconClipboardList, permission: 'projects.read' },
  { to: '/reporting', labelKey: 'nav.reporting', icon: IconChartBar, permission: 'reports.read' },
  // Donor staff: the projects granted to them, nothing else of the app.
  { to: '/donor', labelKey: 'nav.donor', icon: IconReportAnalytics, permission: 'reports.shared' },
  { to: '/employment', labelKey: 'nav.employment', icon: IconBriefcase, permission: 'employment.read' },
  { to: '/activities', labelKey: 'nav.activities', icon: IconSchool, permission: 'activities.read' },
  {
    to: '/resettlement',
    labelKey: 'nav.resettlement',
    icon: IconPlaneDeparture,
    permission: 'resettlement.read',
  },
  // The office's public site: its news, statements, project pages and publications, written here.
  { to: '/content', labelKey: 'nav.content', icon: IconWorldWww, permission: 'content.read' },
];
const ADMINISTRATION: NavEntry[] = [
  { to: '/admin/users', labelKey: 'nav.users', icon: IconUsers, permission: 'users.read' },
  { to: '/offices', labelKey: 'nav.offices', icon: IconBuilding, permission: 'offices.read' },
  { to: '/audit', labelKey: 'nav.audit', icon: IconListDetails, permission: 'audit.read' },
];

function matches(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The entry for the page: the longest that matches ("/registry/duplicates" over "/registry"). */
function activeEntry(pathname: string, entries: NavEntry[]): string | undefined {
  return entries.filter((entry) => matches(pathname, entry.to)).sort((a, b) => b.to.length - a.to.length)[0]
    ?.to;
}

function NavEntries({ entries }: { entries: NavEntry[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = activeEntry(pathname, entries);
  return entries.map(({ to, labelKey, icon: Icon, nested }) => {
    const active = to === current;
    return (
      <NavLink
        key={to}
        component={Link}
        to={to}
        label={t(labelKey)}
        leftSection={<Icon size={18} aria-hidden />}
        active={active}
        aria-current={active ? 'page' : undefined}
        pl={nested ? 'xl' : undefined}
      />
    );
  });
}

/** Only the entries the user's permissions allow. */
export function Navigation() {
  const { t } = useTranslation();
  const can = useCan();
  const adminLabelId = useId();
  const allowed = (entry: NavEntry) => !entry.permission || can(entry.permission);
  const main = MAIN.filter(allowed);
  const administration = ADMINISTRATION.filter(allowed);
  return (
    <Stack gap="xs">
      <div>
        <NavEntries entries={main} />
      </div>
      {administration.length > 0 ? (
        // biome-ignore lint/a11y/useSemanticElements: a labelled group of links; <fieldset> is for form controls.
        <div role="group" aria-labelledby={adminLabelId}>
          <Text id={adminLabelId} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={4}>
            {t('nav.administration')}
          </Text>
          <NavEntries entries={administration} />
        </div>
      ) : null}
    </Stack>
  );
}
