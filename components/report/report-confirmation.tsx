import type { ReactNode, Ref } from 'react';
import { confirmationSentence } from '@/lib/report-client/report-text';
import type { AcademyOption, PlatformOption } from '@/lib/report-client/platform-choices';

type Props = {
  platform: Pick<PlatformOption, 'id' | 'name'> | null;
  academy: AcademyOption | null;
  count: number | null;
  isDuplicate?: boolean;
  headingLevel?: 'h1' | 'h2';
  headingRef?: Ref<HTMLHeadingElement>;
  children?: ReactNode;
};

/** Thanks and the local count, after a report is accepted (JavaScript form and no-JS page alike). */
export function ReportConfirmation(props: Props) {
  const { platform, academy, count, isDuplicate = false, headingLevel: Heading = 'h2' } = props;
  const mapHref = platform ? `/?plateforme=${encodeURIComponent(platform.id)}` : '/';
  return (
    <section className="report-done" aria-labelledby="confirmation-titre">
      <Heading id="confirmation-titre" tabIndex={-1} ref={props.headingRef}>
        Merci, votre signalement est enregistré
      </Heading>
      {isDuplicate && <p>Ce signalement nous était déjà parvenu&nbsp;: il n’est compté qu’une fois.</p>}
      {platform && academy && count !== null && (
        <p className="report-count" data-count={count}>
          {confirmationSentence({ count, platformName: platform.name, academy })}
        </p>
      )}
      <p>
        <a href={mapHref} className="report-btn">
          Voir la carte en direct
        </a>
      </p>
      {props.children}
    </section>
  );
}
