import { Box, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

export interface DescriptionItem {
  term: string;
  description: ReactNode;
}

/** A `<dl>` of term/description pairs, laid out as two columns. */
export function DescriptionList({ items, label }: { items: DescriptionItem[]; label?: string }) {
  return (
    <Box
      component="dl"
      aria-label={label}
      m={0}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', gap: '0.4rem 1.25rem' }}
    >
      {items.map((item) => (
        <Fragment key={item.term}>
          <Text component="dt" fw={600} size="sm">
            {item.term}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {item.description}
          </Text>
        </Fragment>
      ))}
    </Box>
  );
}
