import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AppModal } from './AppModal';

/** The full address of a path the server answered for a link (`/partner/…`, `/reception/…`). */
export function publicLinkUrl(path: string): string {
  return `${window.location.origin}${path}`;
}

interface OnceLinkModalProps {
  /** The link's path as the server answered it, or null when there is none to show. */
  path: string | null;
  title: string;
  /** Who the link is for and until when, in a sentence. */
  intro: string;
  /** The name of the field that holds the link. */
  label: string;
  onClose: () => void;
}

/**
 * A link for someone without an account, shown once: the server keeps only its hash. Closing the modal
 * forgets it; a lost link can only be replaced by a new one.
 */
export function OnceLinkModal({ path, title, intro, label, onClose }: OnceLinkModalProps) {
  const { t } = useTranslation();
  const url = path ? publicLinkUrl(path) : '';
  return (
    <AppModal opened={path !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack>
        <Text>{intro}</Text>
        <TextInput
          label={label}
          name="publicLink"
          value={url}
          readOnly
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">{t('links.once')}</Text>
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
                {copied ? t('links.copied') : t('links.copy')}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t('links.done')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
