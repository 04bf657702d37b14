import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/**
 * What real repositories and org backups carry besides the metadata the review reads: LWC and Aura
 * bundles with their tests and lint configs, static resources, layouts, labels, reports, translations,
 * custom metadata records, OS and editor files, backup copies, a manifest, a type SDR does not know.
 * Written into `dir` (a package directory's main/default folder). Returns the files that are not
 * metadata, which a review must report (and nothing else).
 */
export function addRealRepoShapes(dir: string): { junk: string[]; unknown: string[] } {
  const write = (path: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  const meta = (root: string, body = ''): string => `${XML}\n<${root} ${NS}>${body}</${root}>\n`;
  write('lwc/accountCard/accountCard.js', "import { LightningElement } from 'lwc';\nexport default class AccountCard extends LightningElement {}\n");
  write('lwc/accountCard/accountCard.html', '<template><p>Account</p></template>\n');
  write('lwc/accountCard/accountCard.js-meta.xml', meta('LightningComponentBundle', '<apiVersion>62.0</apiVersion><isExposed>false</isExposed>'));
  write('lwc/accountCard/__tests__/accountCard.test.js', "describe('c-account-card', () => {});\n");
  write('lwc/jsconfig.json', '{"compilerOptions":{"experimentalDecorators":true}}\n');
  write('lwc/.eslintrc.json', '{"extends":["@salesforce/eslint-config-lwc/recommended"]}\n');
  write('aura/LegacyCard/LegacyCard.cmp', '<aura:component></aura:component>\n');
  write('aura/LegacyCard/LegacyCard.cmp-meta.xml', meta('AuraDefinitionBundle', '<apiVersion>62.0</apiVersion>'));
  write('aura/LegacyCard/LegacyCardController.js', '({ init: function () {} })\n');
  write('staticresources/chartlib.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe]));
  write('staticresources/chartlib.resource-meta.xml', meta('StaticResource', '<cacheControl>Public</cacheControl><contentType>application/zip</contentType>'));
  write('layouts/Account-Account Layout.layout-meta.xml', meta('Layout', '<layoutSections><style>TwoColumnsTopToBottom</style></layoutSections>'));
  write('labels/CustomLabels.labels-meta.xml', meta('CustomLabels', '<labels><fullName>Greeting</fullName><language>en_US</language><protected>false</protected><shortDescription>g</shortDescription><value>Hi</value></labels>'));
  write('reports/Sales/Pipeline.report-meta.xml', meta('Report', '<name>Pipeline</name><format>Tabular</format><reportType>Opportunity</reportType>'));
  write('reports/Sales.reportFolder-meta.xml', meta('ReportFolder', '<name>Sales</name><accessType>Public</accessType>'));
  write('objectTranslations/Account-de/Account-de.objectTranslation-meta.xml', meta('CustomObjectTranslation'));
  write('translations/de.translation-meta.xml', meta('Translations'));
  write('remoteSiteSettings/Billing.remoteSite-meta.xml', meta('RemoteSiteSetting', '<isActive>true</isActive><url>https://billing.example.com</url>'));
  write('settings/Account.settings-meta.xml', meta('AccountSettings', '<enableAccountOwnerReport>true</enableAccountOwnerReport>'));
  write('README.md', '# Notes for admins\n');
  const junk = ['.DS_Store', 'flows/Account_Backup.flow-meta.xml.orig', 'objects/Account/fields/Old_Field__c.field-meta.xml~', 'classes/#Scratch.cls#'];
  write(junk[0]!, 'Bud1');
  write(junk[1]!, meta('Flow', '<label>Account Backup</label><processType>AutoLaunchedFlow</processType><status>Active</status>'));
  write(junk[2]!, meta('CustomField', '<fullName>Old_Field__c</fullName><label>Old</label><length>10</length><type>Text</type>'));
  write(junk[3]!, 'public class Scratch {}\n');
  const unknown = ['unknowns/thing.madeuptype-meta.xml'];
  write(unknown[0]!, meta('MadeUpType'));
  return { junk, unknown };
}
