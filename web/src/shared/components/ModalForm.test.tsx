import { TextInput } from '@mantine/core';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils/render';
import { ModalForm } from './ModalForm';

describe('modal form', () => {
  afterEach(cleanup);

  it('shows the form error, cancels and submits with "Save" unless told otherwise', async () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    const onCancel = vi.fn();
    renderWithProviders(
      <ModalForm
        onSubmit={onSubmit}
        formError={{ message: 'Certains champs ne sont pas valides.', details: ['Code invalide.'] }}
        onCancel={onCancel}
        loading={false}
      >
        <TextInput label="Nom" />
      </ModalForm>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Certains champs ne sont pas valides.');
    expect(alert.textContent).toContain('Code invalide.');
    expect(screen.getByLabelText('Nom')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('names the submit button as asked, with no alert while there is no error', () => {
    renderWithProviders(
      <ModalForm onSubmit={vi.fn()} formError={null} onCancel={vi.fn()} loading={false} submitLabel="Placer">
        <TextInput label="Nom" />
      </ModalForm>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Placer' }).getAttribute('type')).toBe('submit');
  });
});
