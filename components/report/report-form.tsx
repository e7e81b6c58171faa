'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { localizePath } from '@/lib/i18n/paths';
import { buildPayload, validateValues } from '@/lib/report-client/build-payload';
import { toFormErrors, type FormErrors } from '@/lib/report-client/form-errors';
import { readDeviceToken } from '@/lib/report-client/identity';
import { lastAcademy, loadHistory, previousReport, rememberReport, usualPlatforms, type HistoryEntry } from '@/lib/report-client/history';
import { browserStorage } from '@/lib/report-client/outbox-store';
import { preferredPlatforms, type AcademyOption, type PlatformOption } from '@/lib/report-client/platform-choices';
import { withQuickDefaults, type ReportValues } from '@/lib/report-client/prefill';
import { academyArgs, type AcademyArgs } from '@/lib/report-client/report-text';
import { ErrorSummary } from './error-summary';
import { HoneypotField } from './extra-fields';
import { OutboxNotice } from './outbox-notice';
import { QueuedNotice } from './queued-notice';
import { QuickReport } from './quick-report';
import { ReportConfirmation } from './report-confirmation';
import { FieldsContainer, ReportFields } from './report-fields';
import { summaryEntries } from './summary-entries';
import { useReportSubmission } from './use-report-submission';

type Props = {
  academies: AcademyOption[];
  platforms: PlatformOption[];
  initialValues: ReportValues;
  initialErrors: FormErrors;
  /** Generated at render, so that a double submission without JavaScript counts once. */
  idempotencyKey: string;
  isQuick: boolean;
  /** Services in trouble now, per académie (most severe first), from the live map when the page was rendered. */
  troubled?: Record<string, string[]>;
};

