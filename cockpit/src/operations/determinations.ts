import type { Determinations, OrderDraft } from '@scc/contracts/operations';

/** An order's proposals (a deployment's approval is not an order's business). */
type OrderDeterminations = Required<Omit<Determinations, 'approvalRequired'>>;

/** A tenant a determination may propose, as the caller may see it. */
export interface TenantRef {
  id: string;
  name: string;
}

export interface OrderDeterminationFacts {
  draft: Pick<OrderDraft, 'type'>;
  businessUnitName: string;
  /** The unit's own live productive tenant of the product, if any. */
  productive: TenantRef | null;
  /** A live productive tenant of the product on a sibling unit (same parent), if any. */
  siblingProductive: TenantRef | null;
}

/**
 * Proposals for a new tenant. A non-productive tenant (test, validation, development) starts as
 * a copy of the unit's productive tenant, data and solution profile alike. A first productive
 * tenant for a subsidiary gets the configuration of its siblings' productive tenant and no data
 * of theirs. Anything else starts initial.
 */
export function determineOrder(facts: OrderDeterminationFacts): OrderDeterminations {
  const name = {
    value: `${facts.businessUnitName} ${facts.draft.type}`,
    reason: 'Business unit and tenant type.',
  };
  if (facts.draft.type !== 'productive' && facts.productive) {
    const reason = `The productive tenant ${facts.productive.name} is the usual source of a ${facts.draft.type} tenant.`;
    return {
      applicationDataSourceTenantId: { value: facts.productive.id, reason },
      solutionProfileSourceTenantId: { value: facts.productive.id, reason },
      name,
    };
  }
  if (facts.draft.type === 'productive' && !facts.productive && facts.siblingProductive) {
    return {
      applicationDataSourceTenantId: { value: null, reason: 'A new subsidiary starts without another unit’s data.' },
      solutionProfileSourceTenantId: {
        value: facts.siblingProductive.id,
        reason: `Same configuration as the sibling unit’s productive tenant ${facts.siblingProductive.name}.`,
      },
      name,
    };
  }
  const none = { value: null, reason: 'No tenant to start from: an initial tenant.' };
  return { applicationDataSourceTenantId: none, solutionProfileSourceTenantId: none, name };
}

/** The client's choice where it made one (`null` meaning none), the proposal otherwise. */
export function effectiveOrder(
  draft: OrderDraft,
  determinations: OrderDeterminations,
): { name: string; applicationDataSourceTenantId: string | null; solutionProfileSourceTenantId: string | null } {
  return {
    name: draft.name ?? determinations.name.value,
    applicationDataSourceTenantId:
      draft.applicationDataSourceTenantId === undefined
        ? determinations.applicationDataSourceTenantId.value
        : draft.applicationDataSourceTenantId,
    solutionProfileSourceTenantId:
      draft.solutionProfileSourceTenantId === undefined
        ? determinations.solutionProfileSourceTenantId.value
        : draft.solutionProfileSourceTenantId,
  };
}
