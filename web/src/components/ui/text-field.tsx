import type { ComponentPropsWithRef } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './field';

type TextFieldProps = Omit<ComponentPropsWithRef<'input'>, 'id'> & FieldFrameProps;

export function TextField(props: TextFieldProps) {
  const [frame, input] = splitFieldProps(props);
  return <Field {...frame}>{(control) => <input {...control} className="field__input" {...input} />}</Field>;
}
