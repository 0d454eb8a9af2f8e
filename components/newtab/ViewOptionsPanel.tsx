import type { ViewOptionsProps } from './ViewOptions';
import { LayoutToggle } from './LayoutToggle';
import { SortToggle } from './SortToggle';
import { WithCodeToggle } from './WithCodeToggle';

/** What "Order and filters" discloses: the order, With code and the layout (loaded when first opened). */
export function ViewOptionsPanel(props: ViewOptionsProps) {
  return (
    <>
      <SortToggle sort={props.sort} onChange={props.onSort} />
      <WithCodeToggle pressed={props.withCode} onChange={props.onWithCode} />
      <LayoutToggle density={props.density} onChange={props.onDensity} />
    </>
  );
}
