import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DossierVerifier } from '@/components/dossier/dossier-verifier';
import { instanceKey } from '@/lib/evidence/instance-key';
import { currentLocale } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteOrigin } from '@/lib/seo/site';

export async function generateMetadata(): Promise<Metadata> {
  const [t, all, locale] = await Promise.all([getTranslations('verifier.meta'), getTranslations(), currentLocale()]);
  return pageMetadata({ title: t('title'), description: t('description'), path: '/verifier', locale, siteName: all('common.brand'), origin: siteOrigin() });
}

export default async function VerifierPage() {
  const t = await getTranslations('verifier');
  return (
    <article>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <DossierVerifier
        publicKey={instanceKey().publicKeyHex}
        labels={{ drop: t('drop'), key: t('key'), checking: t('checking'), intact: t('intact'), broken: t('broken') }}
      />
      <p>
        {t('offline')} <code>npm run verify:dossier -- dossier.zip</code>
      </p>
    </article>
  );
}
