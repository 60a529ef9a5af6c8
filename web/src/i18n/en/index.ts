import type { fr } from '../fr';
import type { Messages } from '../messages';
import { activities } from './activities';
import { audit } from './audit';
import { auth } from './auth';
import { cases } from './cases';
import { common } from './common';
import { content } from './content';
import { employment } from './employment';
import { home } from './home';
import { offices } from './offices';
import { projects } from './projects';
import { referrals } from './referrals';
import { registry } from './registry';
import { reintegration } from './reintegration';
import { reporting } from './reporting';
import { resettlement } from './resettlement';
import { users } from './users';

/** The English texts, one namespace file per feature, assembled into one resource. */
export const en: Messages<typeof fr> = {
  ...common,
  ...auth,
  ...home,
  ...users,
  ...offices,
  ...projects,
  ...audit,
  ...registry,
  ...cases,
  ...referrals,
  ...reintegration,
  ...employment,
  ...activities,
  ...reporting,
  ...resettlement,
  ...content,
};
