import { css } from 'lit';

export const auditLogStyles = css`
  h2 {
    margin: 0 0 var(--_scc-space);
    font-size: 1.143em;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_scc-space);
    margin-bottom: var(--_scc-space);
  }
  label {
    display: grid;
    gap: 2px;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 6px var(--_scc-space);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_scc-border);
  }
  th {
    font-weight: 600;
    white-space: nowrap;
  }
  td.when {
    white-space: nowrap;
  }
  .change {
    margin: 0;
    padding: 0;
    list-style: none;
    overflow-wrap: anywhere;
  }
  .note {
    color: var(--_scc-muted);
  }
  .error {
    color: var(--_scc-danger);
  }
  .more {
    display: flex;
    align-items: center;
    gap: var(--_scc-space);
    margin-top: var(--_scc-space);
  }
`;
