import type { home as fr } from '../fr/home';
import type { Messages } from '../messages';

/** English texts for the home page. */
export const home: Messages<typeof fr> = {
  home: {
    title: 'Welcome, {{name}}',
    intro: 'Here are your assignments and what you can do in Passerelle.',
    officesTitle: 'Your offices and roles',
    noMemberships: 'You are not assigned to any office. Please contact an administrator.',
    permissionsTitle: 'What you can do',
    noPermissions: 'Your account does not give access to any feature yet.',
    everywhere: 'in every office',
    inOffices: 'in: {{offices}}',
    membership: '{{office}}: {{role}}',
  },
};
