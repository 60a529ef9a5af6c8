import type { offices as fr } from '../fr/offices';
import type { Messages } from '../messages';

/** English texts for office administration. */
export const offices: Messages<typeof fr> = {
  offices: {
    title: 'Offices',
    create: 'New office',
    createTitle: 'Create an office',
    editTitle: 'Edit office {{name}}',
    edit: 'Edit office {{name}}',
    created: 'Office {{name}} has been created.',
    saved: 'Office {{name}} has been saved.',
    empty: 'No offices yet.',
    active: 'Active',
    inactive: 'Inactive',
    table: {
      label: 'Office list',
      code: 'Code',
      name: 'Name',
      country: 'Country',
      city: 'City',
      region: 'Region',
      kind: 'Kind',
      status: 'Status',
    },
    fields: {
      code: 'Code',
      codeHint: 'Three to eight letters, for example PARIS.',
      name: 'Name',
      country: 'Country',
      chooseCountry: 'Choose a country',
      city: 'City',
      region: 'Region (optional)',
      kind: 'Office kind',
      active: 'Active office',
    },
    kinds: {
      host: 'Host country',
      origin: 'Country of origin',
    },
  },
};
