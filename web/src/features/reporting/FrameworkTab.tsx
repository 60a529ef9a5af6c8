import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { ScrollTable } from '../../shared/components/ScrollTable';
import { Section } from '../../shared/components/Section';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { type Framework, type FrameworkNode, reportingApi, useCatalogue, useRefreshReporting } from './api';
import { type IndicatorDialog, IndicatorFormModal } from './IndicatorFormModal';
import { useFigureFormat, useReportingLabels } from './labels';
import { type NodeDialog, NodeFormModal } from './NodeFormModal';
import { PeriodsSection } from './PeriodsSection';
import { useReportingContext } from './ProjectReportingPage';

/** The results framework (impact, outcomes, outputs and their indicators) and the reporting periods. */
export function FrameworkTab() {
  const { framework } = useReportingContext();
  return (
    <Stack gap="lg">
      <FrameworkSection framework={framework} />
      <PeriodsSection framework={framework} />
    </Stack>
  );
}

/** Which kinds may be added under a node: outcomes under the impact, outputs under an outcome. */
const CHILD_KIND = { impact: 'outcome', outcome: 'output', output: null } as const;

function FrameworkSection({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const manage = framework.can.manage;
  const [nodeDialog, setNodeDialog] = useState<NodeDialog | null>(null);
  const [indicatorDialog, setIndicatorDialog] = useState<IndicatorDialog | null>(null);
  const [removing, setRemoving] = useState<FrameworkNode | null>(null);
  const nodeIds = new Set(framework.nodes.map((n) => n.id));
  const roots = framework.nodes.filter((n) => !n.parentId || !nodeIds.has(n.parentId));
  const hasImpact = framework.nodes.some((n) => n.kind === 'impact');
  return (
    <Section
      id="framework"
      title={t('reporting.framework.title')}
      actions={
        manage ? (
          <>
            {hasImpact ? null : (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setNodeDialog({ mode: 'create', kind: 'impact', parent: null })}
              >
                {t('reporting.framework.addImpact')}
              </Button>
            )}
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setNodeDialog({ mode: 'create', kind: 'outcome', parent: null })}
            >
              {t('reporting.framework.addOutcome')}
            </Button>
          </>
        ) : null
      }
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {manage ? t('reporting.framework.intro') : t('reporting.framework.readOnly')}
        </Text>
        {framework.nodes.length === 0 ? (
          <Text>{t('reporting.framework.empty')}</Text>
        ) : (
          roots.map((node) => (
            <NodeBlock
              key={node.id}
              node={node}
              depth={0}
              framework={framework}
              onNode={setNodeDialog}
              onIndicator={setIndicatorDialog}
              onRemove={setRemoving}
            />
          ))
        )}
      </Stack>
      {manage ? (
        <>
          <NodeFormModal
            projectId={framework.projectId}
            dialog={nodeDialog}
            onClose={() => setNodeDialog(null)}
          />
          <IndicatorFormModal
            framework={framework}
            dialog={indicatorDialog}
            onClose={() => setIndicatorDialog(null)}
          />
          <RemoveNodeModal node={removing} onClose={() => setRemoving(null)} />
        </>
      ) : null}
    </Section>
  );
}

