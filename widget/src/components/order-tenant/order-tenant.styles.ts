import { css } from 'lit';

export const orderTenantStyles = css`
  :host {
    display: inline-block;
  }
  .proposal {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_scc-space);
  }
  .actions .hint {
    margin-inline-end: auto;
    align-self: center;
  }
`;
