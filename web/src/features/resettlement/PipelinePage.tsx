import { Anchor, Badge, Checkbox, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Project } from '../../../../src/modules/projects/contract';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { useFormat } from '../../shared/format/useFormat';
import { statusLabel } from '../cases/labels';
import { useBatches, usePipeline } from './api';
import { BlockerItems } from './BlockerList';
import { nextStepLabel, STAGES } from './labels';
import { ResettlementFrame } from './ResettlementFrame';

/** A project's households at their stage: who they are, what comes next, and what blocks them. */
export function PipelinePage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState('');
  const [batchId, setBatchId] = useState('');
  const [blocked, setBlocked] = useState(false);
  return (
    <ResettlementFrame title={t('resettlement.pipeline.title')} intro={t('resettlement.pipeline.intro')}>
      {(project) => (
        <Pipeline
          project={project}
          stage={stage}
          setStage={setStage}
          batchId={batchId}
          setBatchId={setBatchId}
          blocked={blocked}
          setBlocked={setBlocked}
        />
      )}
    </ResettlementFrame>
  );
}

interface PipelineProps {
  project: Project;
  stage: string;
  setStage: (v: string) => void;
  batchId: string;
  setBatchId: (v: string) => void;
  blocked: boolean;
  setBlocked: (v: boolean) => void;
}

function Pipeline({ project, stage, setStage, batchId, setBatchId, blocked, setBlocked }: PipelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const pipeline = usePipeline(project.id, blocked);
  const batches = useBatches(project.id);
  const batch = batches.data?.find((b) => b.id === batchId);
  const items = (pipeline.data?.items ?? []).filter(
    (item) =>
      (!stage || item.status === stage) && (!batch || batch.households.some((h) => h.caseId === item.caseId)),
  );
  return (
    <>
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={t('resettlement.pipeline.stage')}
          value={stage}
          onChange={(event) => setStage(event.currentTarget.value)}
          data={[
            { value: '', label: t('resettlement.pipeline.allStages') },
            ...STAGES.map((s) => ({ value: s, label: statusLabel(s, t) })),
          ]}
        />
        <NativeSelect
          label={t('resettlement.pipeline.batch')}
          value={batchId}
          onChange={(event) => setBatchId(event.currentTarget.value)}
          data={[
            { value: '', label: t('resettlement.pipeline.allBatches') },
            ...(batches.data ?? []).map((b) => ({ value: b.id, label: `${b.reference} – ${b.label}` })),
          ]}
        />
        <Checkbox
          label={t('resettlement.pipeline.blockedOnly')}
          checked={blocked}
          onChange={(event) => setBlocked(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {pipeline.isPending ? (
        <LoadingState />
      ) : pipeline.isError ? (
        <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('resettlement.pipeline.empty')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('resettlement.pipeline.count', { count: items.length, shown: format.number(items.length) })}
          </Text>
          <ScrollTable minWidth={960} label={t('resettlement.pipeline.tableLabel')}>
            <Table aria-label={t('resettlement.pipeline.tableLabel')} withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('resettlement.pipeline.household')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.pipeline.principal')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('resettlement.pipeline.members')}
                  </Table.Th>
                  <Table.Th scope="col">{t('resettlement.pipeline.stage')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.pipeline.nextStep')}</Table.Th>
                  <Table.Th scope="col">{t('resettlement.pipeline.blockers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.caseId}>
                    <Table.Th scope="row">
                      <Anchor
                        component={Link}
                        to={`/cases/${item.caseId}?tab=resettlement`}
                        size="sm"
                        fw={600}
                      >
                        {item.caseReference}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <bdi>{item.principalName}</bdi>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(item.members)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {statusLabel(item.status, t)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{nextStepLabel(item.status, t)}</Table.Td>
                    <Table.Td>
                      {item.blockers.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('resettlement.pipeline.noBlocker')}
                        </Text>
                      ) : (
                        <BlockerItems blockers={item.blockers} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </>
  );
}
