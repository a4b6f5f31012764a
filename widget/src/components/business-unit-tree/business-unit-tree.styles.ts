import { css } from 'lit';

export const businessUnitTreeStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [role='tree'] {
    display: block;
    padding: 2px;
  }
  li {
    display: block;
    outline: none;
  }
  .row {
    position: relative;
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: 36px;
    margin: 1px 0;
    padding-block: 4px;
    padding-inline: calc(6px + var(--level, 0) * 18px) 8px;
    border-radius: calc(var(--_scc-radius) - 2px);
    color: var(--_scc-text);
    cursor: pointer;
    user-select: none;
    transition: background-color 100ms ease;
  }
  .row:hover {
    background: var(--_scc-hover);
  }
  li[aria-selected='true'] > .row {
    background: var(--_scc-selected);
    color: var(--_scc-primary-text);
  }
  li[aria-selected='true'] > .row::before {
    content: '';
    position: absolute;
    inset-block: 6px;
    inset-inline-start: 0;
    width: 3px;
    border-radius: 3px;
    background: var(--_scc-primary);
  }
  li:focus-visible > .row {
    box-shadow: var(--_scc-focus);
  }
  .toggle {
    flex: none;
    display: grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border-radius: 4px;
    color: var(--_scc-muted);
  }
  .toggle:hover {
    background: var(--_scc-hover);
    color: var(--_scc-text);
  }
  .toggle svg {
    width: 14px;
    height: 14px;
    transition: transform 150ms ease;
  }
  li[aria-expanded='true'] > .row .toggle svg {
    transform: rotate(90deg);
  }
  /* right to left: a collapsed chevron points to the start of the line, i.e. left */
  .toggle svg:dir(rtl) {
    transform: scaleX(-1);
  }
  li[aria-expanded='true'] > .row .toggle svg:dir(rtl) {
    transform: rotate(90deg);
  }
  .label {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    line-height: 1.25;
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  li[aria-selected='true'] > .row .name {
    font-weight: 600;
  }
  .kind {
    font-size: 0.786em;
    color: var(--_scc-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .count {
    flex: none;
    min-width: 26px;
    padding: 1px 7px;
    border-radius: 999px;
    border: 1px solid var(--_scc-border);
    background: var(--_scc-surface);
    color: var(--_scc-muted);
    font-size: 0.786em;
    font-weight: 600;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  li[aria-selected='true'] > .row .count {
    border-color: transparent;
    background: color-mix(in srgb, var(--_scc-primary) 16%, var(--_scc-surface));
    color: var(--_scc-primary-text);
  }
  .empty {
    padding: calc(var(--_scc-space) * 2);
    color: var(--_scc-muted);
  }
  .level-note {
    padding-block: 4px;
    padding-inline: calc(32px + var(--level, 0) * 18px) 8px;
    color: var(--_scc-muted);
  }
  [part='tree-load-more'] {
    font: inherit;
    color: var(--_scc-primary);
  }
`;
