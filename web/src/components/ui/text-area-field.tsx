import type { ComponentPropsWithRef } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './field';

type TextAreaFieldProps = Omit<ComponentPropsWithRef<'textarea'>, 'id'> & FieldFrameProps;

export function TextAreaField(props: TextAreaFieldProps) {
  const [frame, textarea] = splitFieldProps(props);
  return <Field {...frame}>{(control) => <textarea {...control} className="field__input field__textarea" {...textarea} />}</Field>;
}
