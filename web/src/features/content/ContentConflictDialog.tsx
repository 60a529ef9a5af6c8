import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { ScrollTable } from '../../shared/components/ScrollTable';
import type { ContentItem, CreateContent } from './api';
import { fieldLabel } from './labels';
import { useShowValue } from './useShowValue';

export interface ContentConflict {
  /** The item as the other person saved it. */
  current: ContentItem;
  /** Its fields, as a body. */
  theirs: CreateContent;
  /** What the user tried to save. */
  mine: CreateContent;
  /** What the user's edits were based on. */
  base: CreateContent;
  /** The fields the other person changed (`translations.fr.title`...). */
  changed: string[];
  /** The fields the user changed. */
  edited: string[];
}

interface ContentConflictDialogProps {
  conflict: ContentConflict | null;
  /** Whether the user's version is being saved over the other's. */
  saving: boolean;
  /** Takes the other person's version (the user's edits are dropped). */
  onReload: () => void;
  /** Saves the user's version over the other's, now that they have seen what it replaces. */
  onOverwrite: () => void;
  onClose: () => void;
}

/**
 * Shown on `409 version_conflict`: who changed what since the item was opened, next to what the user typed.
 * The user then takes the other version, or saves theirs over it knowingly; nothing is overwritten silently.
 */
export function ContentConflictDialog({
  conflict,
  saving,
  onReload,
  onOverwrite,
  onClose,
}: ContentConflictDialogProps) {
  const { t } = useTranslation();
  const show = useShowValue(conflict?.current ?? null);
  const paths = conflict ? [...new Set([...conflict.changed, ...conflict.edited])] : [];
  return (
    <AppModal opened={conflict !== null} onClose={onClose} title={t('content.conflict.title')} size="xl">
      {conflict ? (
        <Stack>
          <Text>
            {t('content.conflict.intro', {
              name: conflict.current.updatedBy.name,
              revision: conflict.current.revision,
            })}
          </Text>
          <ScrollTable minWidth={640} label={t('conflict.tableLabel')}>
            <Table aria-label={t('conflict.tableLabel')} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('conflict.field')}</Table.Th>
                  <Table.Th scope="col">{t('conflict.whenOpened')}</Table.Th>
                  <Table.Th scope="col">
                    {t('content.conflict.theirs', { name: conflict.current.updatedBy.name })}
                  </Table.Th>
                  <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {paths.map((path) => {
                  const theirs = conflict.changed.includes(path);
                  return (
                    <Table.Tr key={path}>
                      <Table.Th scope="row">{fieldLabel(path, t)}</Table.Th>
                      <Table.Td>{show(conflict.base, path)}</Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <Text size="sm" fw={theirs ? 700 : undefined}>
                            {show(conflict.theirs, path)}
                          </Text>
                          {theirs ? (
                            <Badge color="red" size="sm">
                              {t('conflict.changed')}
                            </Badge>
                          ) : null}
                        </Stack>
                      </Table.Td>
                      <Table.Td>{show(conflict.mine, path)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Text size="sm">{t('content.conflict.choice')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('conflict.keepEditing')}
            </Button>
            <Button variant="light" onClick={onReload}>
              {t('content.conflict.reload')}
            </Button>
            <Button color="red" loading={saving} onClick={onOverwrite}>
              {t('content.conflict.overwrite')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </AppModal>
  );
}
