import { css } from 'lit';

/**
 * Wide: a table with inline action buttons. Narrower than 960 px of the list's own width the
 * actions collapse into a menu button; narrower than 720 px each row becomes a card. Nothing here
 * may make the list wider than its box: cells wrap instead.
 */
export const tenantListStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .frame {
    container: tenant-list / inline-size;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  caption,
  .heading {
    caption-side: top;
    text-align: start;
    padding: 0 0 calc(var(--_scc-space) * 1.5);
  }
  .title {
    display: block;
    margin: 0;
    font-size: 1.143em;
    font-weight: 600;
    line-height: 1.3;
    color: var(--_scc-text);
  }
  .meta {
    display: block;
    margin-top: 2px;
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  th,
  td {
    padding: 9px 12px;
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_scc-border);
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--_scc-subtle);
    color: var(--_scc-muted);
    font-size: 0.786em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    border-top: 1px solid var(--_scc-border);
  }
  thead th:first-child {
    border-start-start-radius: var(--_scc-radius);
    border-inline-start: 1px solid var(--_scc-border);
  }
  thead th:last-child {
    border-start-end-radius: var(--_scc-radius);
    border-inline-end: 1px solid var(--_scc-border);
  }
  tbody th {
    border-inline-start: 1px solid var(--_scc-border);
    font-weight: 600;
  }
  tbody td:last-child {
    border-inline-end: 1px solid var(--_scc-border);
  }
  tbody tr:last-child > :first-child {
    border-end-start-radius: var(--_scc-radius);
  }
  tbody tr:last-child > :last-child {
    border-end-end-radius: var(--_scc-radius);
  }
  tbody tr {
    transition: background-color 100ms ease;
  }
  tbody tr:hover {
    background: var(--_scc-subtle);
  }
  tbody tr.selected {
    background: var(--_scc-selected);
  }
  button {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    cursor: pointer;
    text-align: start;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
  .sort {
    font-weight: inherit;
    text-transform: inherit;
    letter-spacing: inherit;
  }
  /* The arrow is decoration: aria-sort on the header says the same to assistive technology. */
  .sort[data-order='asc']::after {
    content: '▲' / '';
    margin-inline-start: 4px;
  }
  .sort[data-order='desc']::after {
    content: '▼' / '';
    margin-inline-start: 4px;
  }
  .name {
    display: block;
    font-weight: 600;
    color: var(--_scc-text);
  }
  .product {
    display: block;
    font-size: 0.857em;
    font-weight: 400;
    color: var(--_scc-muted);
  }
  .pill {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 6px;
    border: 1px solid var(--_scc-border);
    background: var(--_scc-surface);
    font-size: 0.857em;
    font-weight: 500;
  }
  .pill--productive {
    border-color: color-mix(in srgb, var(--_scc-primary) 35%, var(--_scc-surface));
    background: color-mix(in srgb, var(--_scc-primary) 8%, var(--_scc-surface));
    color: color-mix(in srgb, var(--_scc-primary) 85%, var(--_scc-text));
  }
  .lifecycle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .lifecycle::before {
    content: '';
    flex: none;
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--_scc-muted);
  }
  .lifecycle--live::before {
    background: var(--_scc-success);
  }
  .lifecycle--provisioning::before {
    background: var(--_scc-primary);
  }
  .lifecycle--decommissioning::before {
    background: var(--_scc-warning);
  }
  .bu {
    color: var(--_scc-muted);
  }
  .actions {
    text-align: end;
  }
  .danger {
    color: var(--_scc-danger);
  }
  .menu {
    position: relative;
    display: none;
  }
`;
