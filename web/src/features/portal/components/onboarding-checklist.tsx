import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ONBOARDING_STEPS, type OnboardingStep, type OnboardingView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { CheckIcon } from '@/components/ui/icons';
import { portalPath } from '@/lib/use-portal-business';
import { useT, type MessageKey } from '@/lib/i18n';
import '../portal.css';

const hiddenKey = (businessId: string) => `nguon.onboarding.hidden.${businessId}`;

function readHidden(businessId: string): boolean {
  try {
    return window.localStorage.getItem(hiddenKey(businessId)) === '1';
  } catch {
    return false; // storage unavailable: the list shows
  }
}

function saveHidden(businessId: string): void {
  try {
    window.localStorage.setItem(hiddenKey(businessId), '1');
  } catch {
    // Hidden for this visit only.
  }
}

/**
 * Whether the reader put the list away for this business (a distributor that only receives
 * goods needs no product of its own): kept in this browser.
 */
export function useOnboardingHidden(businessId: string): [boolean, () => void] {
  const [hiddenNow, setHiddenNow] = useState<readonly string[]>([]);
  return [
    hiddenNow.includes(businessId) || readHidden(businessId),
    () => {
      saveHidden(businessId);
      setHiddenNow((ids) => [...ids, businessId]);
    },
  ];
}

/** Whether every first step is taken: the checklist then leaves the overview. */
export const onboardingDone = (onboarding: OnboardingView) => ONBOARDING_STEPS.every((step) => onboarding.done[step]);

/** Where a step is taken, when the business can take it now; null for the steps others take. */
function stepPath(step: OnboardingStep, businessId: string, onboarding: OnboardingView): string | null {
  switch (step) {
    case 'product':
      return portalPath(businessId, '/products/new');
    case 'location':
      return portalPath(businessId, '/locations');
    case 'batch':
      return onboarding.done.verification ? portalPath(businessId, '/batches/new') : null;
    case 'labels':
      // Labels are printed from a batch's page.
      return onboarding.firstBatchId ? portalPath(businessId, `/batches/${encodeURIComponent(onboarding.firstBatchId)}`) : null;
    default:
      return null;
  }
}

const HINTS: Partial<Record<OnboardingStep, MessageKey>> = {
  verification: 'onboarding.hint.verification',
  batch: 'onboarding.hint.batch',
};

/**
 * A new business's first steps, ticked off from its records (the server reads them), the next one
 * as the page's main action: register, be verified, add a product and a place, register the
 * first batch, print its labels.
 */
export function OnboardingChecklist({
  businessId,
  onboarding,
  onHide,
}: {
  businessId: string;
  onboarding: OnboardingView;
  onHide: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const done = ONBOARDING_STEPS.filter((step) => onboarding.done[step]).length;
  const next = ONBOARDING_STEPS.find((step) => !onboarding.done[step] && stepPath(step, businessId, onboarding) !== null);
  return (
    <section className="card onboarding" aria-labelledby={titleId} data-testid="onboarding">
      <h2 id={titleId} className="card__title">
        {t('onboarding.title')}
      </h2>
      <p className="card__intro" data-testid="onboarding-progress">
        {t('onboarding.progress', { done, total: ONBOARDING_STEPS.length })}
      </p>
      <ol className="onboarding__steps">
        {ONBOARDING_STEPS.map((step) => {
          const isDone = onboarding.done[step];
          const path = isDone ? null : stepPath(step, businessId, onboarding);
          const label = t(`onboarding.step.${step}`);
          const hint = HINTS[step];
          return (
            <li
              key={step}
              className={['onboarding__step', isDone ? 'onboarding__step--done' : null].filter(Boolean).join(' ')}
              data-testid="onboarding-step"
              data-step={step}
              data-done={isDone}
            >
              <span className="onboarding__mark" aria-hidden="true">
                {isDone ? <CheckIcon /> : ONBOARDING_STEPS.indexOf(step) + 1}
              </span>
              <span className="onboarding__text">
                {path ? (
                  <Link to={path} className={step === next ? 'button button--primary' : undefined} data-testid={`onboarding-${step}-link`}>
                    {label}
                  </Link>
                ) : (
                  <span>{label}</span>
                )}
                <span className="visually-hidden">{` (${t(isDone ? 'onboarding.stepDone' : 'onboarding.stepTodo')})`}</span>
                {!isDone && hint ? <span className="muted onboarding__hint">{t(hint)}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="card__footer">
        <Button variant="secondary" onClick={onHide} data-testid="onboarding-hide">
          {t('onboarding.hide')}
        </Button>
      </p>
    </section>
  );
}
