import { css } from 'lit';

export const transportDialogStyles = css`
  dialog {
    width: min(48rem, calc(100vw - 2rem));
  }
  fieldset {
    gap: var(--_scc-space);
  }
  .pair {
    display: grid;
    grid-template-columns: 1fr auto 1fr;
    align-items: end;
  }
  .swap {
    padding: 6px 10px;
  }
  .modes {
    display: grid;
    gap: 4px;
  }
  .scroll {
    max-height: 18rem;
    overflow: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.929em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 4px 8px;
    border-bottom: 1px solid var(--_scc-border);
  }
  thead th {
    color: var(--_scc-muted);
    font-weight: 600;
  }
  code,
  pre {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  pre {
    margin: 4px 0 0;
    max-height: 20rem;
    overflow: auto;
    white-space: pre-wrap;
  }
  .absent {
    color: var(--_scc-muted);
    font-style: italic;
  }
  .op--added {
    color: var(--_scc-success);
  }
  .op--removed,
  .blocking-text {
    color: var(--_scc-danger);
    font-weight: 600;
  }
  .conflict {
    display: grid;
    gap: 6px;
    padding: 8px;
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  .conflict.open {
    border-inline-start: 3px solid var(--_scc-danger);
  }
  .sides {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 8px;
  }
  .side {
    display: grid;
    gap: 2px;
  }
  .resolutions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    align-items: center;
  }
  .approval {
    margin: 0;
    padding: 6px 10px;
    border-radius: var(--_scc-radius);
    border-inline-start: 3px solid var(--_scc-danger);
    background: color-mix(in srgb, var(--_scc-danger) 8%, var(--_scc-surface));
    font-weight: 600;
  }
  .row-actions > span {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
  }
  .row-actions button {
    min-height: 24px;
  }
  .actions .hint {
    margin-inline-end: auto;
    align-self: center;
  }
`;
