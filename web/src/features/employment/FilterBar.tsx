import { Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** A row of list filters that apply as they change, in a named search landmark (Enter reloads nothing). */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group
      align="flex-end"
      component="form"
      role="search"
      aria-label={label}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </Group>
  );
}
