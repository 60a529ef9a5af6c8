import { Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';

interface TemporaryPasswordModalProps {
  /** The password to show once; `null` keeps the modal closed. */
  password: string | null;
  userName: string;
  onClose: () => void;
}

export function TemporaryPasswordModal({ password, userName, onClose }: TemporaryPasswordModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal
      opened={password !== null}
      onClose={onClose}
      title={t('temporaryPassword.title')}
      size="md"
      closeOnClickOutside={false}
    >
      <Stack>
        <Text>{t('temporaryPassword.intro', { name: userName })}</Text>
        <TextInput
          label={t('temporaryPassword.label')}
          name="temporaryPassword"
          value={password ?? ''}
          readOnly
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '1.1rem' } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Group justify="space-between">
          <CopyButton value={password ?? ''} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                variant="outline"
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
              >
                {copied ? t('temporaryPassword.copied') : t('temporaryPassword.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('temporaryPassword.done')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
