import { css } from 'lit';

export const businessUnitAdminStyles = css`
  section {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
    margin-bottom: calc(var(--_scc-space) * 2);
  }
  details {
    flex: 1 1 220px;
    padding: var(--_scc-space);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  details[open] {
    flex-basis: 100%;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  form,
  .form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_scc-space);
    margin-top: var(--_scc-space);
  }
  p {
    flex-basis: 100%;
    margin: 0;
  }
  ul.error {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: 18px;
  }
`;
