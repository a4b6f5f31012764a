import { css } from 'lit';

export const copyDialogStyles = css`
  fieldset {
    gap: var(--_scc-space);
  }
  .candidates {
    display: grid;
    gap: 4px;
    max-height: 12rem;
    overflow-y: auto;
  }
  .checks li.passed {
    border-color: var(--_scc-success);
    background: none;
  }
  .verdict {
    font-weight: 600;
  }
  .warning {
    margin: 0;
    padding: 6px 10px;
    border-radius: var(--_scc-radius);
    border-inline-start: 3px solid var(--_scc-danger);
    background: color-mix(in srgb, var(--_scc-danger) 8%, var(--_scc-surface));
    font-weight: 600;
  }
  .overwrites h3 {
    margin: 0;
    font-size: 1em;
  }
  .changes {
    max-height: 10rem;
    overflow-y: auto;
    margin: 0;
    padding-inline-start: 1.2em;
    font-size: 0.9em;
  }
  .changes ins {
    text-decoration: none;
    font-weight: 600;
  }
  .actions .hint {
    margin-inline-end: auto;
    align-self: center;
  }
`;
