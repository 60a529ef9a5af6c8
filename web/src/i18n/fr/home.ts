/** French texts for the home page. French is the reference: every other language has the same keys. */
export const home = {
  home: {
    title: 'Bienvenue, {{name}}',
    intro: 'Voici vos affectations et ce que vous pouvez faire dans Passerelle.',
    officesTitle: 'Vos bureaux et rôles',
    noMemberships: 'Vous n’êtes affecté à aucun bureau. Contactez un administrateur.',
    permissionsTitle: 'Ce que vous pouvez faire',
    noPermissions: 'Votre compte ne donne encore accès à aucune fonctionnalité.',
    everywhere: 'dans tous les bureaux',
    inOffices: 'dans : {{offices}}',
    membership: '{{office}} : {{role}}',
  },
};
