import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartFigureProps {
  /** The chart's title, also its accessible name. */
  title: string;
  /** A sentence under the title (what is drawn, what is left out). */
  note?: string;
  /** The chart itself (drawn for the eyes only: its figures are in `table`). */
  chart: ReactNode;
  /** The same figures as a table: what a screen reader, a keyboard or a printout reads. */
  table: ReactNode;
  /** The table shown under the chart, or behind a button (charts repeated down a page). */
  tableMode?: 'visible' | 'toggle';
}

/**
 * A chart and the table of its figures. The chart is an image named by the figure's title and described as
 * drawn from the table; the table is the accessible version (a suppressed cell reads "hidden", never 0).
 */
export function ChartFigure({ title, note, chart, table, tableMode = 'visible' }: ChartFigureProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const describedId = useId();
  const tableId = useId();
  const [open, setOpen] = useState(tableMode === 'visible');
  return (
    <Box component="figure" m={0} aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text id={titleId} fw={600} size="sm">
            {title}
          </Text>
          {tableMode === 'toggle' ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconTable size={14} aria-hidden />}
              aria-expanded={open}
              aria-controls={tableId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t('reporting.chart.hideTable') : t('reporting.chart.showTable')}
            </Button>
          ) : null}
        </Group>
        <div role="img" aria-label={t('reporting.chart.label', { title })} aria-describedby={describedId}>
          {chart}
        </div>
        <Text id={describedId} size="xs" c="dimmed">
          {note ? `${note} ` : ''}
          {tableMode === 'toggle' ? t('reporting.chart.tableBehindButton') : t('reporting.chart.tableBelow')}
        </Text>
        <div id={tableId} hidden={!open}>
          {open ? table : null}
        </div>
      </Stack>
    </Box>
  );
}
