import type { ComponentPropsWithRef } from 'react';
import { useT } from '@/lib/i18n';
import { Button } from './button';

type SubmitButtonProps = Omit<ComponentPropsWithRef<'button'>, 'type' | 'disabled'> & {
  /** The form is being sent: the button waits and says so. */
  pending: boolean;
  /** What it says meanwhile; "Sending…" unless told. */
  pendingLabel?: string;
};

/** A form's submit button. */
export function SubmitButton({ pending, pendingLabel, children, ...props }: SubmitButtonProps) {
  const t = useT();
  return (
    <Button type="submit" disabled={pending} {...props}>
      {pending ? (pendingLabel ?? t('form.sending')) : children}
    </Button>
  );
}
