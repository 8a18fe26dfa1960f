import type { ApiRequestError } from '@/lib/api-client';
import { useRequestErrorMessage } from '@/lib/error-message';
import { Alert } from './alert';

interface FormErrorProps {
  error: ApiRequestError | null;
  /** Fields whose messages the form shows beside them; the others are listed here. */
  shownFields?: readonly string[];
  id?: string;
}

/** A failed submit: the message, plus any field errors that have no field on this form. */
export function FormError({ error, shownFields = [], id }: FormErrorProps) {
  const message = useRequestErrorMessage();
  if (!error) return null;
  const others = Object.entries(error.fieldErrors).filter(([field]) => !shownFields.includes(field));
  return (
    <Alert id={id}>
      <span data-testid="form-error" data-code={error.code}>
        {message(error)}
      </span>
      {others.length ? (
        <span className="alert__list">
          {others.map(([field, messages]) => (
            <span key={field} className="alert__item">
              {messages.join(' ')}
            </span>
          ))}
        </span>
      ) : null}
    </Alert>
  );
}

/** The server's messages for one field (or several paths, e.g. `address.line` and `address`). */
export function fieldErrorOf(error: ApiRequestError | null, ...paths: string[]): string[] | undefined {
  if (!error) return undefined;
  const messages = paths.flatMap((path) => error.fieldErrors[path] ?? []);
  return messages.length ? messages : undefined;
}
