import { Button, Group, Stack } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SetMembershipsSchema, type User, UserSchema } from '../../../../src/modules/identity/contract';
import { ConflictDialog, type ConflictField } from '../../shared/components/ConflictDialog';
import { conflictCurrent } from '../../shared/components/conflict';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import { useOffices } from '../offices/api';
import { setMemberships } from './api';
import { MembershipsEditor, membershipErrors } from './MembershipsEditor';
import {
  type MembershipRow,
  membershipsSignature,
  refineNoDuplicateMemberships,
  rowsFromUser,
} from './memberships';
import { useStoreUser } from './useStoreUser';

type MembershipsValues = { memberships: MembershipRow[] };
const MembershipsFormSchema = SetMembershipsSchema.superRefine((value, ctx) =>
  refineNoDuplicateMemberships(value.memberships, ctx),
);
type SetMemberships = z.output<typeof MembershipsFormSchema>;

const isField = (path: string) => path === 'memberships' || path.startsWith('memberships.');

export function UserMembershipsForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const storeUser = useStoreUser();
  const offices = useOffices();
  const [base, setBase] = useState(user);
  const [conflict, setConflict] = useState<{ current: User; mine: MembershipRow[] } | null>(null);

  const resolver = useMemo(
    () =>
      localizedZodResolver<MembershipsValues, SetMemberships>(MembershipsFormSchema, t, (values) => ({
        version: base.version,
        memberships: values.memberships,
      })),
    [t, base.version],
  );
  const {
    control,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = useForm<MembershipsValues, unknown, SetMemberships>({
    resolver,
    defaultValues: { memberships: rowsFromUser(user) },
  });
  useEffect(() => {
    if (user.version === base.version) return;
    if (!isDirty) {
      setBase(user);
      reset({ memberships: rowsFromUser(user) });
    } else if (membershipsSignature(user.memberships) === membershipsSignature(base.memberships)) {
      setBase(user);
    }
  }, [user, base, isDirty, reset]);

  const { formError, submit, isPending } = useFormMutation({
    setError,
    isField,
    mutationFn: (body: SetMemberships) => setMemberships(user.id, body),
    // A change that needs a second administrator is not applied yet: the account shows it as pending.
    successMessage: (saved) =>
      saved.pendingMembershipChange ? t('users.approvals.sent') : t('users.detail.membershipsSaved'),
    onSaved: (saved) => {
      setBase(saved);
      reset({ memberships: rowsFromUser(saved) });
      storeUser(saved);
    },
    recover: (error) => {
      const current = conflictCurrent(error, UserSchema);
      if (current) setConflict({ current, mine: getValues('memberships') });
      return current !== null;
    },
  });

  const officeName = (id: string) =>
    offices.data?.find((o) => o.id === id)?.name ??
    base.memberships.find((m) => m.officeId === id)?.officeName ??
    id;
  const describe = (rows: readonly MembershipRow[]) =>
    rows.length === 0
      ? t('common.none')
      : rows
          .map((r) =>
            t('home.membership', {
              office: r.officeId ? officeName(r.officeId) : t('memberships.chooseOffice'),
              role: r.role ? t(`roles.${r.role}`) : t('memberships.chooseRole'),
            }),
          )
          .join(' ; ');
  const conflictFields = (c: { current: User; mine: MembershipRow[] }): ConflictField[] => [
    {
      key: 'memberships',
      label: t('users.detail.membershipsTitle'),
      base: describe(base.memberships),
      current: describe(c.current.memberships),
      mine: describe(c.mine),
    },
  ];

  if (offices.isPending) return <LoadingState />;
  if (offices.isError) return <QueryError error={offices.error} onRetry={() => void offices.refetch()} />;

  return (
    <>
      <form noValidate onSubmit={handleSubmit(submit)}>
        <Stack>
          <FormErrorAlert error={formError} />
          <Controller
            control={control}
            name="memberships"
            render={({ field }) => (
              <MembershipsEditor
                value={field.value}
                onChange={field.onChange}
                offices={offices.data}
                errors={membershipErrors(errors.memberships)}
              />
            )}
          />
          <Group>
            <Button type="submit" loading={isPending} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConflictDialog
        opened={conflict !== null}
        fields={conflict ? conflictFields(conflict) : []}
        onClose={() => setConflict(null)}
        onReload={() => {
          if (!conflict) return;
          setBase(conflict.current);
          reset({ memberships: rowsFromUser(conflict.current) });
          storeUser(conflict.current);
          setConflict(null);
        }}
      />
    </>
  );
}
