import './de.js';
import { assertEqual } from '../../test/helpers.js';
import { en, messagesFor, registerLocale } from './index.js';
import { enOperations, operationMessagesFor, registerOperationLocale } from './operation-messages.js';

describe('operationMessagesFor', () => {
  it('gives the locale’s messages with its operation strings', () => {
    const m = operationMessagesFor('de-AT');
    assertEqual(m.tenants, messagesFor('de').tenants);
    assertEqual(m.ops.orderTenant, 'Mandant bestellen');
    assertEqual(operationMessagesFor('en').ops.orderTenant, 'Order tenant');
  });

  it('falls back to English operation strings for a locale registered without them, until they come', () => {
    registerLocale('fr', { ...en, tenants: 'Locataires' });
    const before = operationMessagesFor('fr');
    assertEqual(before.tenants, 'Locataires');
    assertEqual(before.ops, enOperations);
    registerOperationLocale('fr', { ...enOperations, order: 'Commander' });
    assertEqual(operationMessagesFor('fr').ops.order, 'Commander');
  });
});
