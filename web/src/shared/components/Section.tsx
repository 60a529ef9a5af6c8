import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled region of a detail page (`<section>` named by its `h2`). */
export function Section({ id, title, actions, children }: SectionProps) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="md" gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      {children}
    </Paper>
  );
}
