import { useId, type ReactNode } from 'react';

/** A field's own error messages: one, several, or none. */
export type FieldMessages = string | readonly string[] | null | undefined;

export function fieldMessages(error: FieldMessages): readonly string[] {
  return error === null || error === undefined ? [] : typeof error === 'string' ? [error] : error;
}

/** What the control inside a field needs to be labelled and described by it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** A field's frame, as every field component takes it. */
export interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  /** This field's own error messages, shown under it and read with it. */
  error?: FieldMessages;
  /** Id of an error message elsewhere on the page that describes this field too. */
  errorId?: string;
  /** A live note under the field (e.g. "7 of 10 characters"), announced politely. */
  status?: ReactNode;
  className?: string;
}

/** Splits a field component's props into the frame's and the control's. */
export function splitFieldProps<P extends FieldFrameProps>({ label, hint, error, errorId, status, className, ...control }: P) {
  return [{ label, hint, error, errorId, status, className }, control] as const;
}

interface FieldProps extends FieldFrameProps {
  /** The control, given its id and its description. */
  children: (control: FieldControlProps) => ReactNode;
}

/** The frame every form control sits in: label, hint, the control, a live status, its errors. */
export function Field({ label, hint, error, errorId, status, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const ownErrorId = `${id}-error`;
  const statusId = `${id}-status`;
  const messages = fieldMessages(error);
  const invalid = messages.length > 0 || Boolean(errorId);
  const describedBy =
    [hint ? hintId : null, messages.length ? ownErrorId : null, status ? statusId : null, errorId ?? null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid ? true : undefined })}
      {status ? (
        <p className="field__status" id={statusId} aria-live="polite">
          {status}
        </p>
      ) : null}
      {messages.length ? (
        <p className="field__error" id={ownErrorId}>
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