function NodeBlock({
  node,
  depth,
  framework,
  onNode,
  onIndicator,
  onRemove,
}: {
  node: FrameworkNode;
  depth: number;
  framework: Framework;
  onNode: (dialog: NodeDialog) => void;
  onIndicator: (dialog: IndicatorDialog) => void;
  onRemove: (node: FrameworkNode) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const lang = currentLanguage();
  const manage = framework.can.manage;
  const indicators = framework.indicators.filter((i) => i.nodeId === node.id);
  const children = framework.nodes.filter((n) => n.parentId === node.id);
  const childKind = CHILD_KIND[node.kind];
  const empty = indicators.length === 0 && children.length === 0;
  const headingId = `framework-node-${node.id}`;
  const name = `${node.code} ${node.title[lang]}`;
  return (
    <Paper
      withBorder
      p="md"
      ml={depth * 24}
      component="section"
      aria-labelledby={headingId}
      style={{ borderInlineStartWidth: 4 }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap="xs" align="center">
            <Badge variant="light" tt="none">
              {labels.nodeKind(node.kind)}
            </Badge>
            <Title order={3} size="h5" id={headingId}>
              <Text span ff="monospace" fw={700} inherit>
                {node.code}
              </Text>{' '}
              {node.title[lang]}
            </Title>
          </Group>
          {manage ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  size="compact-sm"
                  variant="default"
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                  aria-label={t('reporting.framework.nodeActions', { name })}
                >
                  {t('common.actions')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => onIndicator({ mode: 'create', nodeId: node.id })}
                >
                  {t('reporting.framework.addIndicator')}
                </Menu.Item>
                {childKind ? (
                  <Menu.Item
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => onNode({ mode: 'create', kind: childKind, parent: node })}
                  >
                    {t('reporting.framework.addChild', { kind: labels.nodeKind(childKind) })}
                  </Menu.Item>
                ) : null}
                <Menu.Item
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => onNode({ mode: 'edit', node })}
                >
                  {t('reporting.framework.editNode')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  disabled={!empty}
                  onClick={() => onRemove(node)}
                >
                  {empty ? t('reporting.framework.removeNode') : t('reporting.framework.removeNodeNotEmpty')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        {indicators.length > 0 ? (
          <IndicatorsTable framework={framework} node={node} onEdit={onIndicator} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('reporting.framework.noIndicators')}
          </Text>
        )}
        {children.map((child) => (
          <NodeBlock
            key={child.id}
            node={child}
            depth={1}
            framework={framework}
            onNode={onNode}
            onIndicator={onIndicator}
            onRemove={onRemove}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function IndicatorsTable({
  framework,
  node,
  onEdit,
}: {
  framework: Framework;
  node: FrameworkNode;
  onEdit: (dialog: IndicatorDialog) => void;
}) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const format = useFigureFormat();
  const catalogue = useCatalogue();
  const lang = currentLanguage();
  const manage = framework.can.manage;
  const indicators = framework.indicators.filter((i) => i.nodeId === node.id);
  const figure = (value: number | null, unit: string) =>
    value === null ? t('common.none') : format.figure(value, unit);
  return (
    <ScrollTable minWidth={860} label={t('reporting.framework.indicatorsOf', { code: node.code })}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reporting.framework.columns.indicator')}</Table.Th>
            <Table.Th scope="col">{t('reporting.framework.columns.source')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.framework.columns.baseline')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reporting.framework.columns.target')}
            </Table.Th>
            <Table.Th scope="col">{t('reporting.framework.columns.breakdowns')}</Table.Th>
            {manage ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((i) => {
            const definition = i.definition
              ? catalogue.data?.find((d) => d.id === i.definition?.id && d.version === i.definition.version)
              : undefined;
            return (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" fw={400}>
                  <Text span ff="monospace" fw={700} size="sm">
                    {i.code}
                  </Text>{' '}
                  {i.title[lang]}
                  <Text size="xs" c="dimmed">
                    {labels.unit(i.unit)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  {i.kind === 'computed'
                    ? t('reporting.framework.computedFrom', {
                        definition: definition?.title[lang] ?? i.definition?.id ?? '',
                      })
                    : t('reporting.framework.manualSource')}
                </Table.Td>
                <Table.Td ta="right">{figure(i.baseline, i.unit)}</Table.Td>
                <Table.Td ta="right">{figure(i.target, i.unit)}</Table.Td>
                <Table.Td>
                  {i.breakdowns.length ? i.breakdowns.map(labels.spec).join(' ; ') : t('common.none')}
                </Table.Td>
                {manage ? (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={12} aria-hidden />}
                      aria-label={t('reporting.framework.editIndicatorLabel', { code: i.code })}
                      onClick={() => onEdit({ mode: 'edit', indicator: i })}
                    >
                      {t('reporting.framework.editIndicator')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function RemoveNodeModal({ node, onClose }: { node: FrameworkNode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useReportingLabels();
  const refresh = useRefreshReporting();
  const mutation = useActionMutation({
    showError: 'inline',
    mutationFn: (id: string) => reportingApi.removeNode(id),
    successMessage: () => t('reporting.framework.nodeRemoved'),
    onSaved: () => close(),
    refresh,
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={node !== null}
      title={t('reporting.framework.removeTitle')}
      message={
        node
          ? t('reporting.framework.removeConfirm', {
              kind: labels.nodeKind(node.kind),
              code: node.code,
            })
          : ''
      }
      confirmLabel={t('reporting.framework.removeNode')}
      danger
      loading={mutation.isPending}
      error={mutation.formError ? <FormErrorAlert error={mutation.formError} /> : null}
      onConfirm={() => node && mutation.run(node.id)}
      onClose={close}
    />
  );
}
