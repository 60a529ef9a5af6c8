import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function ErrorFallback() {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('errors.boundaryTitle')}
      icon={<IconAlertTriangle aria-hidden />}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('errors.boundaryBody')}</Text>
        <Group gap="sm">
          <Button size="xs" onClick={() => window.location.reload()}>
            {t('errors.reloadPage')}
          </Button>
          <Button size="xs" variant="outline" component="a" href="/">
            {t('errors.goHome')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

interface ErrorBoundaryProps {
  children: ReactNode;
}

/** Catches rendering errors below it; give it a `key` (e.g. the path) to reset on navigation. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Rendering error', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <ErrorFallback /> : this.props.children;
  }
}
