import type { FormEvent } from 'react';
import type { ActionResult } from './use-action';

interface SubmitFormOptions<R> {
  /** What the browser-side check found wrong, by field; any entry stops the submit. */
  problems: object;
  /** The write, usually an `Action`'s `run`. */
  send: () => Promise<ActionResult<R>>;
  /** After the server said yes. */
  onSent: (value: R) => void;
}

/**
 * A form's submit, the same in every form: problems found in the browser stop it, else the write
 * runs; either way a failure moves focus to the first invalid field. Only a success reaches `onSent`.
 */
export async function submitForm<R>(event: FormEvent<HTMLFormElement>, { problems, send, onSent }: SubmitFormOptions<R>): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget;
  if (Object.keys(problems).length) return focusFirstInvalid(form);
  const result = await send();
  if (result.ok) onSent(result.value);
  else if (result.error) focusFirstInvalid(form);
}

/**
 * Moves focus to the form's first invalid field, so that keyboard and screen-reader users land on
 * the problem and hear its message (the field's aria-describedby), once React has rendered the
 * error states.
 */
function focusFirstInvalid(form: HTMLFormElement, framesLeft = 5): void {
  requestAnimationFrame(() => {
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    // React may commit the error states a frame later than this callback: look again briefly.
    if (invalid) invalid.focus();
    else if (framesLeft > 0) focusFirstInvalid(form, framesLeft - 1);
  });
}
