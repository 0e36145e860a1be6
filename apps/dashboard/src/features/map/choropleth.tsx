// The map itself: one SVG path per area, coloured by its class. Every shape can be reached with Tab (in
// name order) and shows its figures on focus as on hover; Enter, Space or a click drills down. On a touch
// screen the first tap shows the figures and the second drills down, as there is no hover.
import { useRef } from 'react';
import type { ProjectedShape } from './boundaries';

export interface ChoroplethProps {
  paths: ProjectedShape[];
  width: number;
  height: number;
  title: string;
  fillOf: (code: string) => string;
  /** What a screen reader says for a shape (its name and figure). */
  labelOf: (code: string) => string;
  /** The area whose figures are shown (hovered or focused). */
  active: string | null;
  /** The chosen area, outlined while nothing else is active. */
  selected: string | null;
  onActivate: (code: string | null) => void;
  onSelect: (code: string) => void;
}

export function Choropleth({
  paths,
  width,
  height,
  title,
  fillOf,
  labelOf,
  active,
  selected,
  onActivate,
  onSelect,
}: ChoroplethProps) {
  // Read at pointerdown, before the tap's own focus makes the shape active.
  const press = useRef<{ type: string; wasActive: boolean }>({ type: 'mouse', wasActive: false });
  const outlined = paths.find((path) => path.code === (active ?? selected));
  return (
    <svg
      className="choropleth"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={title}
      onPointerLeave={() => onActivate(null)}
    >
      {paths.map((path) => (
        <path
          key={path.code}
          d={path.d}
          fill={fillOf(path.code)}
          data-code={path.code}
          role="button"
          tabIndex={0}
          aria-label={labelOf(path.code)}
          onPointerDown={(event) => {
            press.current = { type: event.pointerType, wasActive: active === path.code };
          }}
          onPointerEnter={(event) => event.pointerType === 'mouse' && onActivate(path.code)}
          onFocus={() => onActivate(path.code)}
          onBlur={() => onActivate(null)}
          onClick={() => {
            if (press.current.type === 'touch' && !press.current.wasActive) onActivate(path.code);
            else onSelect(path.code);
            press.current = { type: 'mouse', wasActive: false };
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onSelect(path.code);
            }
          }}
        />
      ))}
      {outlined && <path className="choropleth-outline" d={outlined.d} aria-hidden="true" />}
    </svg>
  );
}
