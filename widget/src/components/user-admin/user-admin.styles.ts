import { css } from 'lit';

export const userAdminStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_scc-space);
    margin-top: var(--_scc-space);
  }
  ul {
    list-style: none;
    margin: var(--_scc-space) 0 0;
    padding: 0;
  }
  .users > li {
    padding: var(--_scc-space) 0;
    border-top: 1px solid var(--_scc-border);
  }
  .roles li {
    display: flex;
    align-items: center;
    gap: var(--_scc-space);
  }
  .note {
    color: var(--_scc-muted);
  }
`;
