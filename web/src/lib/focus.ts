/**
 * After a failed submit, moves focus to the form's first invalid field, so that keyboard and
 * screen-reader users land on the problem and hear its message (the field's aria-describedby).
 * Runs after React has rendered the error states.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  if (!form) return;
  requestAnimationFrame(() => {
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
