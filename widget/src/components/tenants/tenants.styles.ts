import { css } from 'lit';

export const tenantsStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
    align-items: end;
    margin-bottom: calc(var(--_scc-space) * 1.5);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .search {
    flex: 1 1 12em;
  }
  input,
  select {
    font: inherit;
    font-size: var(--_scc-font-size);
    min-width: 0;
    max-width: 100%;
    padding: 5px 8px;
    color: var(--_scc-text);
    background: var(--_scc-surface);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
    align-items: center;
    justify-content: space-between;
    margin-top: var(--_scc-space);
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .more button {
    font: inherit;
    padding: 5px 12px;
    color: var(--_scc-text);
    background: var(--_scc-surface);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    cursor: pointer;
  }
`;
