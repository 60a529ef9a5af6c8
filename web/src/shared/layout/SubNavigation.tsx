import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

interface SubNavigationProps {
  /** The accessible name of the `<nav>`, e.g. "Emploi". */
  label: string;
  items: { to: string; label: string }[];
}

/** Links between the pages of one feature (e.g. openings, employers, placements); the current one marked. */
export function SubNavigation({ label, items }: SubNavigationProps) {
  const { pathname } = useLocation();
  // The longest matching path wins: "/employment/employers" over "/employment".
  const current = items
    .filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  return (
    <Group component="nav" aria-label={label} gap="xs" mb="lg">
      {items.map((item) => (
        <Button
          key={item.to}
          component={Link}
          to={item.to}
          size="xs"
          variant={item.to === current ? 'filled' : 'default'}
          aria-current={item.to === current ? 'page' : undefined}
        >
          {item.label}
        </Button>
      ))}
    </Group>
  );
}
