import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Office } from '../../../../src/modules/identity/contract';
import { ROLES } from '../../../../src/platform/permissions';
import type { MembershipRow } from './memberships';

export interface MembershipErrors {
  list?: string;
  rows: ({ officeId?: string; role?: string } | undefined)[];
}

type ErrorLike = { message?: string } | undefined;
type RowErrorsLike = { officeId?: ErrorLike; role?: ErrorLike } | undefined;

/** Reads react-hook-form's errors for the `memberships` array (field-level and per row). */
export function membershipErrors(errors: unknown): MembershipErrors {
  if (!errors || typeof errors !== 'object') return { rows: [] };
  const e = errors as { message?: string; root?: ErrorLike; length?: number } & Record<number, RowErrorsLike>;
  const rows: MembershipErrors['rows'] = [];
  const length = Array.isArray(errors) ? errors.length : 0;
  for (let i = 0; i < length; i++) {
    const row = e[i];
    rows[i] = row ? { officeId: row.officeId?.message, role: row.role?.message } : undefined;
  }
  return { list: e.message ?? e.root?.message, rows };
}

interface MembershipsEditorProps {
  value: MembershipRow[];
  onChange: (rows: MembershipRow[]) => void;
  offices: Office[];
  errors?: MembershipErrors;
}

/** Rows of office + role, each row its own labelled group; adding and removing keep focus sensible. */
export function MembershipsEditor({ value, onChange, offices, errors }: MembershipsEditorProps) {
  const { t } = useTranslation();
  const officeSelects = useRef<(HTMLSelectElement | null)[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfterChange = useRef<number | 'add' | null>(null);

  useEffect(() => {
    const target = focusAfterChange.current;
    focusAfterChange.current = null;
    if (target === 'add') addButton.current?.focus();
    else if (typeof target === 'number') officeSelects.current[target]?.focus();
  });

  const usedOfficeIds = new Set(value.map((row) => row.officeId));
  const officeOptions = offices
    .filter((office) => office.active || usedOfficeIds.has(office.id))
    .map((office) => ({
      value: office.id,
      label: office.active ? office.name : t('memberships.inactiveOffice', { name: office.name }),
    }));
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  const update = (index: number, patch: Partial<MembershipRow>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () => {
    focusAfterChange.current = value.length;
    onChange([...value, { officeId: '', role: '' }]);
  };
  const remove = (index: number) => {
    focusAfterChange.current = 'add';
    onChange(value.filter((_, i) => i !== index));
  };

  return (
    <Fieldset legend={t('memberships.legend')} variant="unstyled">
      <Stack gap="sm">
        {value.length === 0 ? <Text size="sm">{t('memberships.empty')}</Text> : null}
        {value.map((row, index) => {
          const rowLabel = t('memberships.row', { index: index + 1 });
          const rowErrors = errors?.rows[index];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity; their selects are fully controlled.
            <Group key={index} role="group" aria-label={rowLabel} align="flex-start" gap="sm" wrap="nowrap">
              <NativeSelect
                ref={(element) => {
                  officeSelects.current[index] = element;
                }}
                label={t('memberships.office')}
                name={`memberships.${index}.officeId`}
                value={row.officeId}
                onChange={(event) => update(index, { officeId: event.currentTarget.value })}
                error={rowErrors?.officeId}
                required
                style={{ flex: 1 }}
              >
                <option value="">{t('memberships.chooseOffice')}</option>
                {officeOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
              <NativeSelect
                label={t('memberships.role')}
                name={`memberships.${index}.role`}
                value={row.role}
                onChange={(event) =>
                  update(index, { role: event.currentTarget.value as MembershipRow['role'] })
                }
                error={rowErrors?.role}
                required
                style={{ flex: 1 }}
              >
                <option value="">{t('memberships.chooseRole')}</option>
                {roleOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </NativeSelect>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                aria-label={t('memberships.remove', { index: index + 1 })}
                onClick={() => remove(index)}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        {errors?.list ? (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {errors.list}
          </Text>
        ) : null}
        <Button
          ref={addButton}
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('memberships.add')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
