import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ReceptionLinkInputSchema } from '../../../../src/modules/resettlement/contract';
import { AppModal } from '../../shared/components/AppModal';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { type LinkState, LinkStateBadge } from '../../shared/components/LinkStateBadge';
import { ModalForm } from '../../shared/components/ModalForm';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import { localizedZodResolver } from '../../shared/forms/zodResolver';
import {
  type HouseholdView,
  type IssuedReceptionLink,
  type ReceptionLink,
  receptionLinkApi,
  resettlementKeys,
  useStoreHousehold,
} from './api';
import {
  emptyReceptionLink,
  RECEPTION_LINK_FIELDS,
  ReceptionLinkFields,
  ReceptionLinkModal,
  type ReceptionLinkValues,
} from './ReceptionLinkFields';

type LinkOutput = z.output<typeof ReceptionLinkInputSchema>;

/** Once booked, the partner can see the flight: links are issued from the booking on (the server's rule). */
export function receptionLinkPossible(household: HouseholdView): boolean {
  return (
    household.status !== 'withdrawn' &&
    (household.booking !== null || Boolean(household.milestones.departedOn))
  );
}

/** The household's live link, if any (one at a time: a new one revokes it). */
export const liveReceptionLink = (household: HouseholdView): ReceptionLink | null =>
  household.receptionLinks.find((l) => l.status === 'live') ?? null;

const STATE: Record<ReceptionLink['status'], LinkState> = {
  live: 'active',
  expired: 'expired',
  revoked: 'revoked',
};

/**
 * The reception partner's links on the household tab, newest first: each with its state, last visit and the
 * partner's confirmation. Issuing one (its path shown once) and revoking one need resettlement.write.
 */
export function ReceptionSection({ household, canWrite }: { household: HouseholdView; canWrite: boolean }) {
  const { t } = useTranslation();
  const store = useStoreHousehold();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedReceptionLink | null>(null);
  const [revoking, setRevoking] = useState<ReceptionLink | null>(null);
  const mayIssue = canWrite && receptionLinkPossible(household);
  const live = liveReceptionLink(household);
  const revoke = useActionMutation<ReceptionLink, HouseholdView>({
    showError: 'inline',
    mutationFn: (link) => receptionLinkApi.revoke(household.caseId, link.id),
    successMessage: () => t('resettlement.receptionLinks.revoked'),
    onSaved: (saved) => {
      store(saved);
      setRevoking(null);
    },
  });
  return (
    <Section
      id="rst-reception"
      title={t('resettlement.receptionLinks.title')}
      actions={
        mayIssue ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconLink size={14} aria-hidden />}
            onClick={() => setIssuing(true)}
          >
            {live ? t('resettlement.receptionLinks.issueNew') : t('resettlement.receptionLinks.issue')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('resettlement.receptionLinks.intro')}
        </Text>
        {household.receptionLinks.length === 0 ? (
          <Text size="sm">{t('resettlement.receptionLinks.none')}</Text>
        ) : (
          household.receptionLinks.map((link) => (
            <LinkCard
              key={link.id}
              link={link}
              onRevoke={canWrite && link.status === 'live' ? () => setRevoking(link) : undefined}
            />
          ))
        )}
      </Stack>
      {canWrite ? (
        <>
          <AppModal
            opened={issuing}
            onClose={() => setIssuing(false)}
            title={t('resettlement.receptionLinks.issueTitle', { reference: household.caseReference })}
          >
            {issuing ? (
              <IssueLinkForm
                household={household}
                live={live}
                onCancel={() => setIssuing(false)}
                onIssued={(result) => {
                  setIssuing(false);
                  setIssued(result);
                }}
              />
            ) : null}
          </AppModal>
          <ConfirmModal
            opened={revoking !== null}
            title={t('resettlement.receptionLinks.revoke')}
            message={t('resettlement.receptionLinks.revokeConfirm', { partner: revoking?.partnerName ?? '' })}
            confirmLabel={t('resettlement.receptionLinks.revoke')}
            danger
            loading={revoke.isPending}
            error={revoke.formError ? <FormErrorAlert error={revoke.formError} /> : null}
            onConfirm={() => {
              if (revoking) revoke.run(revoking);
            }}
            onClose={() => {
              setRevoking(null);
              revoke.reset();
            }}
          />
          <ReceptionLinkModal issued={issued} onClose={() => setIssued(null)} />
        </>
      ) : null}
    </Section>
  );
}

