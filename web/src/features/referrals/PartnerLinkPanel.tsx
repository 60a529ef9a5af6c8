import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconLink, IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { ConfirmModal } from '../../shared/components/ConfirmModal';
import { DescriptionList } from '../../shared/components/DescriptionList';
import { FormErrorAlert } from '../../shared/components/FormErrorAlert';
import { type LinkState, LinkStateBadge } from '../../shared/components/LinkStateBadge';
import { Section } from '../../shared/components/Section';
import { useFormat } from '../../shared/format/useFormat';
import { useActionMutation, useFormMutation } from '../../shared/forms/useFormMutation';
import { issuePartnerLink, type ReferralDetail, revokePartnerLink, useRefreshReferral } from './api';
import { type IssuedLink, PartnerLinkModal } from './PartnerLinkModal';

function linkState(link: NonNullable<ReferralDetail['partnerLink']>, now = Date.now()): LinkState {
  if (link.revoked) return 'revoked';
  return new Date(link.expiresAt).getTime() <= now ? 'expired' : 'active';
}

/** The partner link as the sending office sees it: expiry, revoked, last visit; a new link, or revoking it. */
export function PartnerLinkPanel({ referral }: { referral: ReferralDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refresh = useRefreshReferral();
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const link = referral.partnerLink;
  const state = link ? linkState(link) : null;
  // The same rule as the server: the sending office, while the referral is open (pending or accepted).
  const manage = referral.canRevoke;
  const revoke = useActionMutation({
    showError: 'inline',
    mutationFn: () => revokePartnerLink(referral.id),
    successMessage: () => t('referrals.partnerLink.revokedDone'),
    onSaved: () => {
      setRevoking(false);
      void refresh(referral);
    },
  });

  return (
    <Section
      id="referral-partner-link"
      title={t('referrals.partnerLink.panelTitle')}
      actions={
        manage ? (
          <>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconLink size={14} aria-hidden />}
              onClick={() => setIssuing(true)}
            >
              {t('referrals.partnerLink.issue')}
            </Button>
            {state === 'active' ? (
              <Button
                size="xs"
                variant="outline"
                color="red"
                leftSection={<IconLinkOff size={14} aria-hidden />}
                onClick={() => setRevoking(true)}
              >
                {t('referrals.partnerLink.revoke')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      {link && state ? (
        <DescriptionList
          items={[
            {
              term: t('referrals.partnerLink.state'),
              description: <LinkStateBadge state={state} />,
            },
            { term: t('referrals.partnerLink.expires'), description: format.dateTime(link.expiresAt) },
            {
              term: t('referrals.partnerLink.lastVisit'),
              description: link.lastVisitAt
                ? format.dateTime(link.lastVisitAt)
                : t('referrals.partnerLink.never'),
            },
          ]}
        />
      ) : (
        <Text>{t('referrals.partnerLink.none')}</Text>
      )}
      {manage ? (
        <>
          <AppModal
            opened={issuing}
            onClose={() => setIssuing(false)}
            title={t('referrals.partnerLink.issueTitle')}
            size="md"
          >
            {issuing ? (
              <IssueLinkForm
                referral={referral}
                onCancel={() => setIssuing(false)}
                onIssued={(result) => {
                  setIssuing(false);
                  setIssued({ ...result, partnerName: referral.partnerName ?? '' });
                  void refresh(referral);
                }}
              />
            ) : null}
          </AppModal>
          <ConfirmModal
            opened={revoking}
            title={t('referrals.partnerLink.revoke')}
            message={t('referrals.partnerLink.revokeConfirm')}
            confirmLabel={t('referrals.partnerLink.revoke')}
            danger
            loading={revoke.isPending}
            error={revoke.formError ? <FormErrorAlert error={revoke.formError} /> : null}
            onConfirm={() => revoke.run()}
            onClose={() => {
              setRevoking(false);
              revoke.reset();
            }}
          />
        </>
      ) : null}
      <PartnerLinkModal link={issued} onClose={() => setIssued(null)} />
    </Section>
  );
}

function IssueLinkForm({
  referral,
  onCancel,
  onIssued,
}: {
  referral: ReferralDetail;
  onCancel: () => void;
  onIssued: (result: { partnerPath: string; expiresAt: string }) => void;
}) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | string>(30);
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 90;
  const [invalid, setInvalid] = useState(false);
  const { formError, submit, isPending } = useFormMutation({
    mutationFn: () => issuePartnerLink(referral.id, Number(days)),
    onSaved: onIssued,
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) {
          setInvalid(true);
          return;
        }
        submit();
      }}
    >
      <Stack>
        <Text size="sm">{t('referrals.partnerLink.issueIntro')}</Text>
        <FormErrorAlert error={formError} />
        <NumberInput
          label={t('referrals.partnerLink.validDays')}
          required
          min={1}
          max={90}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          error={invalid ? t('validation.invalidValue') : undefined}
          onChange={(value) => {
            setDays(value);
            setInvalid(false);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isPending}>
            {t('referrals.partnerLink.issue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
