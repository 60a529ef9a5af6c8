import { ActionIcon, Button, Fieldset, Group, type MantineSpacing, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface RepeatingRowsProps {
  legend: string;
  /** Shown above the add button while there are no rows. */
  emptyText: string;
  /** One entry a row, with a stable key (react-hook-form's `useFieldArray` fields). */
  rows: readonly { id: string }[];
  /** The accessible name of the row at `index` (from 0). */
  rowLabel: (index: number) => string;
  /** The accessible name of the remove button of the row at `index` (from 0). */
  removeLabel: (index: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  /** The space between the inputs of a row. */
  gap: MantineSpacing;
  /** The inputs of the row at `index`. */
  renderRow: (index: number) => ReactNode;
  /** Shown below the add button (e.g. running totals). */
  children?: ReactNode;
}

/** A fieldset of repeated input rows, each a labelled group with its own remove button, and an add button. */
export function RepeatingRows({
  legend,
  emptyText,
  rows,
  rowLabel,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
  gap,
  renderRow,
  children,
}: RepeatingRowsProps) {
  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap="sm">
        {rows.length === 0 ? <Text size="sm">{emptyText}</Text> : null}
        {rows.map((row, index) => (
          <Group
            key={row.id}
            role="group"
            aria-label={rowLabel(index)}
            align="flex-start"
            gap={gap}
            wrap="nowrap"
          >
            {renderRow(index)}
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={removeLabel(index)}
              onClick={() => onRemove(index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={onAdd}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
        {children}
      </Stack>
    </Fieldset>
  );
}