/** One link: to whom and where, its state, when it was last opened, and the partner's confirmation. */
function LinkCard({ link, onRevoke }: { link: ReceptionLink; onRevoke: (() => void) | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `rst-reception-${link.id}`;
  const c = link.confirmation;
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Group gap="sm">
          <Title order={3} size="h5" id={headingId}>
            {t('resettlement.receptionLinks.linkHeading', {
              partner: link.partnerName,
              place: link.receptionPlace,
            })}
          </Title>
          <LinkStateBadge state={STATE[link.status]} />
        </Group>
        {onRevoke ? (
          <Button
            size="xs"
            variant="outline"
            color="red"
            leftSection={<IconLinkOff size={14} aria-hidden />}
            aria-label={t('resettlement.receptionLinks.revokeLabel', { partner: link.partnerName })}
            onClick={onRevoke}
          >
            {t('resettlement.receptionLinks.revoke')}
          </Button>
        ) : null}
      </Group>
      <DescriptionList
        items={[
          { term: t('resettlement.receptionLinks.contact'), description: link.partnerContact },
          {
            term: t('resettlement.receptionLinks.issuedBy'),
            description: t('resettlement.receptionLinks.issuedByOn', {
              name: link.createdByName,
              date: format.dateTime(link.createdAt),
            }),
          },
          link.revokedAt
            ? {
                term: t('resettlement.receptionLinks.revokedOn'),
                description: format.dateTime(link.revokedAt),
              }
            : {
                term: t('resettlement.receptionLinks.expires'),
                description: format.dateTime(link.expiresAt),
              },
          {
            term: t('resettlement.receptionLinks.lastVisit'),
            description: link.lastVisitAt
              ? format.dateTime(link.lastVisitAt)
              : t('resettlement.receptionLinks.never'),
          },
          {
            term: t('resettlement.receptionLinks.confirmation'),
            description: c ? (
              <Stack gap={2} component="span">
                <span>
                  {t('resettlement.receptionLinks.confirmed', {
                    date: format.calendarDate(c.receivedOn),
                    name: c.confirmedByName,
                    at: format.dateTime(c.confirmedAt),
                  })}
                </span>
                {c.note ? (
                  <Text span size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.note}
                  </Text>
                ) : null}
              </Stack>
            ) : (
              t('resettlement.receptionLinks.notConfirmed')
            ),
          },
        ]}
      />
    </Paper>
  );
}

function IssueLinkForm({
  household,
  live,
  onCancel,
  onIssued,
}: {
  household: HouseholdView;
  live: ReceptionLink | null;
  onCancel: () => void;
  onIssued: (issued: IssuedReceptionLink) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resolver = useMemo(
    () => localizedZodResolver<ReceptionLinkValues, LinkOutput>(ReceptionLinkInputSchema, t),
    [t],
  );
  const form = useForm<ReceptionLinkValues, unknown, LinkOutput>({
    resolver,
    defaultValues: emptyReceptionLink(),
  });
  const save = useFormMutation<ReceptionLinkValues, LinkOutput, IssuedReceptionLink>({
    setError: form.setError,
    isField: (path) => (RECEPTION_LINK_FIELDS as readonly string[]).includes(path),
    mutationFn: (body) => receptionLinkApi.issue(household.caseId, body),
    successMessage: (issued) => t('resettlement.receptionLinks.issued', { partner: issued.link.partnerName }),
    onSaved: onIssued,
    // The list shows the new link (and the previous one revoked).
    refresh: () => queryClient.invalidateQueries({ queryKey: resettlementKeys.household(household.caseId) }),
  });
  return (
    <FormProvider {...form}>
      <ModalForm
        onSubmit={form.handleSubmit(save.submit)}
        formError={save.formError}
        onCancel={onCancel}
        loading={save.isPending}
        submitLabel={t('resettlement.receptionLinks.issue')}
      >
        <Stack gap="sm">
          {live ? (
            <Alert color="orange" variant="light">
              <Text size="sm">
                {t('resettlement.receptionLinks.replaces', { partner: live.partnerName })}
              </Text>
            </Alert>
          ) : null}
          <ReceptionLinkFields />
        </Stack>
      </ModalForm>
    </FormProvider>
  );
}
