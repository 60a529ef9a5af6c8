import { Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src/modules/cases/contract';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useMoney } from '../../shared/money/useMoney';
import { attachmentUrl } from '../cases/api';
import type { Plan, PlanItem, ReintegrationView } from './api';
import { DeliveryModal } from './DeliveryForm';
import { dimensionLabel, serviceTypeLabel } from './labels';
import { deliverableItems, remainingOf } from './planItems';

interface DeliveriesSectionProps {
  view: ReintegrationView;
  attachments: CaseDetail['attachments'];
}

export function DeliveriesSection({ view, attachments }: DeliveriesSectionProps) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const plan = view.plan;
  const deliverable = deliverableItems(plan);
  const canRecord = view.canEdit && deliverable.length > 0;
  return (
    <Section
      id="reintegration-deliveries"
      title={t('reintegration.deliveries.title')}
      actions={
        canRecord ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setRecording(true)}
          >
            {t('reintegration.deliveries.record')}
          </Button>
        ) : null
      }
    >
      <Stack>
        {deliverable.length === 0 ? (
          <Text>{t('reintegration.deliveries.noApprovedItems')}</Text>
        ) : (
          <>
            <Title order={3} size="h4">
              {t('reintegration.deliveries.byItemTitle')}
            </Title>
            <PlannedVsDelivered items={deliverable} />
          </>
        )}
        <Title order={3} size="h4">
          {t('reintegration.deliveries.listTitle')}
        </Title>
        <DeliveryList caseId={view.caseId} plan={plan} />
      </Stack>
      {canRecord ? (
        <DeliveryModal
          view={view}
          items={deliverable}
          attachments={attachments}
          opened={recording}
          onClose={() => setRecording(false)}
        />
      ) : null}
    </Section>
  );
}

function PlannedVsDelivered({ items }: { items: PlanItem[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={t('reintegration.deliveries.byItemLabel')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reintegration.deliveries.item')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reintegration.deliveries.planned')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reintegration.deliveries.approved')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reintegration.deliveries.delivered')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reintegration.deliveries.remaining')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row">
                {serviceTypeLabel(item.serviceType, t)}
                <Text span size="xs" c="dimmed" ms={6}>
                  ({dimensionLabel(item.dimension, t)})
                </Text>
              </Table.Th>
              <Table.Td ta="right">{money.money(item.planned)}</Table.Td>
              <Table.Td ta="right">{item.approved ? money.money(item.approved) : t('common.none')}</Table.Td>
              <Table.Td ta="right">{money.money(item.delivered)}</Table.Td>
              <Table.Td ta="right">
                {money.money({
                  minor: remainingOf(item),
                  currency: item.approved?.currency ?? item.planned.currency,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeliveryList({ caseId, plan }: { caseId: string; plan: Plan | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const deliveries = [...(plan?.deliveries ?? [])].sort((a, b) => b.deliveredOn.localeCompare(a.deliveredOn));
  if (deliveries.length === 0) return <Text size="sm">{t('reintegration.deliveries.none')}</Text>;
  const itemOf = new Map((plan?.items ?? []).map((i) => [i.id, i]));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table aria-label={t('reintegration.deliveries.listLabel')} withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reintegration.deliveries.date')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.deliveries.item')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('reintegration.deliveries.amount')}
            </Table.Th>
            <Table.Th scope="col">{t('reintegration.deliveries.vendor')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.deliveries.receipt')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.deliveries.confirmedBy')}</Table.Th>
            <Table.Th scope="col">{t('reintegration.deliveries.recordedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => {
            const item = itemOf.get(delivery.planItemId);
            return (
              <Table.Tr key={delivery.id}>
                <Table.Th scope="row">{format.calendarDate(delivery.deliveredOn)}</Table.Th>
                <Table.Td>{item ? serviceTypeLabel(item.serviceType, t) : t('common.none')}</Table.Td>
                <Table.Td ta="right">{money.money(delivery.amount)}</Table.Td>
                <Table.Td>
                  <bdi>{delivery.vendor ?? t('common.none')}</bdi>
                </Table.Td>
                <Table.Td>
                  {delivery.receipt ? (
                    <Anchor
                      href={attachmentUrl(caseId, delivery.receipt.id)}
                      download={delivery.receipt.fileName}
                      size="sm"
                      aria-label={t('reintegration.deliveries.downloadReceipt', {
                        name: delivery.receipt.fileName,
                      })}
                    >
                      {delivery.receipt.fileName}
                    </Anchor>
                  ) : (
                    t('reintegration.deliveries.noReceipt')
                  )}
                </Table.Td>
                <Table.Td>
                  <bdi>{delivery.receiptConfirmedBy ?? t('common.none')}</bdi>
                </Table.Td>
                <Table.Td>
                  {t('reintegration.deliveries.recordedOn', {
                    name: delivery.recordedByName,
                    date: format.dateTime(delivery.createdAt),
                  })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