export function ReportForm(props: Props) {
  const { academies, platforms } = props;
  const t = useTranslations('report');
  const locale = useLocale();
  const [values, setValues] = useState(props.initialValues);
  const [errors, setErrors] = useState(props.initialErrors);
  const [isQuick, setQuick] = useState(props.isQuick);
  const [isDetailsOpen, setDetailsOpen] = useState(!props.isQuick);
  const [errorFocus, setErrorFocus] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLHeadingElement>(null);
  const quickButtonRef = useRef<HTMLButtonElement>(null);

  const academyById = useMemo(() => new Map(academies.map((a) => [a.id, a])), [academies]);
  const platformById = useMemo(() => new Map(platforms.map((p) => [p.id, p])), [platforms]);
  const argsOf = useCallback((id: string): AcademyArgs => {
    const academy = academyById.get(id);
    return academy ? academyArgs(academy) : { academy: id, complement: id, name: id };
  }, [academyById]);

  const showErrors = useCallback((next: FormErrors) => {
    setErrors(next);
    setDetailsOpen(true);
    setErrorFocus((n) => n + 1);
  }, []);

  const { phase, key, outbox, delivered, ...submission } = useReportSubmission({
    initialKey: props.idempotencyKey,
    onRejected: showErrors,
  });
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [previousAt, setPreviousAt] = useState<number | null>(null);

  // What this device reported before: its académie is offered again (unless the link chose one).
  useEffect(() => {
    const remembered = loadHistory(browserStorage());
    setHistory(remembered);
    const academy = lastAcademy(remembered);
    if (!academy || !academyById.has(academy)) return;
    setValues((current) => (current.academy ? current : { ...current, academy }));
    // A service link (from its page) plus the remembered académie is a complete one-tap report.
    const linked = platformById.get(props.initialValues.platform);
    if (!props.initialValues.academy && linked?.academies.includes(academy)) {
      setValues((current) => withQuickDefaults({ ...current, academy }));
      setQuick(true);
      setDetailsOpen(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, with the values the page was opened with
  }, [academyById, platformById]);

  const doneKey = phase.kind === 'done' ? phase.event.payload.idempotencyKey : null;
  useEffect(() => {
    if (phase.kind !== 'done') return;
    const { platform, academy } = phase.event.report;
    const now = Date.now();
    setHistory((current) => {
      setPreviousAt(previousReport(current, { platform, before: now })?.at ?? null);
      return rememberReport(browserStorage(), current, { platform, academy, at: now });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per delivered report
  }, [doneKey]);

  const preference = useMemo(() => {
    const troubled = props.troubled?.[values.academy] ?? [];
    const usual = usualPlatforms(history, values.academy);
    return { preferred: preferredPlatforms({ troubled, usual }), troubled: new Set(troubled), usual: new Set(usual) };
  }, [props.troubled, history, values.academy]);

  useEffect(() => {
    if (props.isQuick) quickButtonRef.current?.focus();
  }, [props.isQuick]);
  useEffect(() => {
    if (phase.kind === 'queued' || phase.kind === 'done') statusRef.current?.focus();
  }, [phase.kind]);
  useEffect(() => {
    if (errorFocus > 0) summaryRef.current?.focus();
  }, [errorFocus]);

  function update(patch: Partial<ReportValues>, field: string) {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([name]) => name !== field)));
  }

  function changeAcademy(academy: string) {
    const platform = platformById.get(values.platform);
    const keepPlatform = platform !== undefined && platform.academies.includes(academy);
    update({ academy, platform: keepPlatform ? values.platform : '' }, 'academie');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phase.kind === 'sending') return;
    const issues = validateValues(values);
    if (issues.length > 0) {
      showErrors(toFormErrors(issues));
      return;
    }
    const website = new FormData(event.currentTarget).get('site_web');
    const payload = buildPayload(values, {
      idempotencyKey: key,
      observedAt: new Date(),
      deviceToken: readDeviceToken(browserStorage()),
      website: typeof website === 'string' ? website : undefined,
    });
    if (!payload) return;
    setErrors({});
    submission.submit(payload);
  }

  function startAnother() {
    submission.startAnother();
    setValues((current) => ({ ...current, category: '', comment: '' }));
    setQuick(false);
    setDetailsOpen(true);
  }

  const describe = (payload: { platform: string; academy: string }) => {
    const academy = academyById.get(payload.academy);
    const name = platformById.get(payload.platform)?.name ?? payload.platform;
    return academy ? t('where', { platform: name, ...academyArgs(academy) }) : name;
  };
  const academy = academyById.get(values.academy) ?? null;
  const platform = platformById.get(values.platform) ?? null;
  const isSending = phase.kind === 'sending';

  return (
    <div className="report">
      <OutboxNotice
        pending={outbox.items.filter((i) => i.state === 'pending' && i.payload.idempotencyKey !== key)}
        rejected={outbox.items.filter((i) => i.state === 'rejected')}
        delivered={delivered}
        describe={describe}
        onRetry={outbox.retryNow}
        onDismissRejected={outbox.remove}
        onRemovePending={outbox.remove}
        onDismissDelivered={submission.dismissDelivered}
      />
      {phase.kind === 'done' ? (
        <ReportConfirmation
          platform={platformById.get(phase.event.report.platform) ?? null}
          academy={academyById.get(phase.event.report.academy) ?? null}
          count={phase.event.report.localCount}
          isDuplicate={phase.event.report.status === 'duplicate'}
          counted={phase.event.report.counted}
          previousAt={previousAt}
          headingRef={statusRef}
        >
          <p>
            <button type="button" className="report-btn-secondary" onClick={startAnother}>
              {t('confirmation.another')}
            </button>
          </p>
        </ReportConfirmation>
      ) : phase.kind === 'queued' ? (
        <QueuedNotice isPersistent={outbox.isPersistent} reason={phase.reason} onRetry={outbox.retryNow} headingRef={statusRef} />
      ) : (
        <form method="post" action={localizePath(isLocale(locale) ? locale : DEFAULT_LOCALE, '/signaler/envoyer')} noValidate onSubmit={handleSubmit} aria-busy={isSending}>
          <ErrorSummary entries={summaryEntries(errors, platforms)} ref={summaryRef} />
          {isQuick && (
            <QuickReport
              title={platform && academy ? t('quick.title', { platform: platform.name, ...academyArgs(academy) }) : t('quick.titleFallback')}
              category={values.category}
              isSending={isSending}
              buttonRef={quickButtonRef}
            />
          )}
          <FieldsContainer isCollapsible={isQuick} isOpen={isDetailsOpen} onToggle={setDetailsOpen}>
            <ReportFields
              academies={academies}
              platforms={platforms}
              values={values}
              errors={errors}
              academyNames={academy ? academyArgs(academy) : null}
              academyArgs={argsOf}
              onAcademyChange={changeAcademy}
              onChange={update}
              preference={preference}
            />
          </FieldsContainer>
          <input type="hidden" name="cle" value={key} />
          <HoneypotField />
          {(!isQuick || isDetailsOpen) && (
            <button type="submit" className="report-btn report-btn-large" disabled={isSending}>
              {isSending ? t('submit.sending') : t('submit.send')}
            </button>
          )}
        </form>
      )}
    </div>
  );
}
