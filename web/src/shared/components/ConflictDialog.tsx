import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';
import { ScrollTable } from './ScrollTable';

export interface ConflictField {
  key: string;
  label: string;
  /** The value when the user opened the record. */
  base: string;
  /** The value saved by someone else in the meantime. */
  current: string;
  /** What the user tried to save. */
  mine: string;
}

interface ConflictPanelProps {
  fields: ConflictField[];
  onReload: () => void;
  onClose: () => void;
}

/**
 * Shown on `409 version_conflict`: what changed since the record was opened, next to what the user
 * typed, so nothing is overwritten silently. Reloading adopts the current version.
 */
export function ConflictPanel({
  fields,
  onReload,
  onClose,
  withTitle = false,
}: ConflictPanelProps & { withTitle?: boolean }) {
  const { t } = useTranslation();
  const rows = fields.filter((field) => field.base !== field.current || field.mine !== field.base);
  return (
    <Stack>
      <Stack gap="xs" role={withTitle ? 'alert' : undefined}>
        {withTitle ? <Text fw={700}>{t('conflict.title')}</Text> : null}
        <Text>{t('conflict.intro')}</Text>
      </Stack>
      <ScrollTable minWidth={480} label={t('conflict.tableLabel')}>
        <Table aria-label={t('conflict.tableLabel')} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('conflict.field')}</Table.Th>
              <Table.Th scope="col">{t('conflict.whenOpened')}</Table.Th>
              <Table.Th scope="col">{t('conflict.current')}</Table.Th>
              <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((field) => (
              <Table.Tr key={field.key}>
                <Table.Th scope="row">{field.label}</Table.Th>
                <Table.Td>{field.base}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={field.base !== field.current ? 700 : undefined}>
                      {field.current}
                    </Text>
                    {field.base !== field.current ? (
                      <Badge color="red" size="sm">
                        {t('conflict.changed')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{field.mine}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('conflict.keepEditing')}
        </Button>
        <Button onClick={onReload}>{t('conflict.reload')}</Button>
      </Group>
    </Stack>
  );
}

/** The conflict panel in its own modal, for pages that are not already in a modal. */
export function ConflictDialog({ opened, ...props }: ConflictPanelProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={props.onClose} title={t('conflict.title')} size="xl">
      <ConflictPanel {...props} />
    </AppModal>
  );
}
