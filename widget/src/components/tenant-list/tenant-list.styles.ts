import { css } from 'lit';

export const tenantListStyles = css`
  .scroll {
    overflow-x: auto;
    border-radius: var(--_scc-radius);
    outline: none;
  }
  .scroll:focus-visible {
    box-shadow: var(--_scc-focus);
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
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_scc-subtle);
    color: var(--_scc-muted);
    font-size: 0.786em;
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    white-space: nowrap;
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
  tbody th,
  tbody td:first-child {
    border-inline-start: 1px solid var(--_scc-border);
  }
  tbody td:last-child {
    border-inline-end: 1px solid var(--_scc-border);
  }
  tbody tr:last-child > * {
    border-bottom: 1px solid var(--_scc-border);
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
  tbody th {
    min-width: 11em;
    font-weight: 600;
  }
  .name {
    display: block;
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
    white-space: nowrap;
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
    white-space: nowrap;
  }
  .lifecycle::before {
    content: '';
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
  button {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_scc-danger);
    cursor: pointer;
    white-space: nowrap;
  }
  button:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
`;
