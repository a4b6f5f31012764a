import { css } from 'lit';

export const approvalsStyles = css`
  section,
  ul {
    display: grid;
    gap: var(--_scc-space);
  }
  h2 {
    font-size: 0.786em;
    text-transform: uppercase;
    color: var(--_scc-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .approval {
    display: grid;
    gap: 4px var(--_scc-space);
    padding: var(--_scc-space) calc(var(--_scc-space) * 1.5);
    border: 1px solid var(--_scc-border);
    border-radius: var(--_scc-radius);
  }
  .comment {
    display: grid;
    gap: 2px;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_scc-space);
    justify-content: flex-end;
  }
`;
