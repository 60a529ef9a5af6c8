import { TextInput } from '@mantine/core';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils/render';
import { RepeatingRows } from './RepeatingRows';

function renderRows(rows: { id: string }[], onRemove = vi.fn(), onAdd = vi.fn()) {
  renderWithProviders(
    <RepeatingRows
      legend="Expérience"
      emptyText="Aucune expérience."
      rows={rows}
      rowLabel={(index) => `Emploi ${index + 1}`}
      removeLabel={(index) => `Retirer l’emploi ${index + 1}`}
      onRemove={onRemove}
      addLabel="Ajouter un emploi"
      onAdd={onAdd}
      gap="sm"
      renderRow={(index) => <TextInput label={`Intitulé ${index + 1}`} />}
    >
      <p>Total</p>
    </RepeatingRows>,
  );
  return { onRemove, onAdd };
}

describe('repeating rows', () => {
  afterEach(cleanup);

  it('says so when there are no rows, and adds one', async () => {
    const { onAdd } = renderRows([]);
    const group = screen.getByRole('group', { name: 'Expérience' });
    expect(within(group).getByText('Aucune expérience.')).toBeTruthy();
    expect(within(group).getByText('Total')).toBeTruthy();
    await userEvent.click(within(group).getByRole('button', { name: 'Ajouter un emploi' }));
    expect(onAdd).toHaveBeenCalledTimes(1);
  });

  it('shows each row as a labelled group with its own remove button', async () => {
    const { onRemove } = renderRows([{ id: 'a' }, { id: 'b' }]);
    expect(screen.queryByText('Aucune expérience.')).toBeNull();
    const second = screen.getByRole('group', { name: 'Emploi 2' });
    expect(within(second).getByLabelText('Intitulé 2')).toBeTruthy();
    await userEvent.click(within(second).getByRole('button', { name: 'Retirer l’emploi 2' }));
    expect(onRemove).toHaveBeenCalledWith(1);
  });
});
