/** French texts for sign-in, sign-out and password change. French is the reference: every other language has the same keys. */
export const auth = {
  auth: {
    signIn: {
      title: 'Connexion',
      intro: 'Connectez-vous avec votre compte professionnel.',
      email: 'Adresse e-mail',
      password: 'Mot de passe',
      submit: 'Se connecter',
    },
    changePassword: {
      title: 'Changer de mot de passe',
      forcedIntro:
        'Pour des raisons de sécurité, vous devez choisir un nouveau mot de passe avant de continuer.',
      intro: 'Choisissez une phrase de passe longue et unique.',
      currentPassword: 'Mot de passe actuel',
      newPassword: 'Nouveau mot de passe',
      newPasswordHint:
        'Au moins 12 caractères. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.',
      confirmNewPassword: 'Confirmer le nouveau mot de passe',
      submit: 'Changer le mot de passe',
      success: 'Votre mot de passe a été changé.',
    },
  },
};
