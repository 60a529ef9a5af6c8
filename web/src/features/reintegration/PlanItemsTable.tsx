import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation } from '../../shared/forms/useFormMutation';
import { useMoney } from '../../shared/money/useMoney';
import {
  type Plan,
  type PlanItem,
  type ReintegrationView,
  reintegrationApi,
  useReintegrationError,
  useStoreReintegration,
} from './api';
import { deliveryModeLabel, dimensionLabel, providerLabel, serviceTypeLabel } from './labels';
import { PlanItemModal } from './PlanItemForm';

/** What an item's row says about it besides its fields: removed, changed since approval, new. */
function ItemState({ item, plan }: { item: PlanItem; plan: Plan }) {
  const { t } = useTranslation();
  if (item.removed)
    return (
      <Badge color="gray" variant="light" tt="none" mt={4}>
        {t('reintegration.plan.removed')}
      </Badge>
    );
  // A sentence, not a badge: it must not be cut short.
  if (item.changedSinceApproval)
    return (
      <Text size="xs" fw={600} c="orange.9" mt={4}>
        {t('reintegration.plan.changed')}
      </Text>
    );
  if (item.approved)
    return (
      <Badge color="green" variant="light" tt="none" mt={4}>
        {t('reintegration.plan.itemApproved')}
      </Badge>
    );
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {plan.approvedVersion === null
        ? t('reintegration.plan.notApprovedYet')
        : t('reintegration.plan.newItem')}
    </Text>
  );
}

export function PlanItemsTable({
  view,
  plan,
  editable,
}: {
  view: ReintegrationView;
  plan: Plan;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const [editing, setEditing] = useState<PlanItem | null>(null);
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  // Removed items stay listed (struck through) when they were approved or delivered.
  const items = [...plan.items].sort((a, b) => Number(a.removed) - Number(b.removed));
  if (items.length === 0) return <Text>{t('reintegration.plan.noItems')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={880}>
        <Table aria-label={t('reintegration.plan.itemsLabel')} withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reintegration.plan.columns.service')}</Table.Th>
              <Table.Th scope="col">{t('reintegration.plan.columns.dimension')}</Table.Th>
              <Table.Th scope="col">{t('reintegration.plan.columns.provider')}</Table.Th>
              <Table.Th scope="col">{t('reintegration.plan.columns.mode')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reintegration.plan.columns.planned')}
              </Table.Th>
              <Table.Th scope="col">{t('reintegration.plan.columns.budgetLine')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reintegration.plan.columns.approved')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('reintegration.plan.columns.delivered')}
              </Table.Th>
              {editable ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const service = serviceTypeLabel(item.serviceType, t);
              const struck = item.removed ? 'line-through' : undefined;
              return (
                <Table.Tr key={item.id} c={item.removed ? 'dimmed' : undefined}>
                  <Table.Th scope="row">
                    <Text size="sm" fw={600} td={struck}>
                      {service}
                    </Text>
                    {item.description ? (
                      <Text size="xs" c="dimmed" dir="auto">
                        {item.description}
                      </Text>
                    ) : null}
                    <ItemState item={item} plan={plan} />
                  </Table.Th>
                  <Table.Td>{dimensionLabel(item.dimension, t)}</Table.Td>
                  <Table.Td>
                    <bdi>{providerLabel(item, t)}</bdi>
                  </Table.Td>
                  <Table.Td>{deliveryModeLabel(item.deliveryMode, t)}</Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" td={struck} style={{ whiteSpace: 'nowrap' }}>
                      {money.money(item.planned)}
                    </Text>
                    {item.plannedDate ? (
                      <Text size="xs" c="dimmed">
                        {t('reintegration.plan.plannedOn', { date: format.calendarDate(item.plannedDate) })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{item.budgetLineCode ?? t('common.none')}</Table.Td>
                  <Table.Td ta="right">
                    {item.approved ? money.money(item.approved) : t('common.none')}
                  </Table.Td>
                  <Table.Td ta="right">{money.money(item.delivered)}</Table.Td>
                  {editable ? (
                    <Table.Td>
                      {item.removed ? null : (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="light"
                            aria-label={t('reintegration.plan.editItemLabel', { service })}
                            onClick={() => setEditing(item)}
                          >
                            {t('reintegration.plan.editItem')}
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('reintegration.plan.removeItemLabel', { service })}
                            onClick={() => setRemoving(item)}
                          >
                            {t('reintegration.plan.removeItem')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable ? (
        <>
          <PlanItemModal
            view={view}
            item={editing}
            opened={editing !== null}
            onClose={() => setEditing(null)}
          />
          <RemoveItem view={view} plan={plan} item={removing} onClose={() => setRemoving(null)} />
        </>
      ) : null}
    </>
  );
}

function RemoveItem({
  view,
  plan,
  item,
  onClose,
}: {
  view: ReintegrationView;
  plan: Plan;
  item: PlanItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const store = useStoreReintegration();
  const onStale = useReintegrationError(view.caseId);
  const mutation = useActionMutation({
    showError: 'inline',
    mutationFn: (target: PlanItem) => reintegrationApi.removeItem(target.id, plan.version),
    successMessage: () => t('reintegration.plan.removedDone'),
    onSaved: (next) => {
      store(next);
      close();
    },
    recover: (error) => {
      const handled = onStale(error);
      if (handled) close();
      return handled;
    },
  });
  const close = () => {
    mutation.reset();
    onClose();
  };
  const service = item ? serviceTypeLabel(item.serviceType, t) : '';
  return (
    <ConfirmModal
      opened={item !== null}
      title={t('reintegration.plan.removeTitle')}
      message={t('reintegration.plan.removeConfirm', { service })}
      confirmLabel={t('reintegration.plan.removeItem')}
      danger
      loading={mutation.isPending}
      error={mutation.formError ? <FormErrorAlert error={mutation.formError} /> : null}
      onConfirm={() => item && mutation.run(item)}
      onClose={close}
    />
  );
}
