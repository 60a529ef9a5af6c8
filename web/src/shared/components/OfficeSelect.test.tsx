import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-utils/render';
import { OfficeSelect, onlyOfficeId } from './OfficeSelect';

const ERBIL = { id: 'o1', name: 'Erbil' };
const TIRANA = { id: 'o2', name: 'Tirana' };

describe('office select', () => {
  afterEach(cleanup);

  it('lists the offices after the empty option', () => {
    renderWithProviders(
      <OfficeSelect
        label="Bureau"
        emptyLabel="Choisir un bureau"
        offices={[ERBIL, TIRANA]}
        defaultValue=""
      />,
    );
    const select = screen.getByLabelText('Bureau') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ['', 'Choisir un bureau'],
      ['o1', 'Erbil'],
      ['o2', 'Tirana'],
    ]);
  });

  it('preselects the only office there is, else none', () => {
    expect(onlyOfficeId([ERBIL])).toBe('o1');
    expect(onlyOfficeId([ERBIL, TIRANA])).toBe('');
    expect(onlyOfficeId([])).toBe('');
  });
});
