import { css } from 'lit';

export const businessUnitSearchStyles = css`
  :host {
    margin-bottom: var(--_scc-space);
  }
  input {
    width: 100%;
  }
  .results {
    list-style: none;
    margin: 4px 0 0;
    padding: 0;
    max-height: 280px;
    overflow: auto;
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  [part='search-result'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    border: 0;
    border-radius: 0;
    background: none;
    text-align: start;
  }
  [part='search-result']:hover {
    background: var(--_scc-hover);
  }
  .path,
  .note {
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .note {
    margin: 4px 2px;
  }
`;
