import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentItemSchema } from '../../../../src/modules/content/contract';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { conflictCurrent } from '../../shared/components/conflict';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { useCan } from '../auth/session';
import { type ContentItem, contentApi, type Revision, useStoreContent } from './api';
import { fieldLabel } from './labels';

interface RevisionsSectionProps {
  item: ContentItem;
  revisions: {
    data?: Revision[];
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  /** The editor holds unsaved changes, which a restore replaces. */
  dirty: boolean;
  /** After a restore: the editor shows the restored text. */
  onRestored: (item: ContentItem) => void;
}

/** Every saved revision, newest first: who, when, what changed, which one the site shows; restoring one. */
export function RevisionsSection({ item, revisions, dirty, onRestored }: RevisionsSectionProps) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const store = useStoreContent();
  const [restoring, setRestoring] = useState<Revision | null>(null);
  const restore = useActionMutation<Revision, ContentItem>({
    showError: 'inline',
    mutationFn: (revision) => contentApi.restore(item.id, revision.number, item.version),
    successMessage: (saved, revision) =>
      t('content.revisions.restored', { number: revision.number, revision: saved.revision }),
    onSaved: (saved) => {
      store(saved);
      onRestored(saved);
      setRestoring(null);
    },
    onError: (error) => {
      const current = conflictCurrent(error, ContentItemSchema);
      if (current) store(current);
    },
  });
  const canRestore = can('content.write');
  const rows = [...(revisions.data ?? [])].sort((a, b) => b.number - a.number);

  return (
    <Section id="content-revisions" title={t('content.revisions.title')}>
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.isError ? (
        <QueryError error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : (
        <ScrollTable minWidth={720} label={t('content.revisions.tableLabel')}>
          <Table aria-label={t('content.revisions.tableLabel')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('content.revisions.number')}</Table.Th>
                <Table.Th scope="col">{t('content.revisions.author')}</Table.Th>
                <Table.Th scope="col">{t('content.revisions.time')}</Table.Th>
                <Table.Th scope="col">{t('content.revisions.changed')}</Table.Th>
                <Table.Th scope="col">{t('content.revisions.state')}</Table.Th>
                {canRestore ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((revision) => {
                const working = revision.number === item.revision;
                return (
                  <Table.Tr key={revision.number}>
                    <Table.Th scope="row">{format.number(revision.number)}</Table.Th>
                    <Table.Td>
                      <bdi>{revision.author.name}</bdi>
                    </Table.Td>
                    <Table.Td>{format.dateTime(revision.createdAt)}</Table.Td>
                    <Table.Td>
                      {revision.changed.length === 0
                        ? t('common.none')
                        : format.list(revision.changed.map((path) => fieldLabel(path, t)))}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {revision.published ? (
                          <Badge color="green" variant="light" tt="none">
                            {t('content.revisions.published')}
                          </Badge>
                        ) : null}
                        {working ? (
                          <Badge color="blue" variant="light" tt="none">
                            {t('content.revisions.working')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    {canRestore ? (
                      <Table.Td>
                        {working ? null : (
                          <Button
                            size="compact-xs"
                            variant="light"
                            aria-label={t('content.revisions.restoreLabel', { number: revision.number })}
                            onClick={() => setRestoring(revision)}
                          >
                            {t('content.revisions.restore')}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <ConfirmModal
        opened={restoring !== null}
        title={t('content.revisions.restoreTitle', { number: restoring?.number ?? 0 })}
        message={
          <>
            {t('content.revisions.restoreMessage', {
              number: restoring?.number ?? 0,
              next: item.revision + 1,
            })}
            {dirty ? ` ${t('content.revisions.restoreUnsaved')}` : ''}
          </>
        }
        confirmLabel={t('content.revisions.restore')}
        loading={restore.isPending}
        error={<FormErrorAlert error={restore.formError} />}
        onConfirm={() => restoring && restore.run(restoring)}
        onClose={() => {
          restore.reset();
          setRestoring(null);
        }}
      />
      {revisions.data && revisions.data.length > 0 ? (
        <Text size="xs" c="dimmed" mt="sm">
          {t('content.revisions.hint')}
        </Text>
      ) : null}
    </Section>
  );
}
