import { Select as AntSelect, type SelectProps } from 'antd';

type FormAria = { 'aria-required'?: unknown; 'aria-invalid'?: unknown; 'aria-describedby'?: unknown };

/**
 * antd's Select as a Form.Item's child. The form hands its child `aria-required`, `aria-invalid` and
 * `aria-describedby`; antd's Select writes every such prop on its outer element, a plain div, where ARIA does not allow
 * them (axe: aria-allowed-attr). They are dropped here: the field keeps its label, its required mark and its error text
 * beside it, and its combobox keeps its accessible name.
 */
export function Select<V = unknown>(props: SelectProps<V> & FormAria) {
  const rest: SelectProps<V> & FormAria = { ...props };
  delete rest['aria-required'];
  delete rest['aria-invalid'];
  delete rest['aria-describedby'];
  return <AntSelect<V> {...rest} />;
}
