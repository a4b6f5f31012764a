import { css } from 'lit';

/** Buttons, fields and messages shared by the operation elements (order, terminate, pending). */
export const formStyles = css`
  button {
    font: inherit;
    font-weight: 600;
    padding: 6px 14px;
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    background: var(--_scc-surface);
    color: var(--_scc-text);
    cursor: pointer;
  }
  button.primary {
    border-color: var(--_scc-primary);
    background: var(--_scc-primary);
    color: var(--_scc-on-primary);
  }
  button.danger {
    border-color: var(--_scc-danger);
    background: var(--_scc-danger);
    color: var(--_scc-on-primary);
  }
  button.link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_scc-primary);
    font-weight: 500;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: none;
    box-shadow: var(--_scc-focus);
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
    font-size: 0.929em;
  }
  input,
  select {
    font: inherit;
    font-weight: 400;
    padding: 6px 8px;
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    background: var(--_scc-surface);
    color: var(--_scc-text);
  }
  .hint {
    font-weight: 400;
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_scc-space);
  }
  .notes {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 4px;
  }
  .notes li {
    padding: 6px 10px;
    border-radius: var(--_scc-radius);
    border-inline-start: 3px solid var(--_scc-warning);
    background: color-mix(in srgb, var(--_scc-warning) 8%, var(--_scc-surface));
  }
  .notes li.blocking {
    border-color: var(--_scc-danger);
    background: color-mix(in srgb, var(--_scc-danger) 8%, var(--_scc-surface));
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: calc(var(--_scc-space) * 2.5);
    border: 1px solid var(--_scc-border);
    border-radius: calc(var(--_scc-radius) * 1.5);
    background: var(--_scc-surface);
    color: var(--_scc-text);
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.4);
  }
  form {
    display: grid;
    gap: calc(var(--_scc-space) * 1.5);
  }
  h2 {
    margin: 0;
    font-size: 1.143em;
  }
  fieldset {
    display: grid;
    gap: 4px;
    margin: 0;
    padding: var(--_scc-space) calc(var(--_scc-space) * 1.5);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  label.choice {
    display: flex;
    align-items: baseline;
    gap: var(--_scc-space);
    font-weight: 400;
    font-size: 1em;
  }
`;
