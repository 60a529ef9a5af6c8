import { Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState, QueryError } from '../../shared/components/QueryStates';
import { MAIN_CONTENT_ID } from '../../shared/components/SkipLink';
import { useMeQuery } from './session';

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Renders the authenticated routes, or sends the visitor to sign in / change their password first. */
export function RequireAuth() {
  const me = useMeQuery();
  const location = useLocation();

  if (me.isPending) {
    return (
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} py="xl">
        <LoadingState />
      </Container>
    );
  }
  if (me.isError) {
    return (
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} py="xl">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
