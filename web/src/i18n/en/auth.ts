import type { auth as fr } from '../fr/auth';
import type { Messages } from '../messages';

/** English texts for sign-in, sign-out and password change. */
export const auth: Messages<typeof fr> = {
  auth: {
    signIn: {
      title: 'Sign in',
      intro: 'Sign in with your work account.',
      email: 'Email',
      password: 'Password',
      submit: 'Sign in',
    },
    changePassword: {
      title: 'Change password',
      forcedIntro: 'For security reasons, you must choose a new password before you continue.',
      intro: 'Choose a long, unique passphrase.',
      currentPassword: 'Current password',
      newPassword: 'New password',
      newPasswordHint: 'At least 12 characters. A phrase of several words is safer and easier to remember.',
      confirmNewPassword: 'Confirm new password',
      submit: 'Change password',
      success: 'Your password has been changed.',
    },
  },
};
