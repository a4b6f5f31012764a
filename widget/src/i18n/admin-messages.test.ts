import './de.js';
import { assertEqual } from '../../test/helpers.js';
import { adminMessagesFor, enAdmin, registerAdminLocale } from './admin-messages.js';
import { en, messagesFor, registerLocale } from './index.js';

describe('adminMessagesFor', () => {
  it('gives the locale’s messages with its admin strings', () => {
    const m = adminMessagesFor('de-CH');
    assertEqual(m.tenants, messagesFor('de').tenants);
    assertEqual(m.editUnit, 'Umbenennen oder Art ändern');
    assertEqual(
      m.moveCountsText({ businessUnits: 1, tenants: 2, users: 0, roleAssignments: 1, dataSources: 0 }).split(', ')[1],
      '2 Mandanten',
    );
    assertEqual(adminMessagesFor('en').editUnit, 'Rename or change kind');
  });

  it('falls back to English admin strings for a locale registered without them, until they come', () => {
    registerLocale('fr', { ...en, tenants: 'Locataires' });
    assertEqual(adminMessagesFor('fr').tenants, 'Locataires');
    assertEqual(adminMessagesFor('fr').save, enAdmin.save);
    registerAdminLocale('fr', { ...enAdmin, save: 'Enregistrer' });
    assertEqual(adminMessagesFor('fr').save, 'Enregistrer');
  });
});
