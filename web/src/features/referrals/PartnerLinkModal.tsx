import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../shared/components/AppModal';
import { useFormat } from '../../shared/format/useFormat';
import { partnerUrl } from './api';

export interface IssuedLink {
  partnerPath: string;
  partnerName: string;
  expiresAt: string;
}

/**
 * A partner link, shown once: the server keeps only its hash. Closing the modal forgets it; a lost link
 * can only be replaced by a new one.
 */
export function PartnerLinkModal({ link, onClose }: { link: IssuedLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const url = link ? partnerUrl(link.partnerPath) : '';
  return (
    <AppModal
      opened={link !== null}
      onClose={onClose}
      title={t('referrals.partnerLink.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Text>
          {t('referrals.partnerLink.intro', {
            name: link?.partnerName ?? '',
            date: link ? format.date(link.expiresAt) : '',
          })}
        </Text>
        <TextInput
          label={t('referrals.partnerLink.label')}
          name="partnerLink"
          value={url}
          readOnly
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">{t('referrals.partnerLink.once')}</Text>
        </Alert>
        <Group justify="space-between">
          <CopyButton value={url} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                variant="outline"
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
              >
                {copied ? t('referrals.partnerLink.copied') : t('referrals.partnerLink.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('referrals.partnerLink.done')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
