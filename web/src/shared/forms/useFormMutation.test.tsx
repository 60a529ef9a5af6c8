import { notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { ApiError } from '../api/client';
import { useActionMutation, useFormMutation } from './useFormMutation';

interface Values {
  name: string;
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('useFormMutation', () => {
  initI18n('fr');

  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('notifies, then calls onSaved, then awaits the refresh', async () => {
    const calls: string[] = [];
    vi.spyOn(notifications, 'show').mockImplementation((data) => {
      calls.push(`notify ${data.color} ${String(data.message)}`);
      return '';
    });
    const mutationFn = vi.fn(async (body: { name: string }) => ({ id: '1', ...body }));
    const { result } = renderHook(
      () =>
        useFormMutation<Values, { name: string }, { id: string; name: string }>({
          setError: vi.fn(),
          isField: () => true,
          mutationFn,
          successMessage: (saved) => `Saved ${saved.name}`,
          onSaved: (saved) => calls.push(`saved ${saved.id}`),
          refresh: async () => {
            calls.push('refresh');
          },
        }),
      { wrapper },
    );
    act(() => result.current.submit({ name: 'Duhok Foods' }));
    await waitFor(() => expect(calls).toEqual(['notify blue Saved Duhok Foods', 'saved 1', 'refresh']));
    expect(mutationFn.mock.calls[0]?.[0]).toEqual({ name: 'Duhok Foods' });
    await waitFor(() => expect(result.current.isPending).toBe(false));
  });

  it('puts field errors on their field and the rest on the form, then calls onError; submitting clears it', async () => {
    const show = vi.spyOn(notifications, 'show');
    const setError = vi.fn();
    const onError = vi.fn();
    const error = new ApiError({
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      code: 'validation_failed',
      detail: 'Certains champs ne sont pas valides.',
      errors: [
        { path: 'name', code: 'too_long', message: 'Trop long.' },
        { path: 'other', code: 'invalid', message: 'Autre problème.' },
      ],
    });
    const mutationFn = vi.fn().mockRejectedValueOnce(error).mockResolvedValueOnce({});
    const { result } = renderHook(
      () =>
        useFormMutation<Values, { name: string }, unknown>({
          setError,
          isField: (path) => path === 'name',
          mutationFn,
          successMessage: () => 'Saved',
          onError,
        }),
      { wrapper },
    );
    act(() => result.current.submit({ name: 'x' }));
    await waitFor(() =>
      expect(result.current.formError).toEqual({
        message: 'Certains champs ne sont pas valides.',
        details: ['Autre problème.'],
      }),
    );
    expect(setError).toHaveBeenCalledWith(
      'name',
      { type: 'server', message: 'Trop long.' },
      { shouldFocus: true },
    );
    expect(onError).toHaveBeenCalledWith(error);
    expect(show).not.toHaveBeenCalled();

    act(() => result.current.submit({ name: 'y' }));
    expect(result.current.formError).toBeNull();
    await waitFor(() => expect(show).toHaveBeenCalledTimes(1));
  });

  const problem = new ApiError({
    type: 'about:blank',
    title: 'Bad request',
    status: 400,
    code: 'validation_failed',
    detail: 'Certains champs ne sont pas valides.',
    errors: [{ path: 'body', code: 'too_long', message: 'Trop long.' }],
  });

  it('without fields, says the server message for the whole form', async () => {
    const { result } = renderHook(
      () => useFormMutation({ mutationFn: () => Promise.reject(problem), successMessage: () => 'Saved' }),
      { wrapper },
    );
    act(() => result.current.submit());
    await waitFor(() =>
      expect(result.current.formError).toEqual({
        message: 'Certains champs ne sont pas valides.',
        details: [],
      }),
    );
  });

  it('shows nothing of an error that recover dealt with, and shows the localised error otherwise', async () => {
    const onError = vi.fn();
    let handled = true;
    const { result } = renderHook(
      () =>
        useFormMutation<Values, void, unknown>({
          setError: vi.fn(),
          isField: () => false,
          mutationFn: () => Promise.reject(problem),
          recover: () => handled,
          localizeError: () => new ApiError({ ...problem.problem, detail: 'Localised.', errors: [] }),
          onError,
        }),
      { wrapper },
    );
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.isPending).toBe(false));
    expect(result.current.formError).toBeNull();
    expect(onError).not.toHaveBeenCalled();
    handled = false;
    act(() => result.current.submit());
    await waitFor(() => expect(result.current.formError).toEqual({ message: 'Localised.', details: [] }));
    expect(onError).toHaveBeenCalledWith(problem);
  });

  it('says an action failure in a notification, or keeps it for the dialog', async () => {
    const show = vi.spyOn(notifications, 'show').mockImplementation(() => '');
    const notified = renderHook(
      () => useActionMutation({ showError: 'notification', mutationFn: () => Promise.reject(problem) }),
      { wrapper },
    );
    act(() => notified.result.current.run());
    await waitFor(() =>
      expect(show).toHaveBeenCalledWith({ color: 'red', message: 'Certains champs ne sont pas valides.' }),
    );
    expect(notified.result.current.formError).toBeNull();

    const inline = renderHook(
      () => useActionMutation({ showError: 'inline', mutationFn: () => Promise.reject(problem) }),
      { wrapper },
    );
    act(() => inline.result.current.run());
    await waitFor(() =>
      expect(inline.result.current.formError).toEqual({
        message: 'Certains champs ne sont pas valides.',
        details: [],
      }),
    );
    expect(show).toHaveBeenCalledTimes(1);
    act(() => inline.result.current.reset());
    expect(inline.result.current.formError).toBeNull();
  });
});
