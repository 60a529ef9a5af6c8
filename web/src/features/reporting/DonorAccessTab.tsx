import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import { reportingApi, reportingKeys, useViewers, type Viewers } from './api';
import { useReportingContext } from './ProjectReportingPage';

/** Donor staff accounts that read this project's suppressed figures: granted and revoked by the manager. */
export function DonorAccessTab() {
  const { t } = useTranslation();
  const { projectId, framework } = useReportingContext();
  const viewers = useViewers(projectId, { enabled: framework.can.manage });
  if (!framework.can.manage) return <Text>{t('errors.forbidden')}</Text>;
  return (
    <Section id="donor-access" title={t('reporting.access.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('reporting.access.intro')}
        </Text>
        {viewers.isPending ? (
          <LoadingState />
        ) : viewers.isError ? (
          <QueryError error={viewers.error} onRetry={() => void viewers.refetch()} />
        ) : (
          <ViewersView projectId={projectId} viewers={viewers.data} />
        )}
      </Stack>
    </Section>
  );
}

function ViewersView({ projectId, viewers }: { projectId: string; viewers: Viewers }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [candidate, setCandidate] = useState('');
  const [missing, setMissing] = useState(false);
  const [revoking, setRevoking] = useState<Viewers['viewers'][number] | null>(null);
  const store = (next: Viewers) => queryClient.setQueryData(reportingKeys.viewers(projectId), next);
  const grant = useFormMutation({
    mutationFn: (userId: string) => reportingApi.grantViewer(projectId, userId),
    successMessage: (_next, userId) =>
      t('reporting.access.granted', {
        name: viewers.candidates.find((c) => c.userId === userId)?.displayName ?? '',
      }),
    onSaved: (next) => {
      store(next);
      setCandidate('');
    },
  });
  const revoke = useActionMutation({
    showError: 'inline',
    mutationFn: (userId: string) => reportingApi.revokeViewer(projectId, userId),
    successMessage: () => t('reporting.access.revoked', { name: revoking?.displayName ?? '' }),
    onSaved: () => {
      setRevoking(null);
      revoke.reset();
    },
    refresh: () => queryClient.invalidateQueries({ queryKey: reportingKeys.viewers(projectId) }),
  });
  return (
    <Stack gap="md">
      {viewers.viewers.length === 0 ? (
        <Text>{t('reporting.access.none')}</Text>
      ) : (
        <ScrollTable minWidth={600} label={t('reporting.access.tableLabel')}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.access.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('reporting.access.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('reporting.access.columns.since')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {viewers.viewers.map((v) => (
                <Table.Tr key={v.userId}>
                  <Table.Th scope="row" fw={400}>
                    {v.displayName}
                  </Table.Th>
                  <Table.Td>{v.email}</Table.Td>
                  <Table.Td>{format.dateTime(v.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="outline"
                      color="red"
                      leftSection={<IconUserMinus size={12} aria-hidden />}
                      aria-label={t('reporting.access.revokeLabel', { name: v.displayName })}
                      onClick={() => setRevoking(v)}
                    >
                      {t('reporting.access.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {viewers.candidates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reporting.access.noCandidates')}
        </Text>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!candidate) return setMissing(true);
            grant.submit(candidate);
          }}
        >
          <Stack gap="xs">
            <FormErrorAlert error={grant.formError} />
            <Group align="flex-end">
              <NativeSelect
                label={t('reporting.access.candidate')}
                description={t('reporting.access.candidateHint')}
                required
                value={candidate}
                error={missing ? t('validation.required') : undefined}
                onChange={(e) => {
                  setCandidate(e.currentTarget.value);
                  setMissing(false);
                }}
                data={[
                  { value: '', label: t('common.choose') },
                  ...viewers.candidates.map((c) => ({
                    value: c.userId,
                    label: `${c.displayName} (${c.email})`,
                  })),
                ]}
              />
              <Button
                type="submit"
                loading={grant.isPending}
                leftSection={<IconUserPlus size={16} aria-hidden />}
              >
                {t('reporting.access.grant')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('reporting.access.revokeTitle')}
        message={revoking ? t('reporting.access.revokeConfirm', { name: revoking.displayName }) : ''}
        confirmLabel={t('reporting.access.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.formError ? <FormErrorAlert error={revoke.formError} /> : null}
        onConfirm={() => revoking && revoke.run(revoking.userId)}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
      />
    </Stack>
  );
}
