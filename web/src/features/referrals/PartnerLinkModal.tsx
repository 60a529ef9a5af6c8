import { useTranslation } from 'react-i18next';
import { OnceLinkModal } from '../../shared/components/OnceLinkModal';
import { useFormat } from '../../shared/format/useFormat';

export interface IssuedLink {
  partnerPath: string;
  partnerName: string;
  expiresAt: string;
}

/** A referral's partner link, shown once (see OnceLinkModal). */
export function PartnerLinkModal({ link, onClose }: { link: IssuedLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <OnceLinkModal
      path={link?.partnerPath ?? null}
      title={t('referrals.partnerLink.title')}
      intro={t('referrals.partnerLink.intro', {
        name: link?.partnerName ?? '',
        date: link ? format.date(link.expiresAt) : '',
      })}
      label={t('referrals.partnerLink.label')}
      onClose={onClose}
    />
  );
}
