import { css } from 'lit';

/** The breadcrumbs `SelectionController.renderBreadcrumbs` draws, in the shell and in `<scc-hierarchy>`. */
export const breadcrumbsStyles = css`
  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0 0 var(--_scc-space);
    padding: 0;
    list-style: none;
    font-size: 0.857em;
    color: var(--_scc-muted);
  }
  .crumbs li + li::before {
    content: '›';
    margin-inline-end: 4px;
  }
  .crumbs button {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: var(--_scc-primary);
    cursor: pointer;
  }
`;
