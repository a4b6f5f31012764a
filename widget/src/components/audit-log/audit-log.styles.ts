import { css } from 'lit';

export const auditLogStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
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
  td.who {
    overflow-wrap: anywhere;
  }
  .note {
    color: var(--_scc-muted);
  }
  /* Narrow: each event a card of labelled lines, so nothing scrolls sideways. */
  @container (max-width: 40rem) {
    /* Each cell names its column itself (data-label). */
    thead {
      display: none;
    }
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    tr {
      padding: 6px 0;
      border-bottom: 1px solid var(--_scc-border);
    }
    td {
      padding: 2px 0;
      border-bottom: 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
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
