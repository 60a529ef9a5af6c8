import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

interface SubNavigationProps {
  /** The accessible name of the `<nav>`, e.g. "Emploi". */
  label: string;
  /** `match`: the path the item stands for, when `to` carries a query (the page's filters). */
  items: { to: string; label: string; match?: string }[];
}

/** Links between the pages of one feature (e.g. openings, employers, placements); the current one marked. */
export function SubNavigation({ label, items }: SubNavigationProps) {
  const { pathname } = useLocation();
  // The longest matching path wins: "/employment/employers" over "/employment".
  const pathOf = (item: SubNavigationProps['items'][number]) => item.match ?? item.to;
  const current = items
    .filter((item) => pathname === pathOf(item) || pathname.startsWith(`${pathOf(item)}/`))
    .sort((a, b) => pathOf(b).length - pathOf(a).length)[0];
  return (
    <Group component="nav" aria-label={label} gap="xs" mb="lg">
      {items.map((item) => (
        <Button
          key={item.to}
          component={Link}
          to={item.to}
          size="xs"
          variant={item === current ? 'filled' : 'default'}
          aria-current={item === current ? 'page' : undefined}
        >
          {item.label}
        </Button>
      ))}
    </Group>
  );
}
