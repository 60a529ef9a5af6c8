import { Text } from '@mantine/core';
import { PageHeader } from './PageHeader';

/**
 * A record the server answered 404 for: it does not exist or is outside the user's offices (the server
 * does not say which). A heading and an explanation, not an error with a pointless "Try again".
 */
export function RecordNotFound({ title, body }: { title: string; body: string }) {
  return (
    <div>
      <PageHeader title={title} />
      <Text>{body}</Text>
    </div>
  );
}
