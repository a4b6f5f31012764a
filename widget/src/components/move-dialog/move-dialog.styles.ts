import { css } from 'lit';

export const moveDialogStyles = css`
  p {
    margin: var(--_scc-space) 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: var(--_scc-space) 0;
  }
  dt {
    color: var(--_scc-muted);
  }
  dd {
    margin: 0;
  }
  table {
    border-collapse: collapse;
    margin: var(--_scc-space) 0;
  }
  caption {
    text-align: start;
  }
  th,
  td {
    padding-inline-end: 12px;
  }
  .actions {
    display: flex;
    gap: var(--_scc-space);
  }
`;
