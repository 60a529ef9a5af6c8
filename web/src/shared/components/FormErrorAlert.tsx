import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FormErrorState } from '../forms/useServerErrors';

export function FormErrorAlert({ error }: { error: FormErrorState | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{error.message}</Text>
      {error.details.length > 0 ? (
        <List size="sm" mt="xs">
          {error.details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
