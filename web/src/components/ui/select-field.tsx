import type { ComponentPropsWithRef } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './field';

type SelectFieldProps = Omit<ComponentPropsWithRef<'select'>, 'id'> & FieldFrameProps;

export function SelectField(props: SelectFieldProps) {
  const [frame, select] = splitFieldProps(props);
  return <Field {...frame}>{(control) => <select {...control} className="field__input field__select" {...select} />}</Field>;
}
