/**
 * The shape of the synthetic org, decided up front with one seeded PRNG: objects in a parent tree
 * (child → parent writes make chains; a few parents write back down, which makes cycles), which
 * objects carry triggers, flows, workflows, and the Apex and permission components around them.
 * Writers only render this plan, so the files follow from (scale, seed) alone.
 */
import { createRandom, share } from './random.mjs';

/** Scale 1: the "enterprise" org of the performance issue. */
export const ENTERPRISE = {
  objects: 800,
  fieldsPerObject: 50,
  flows: 2000,
  triggers: 400,
  classes: 3000,
  validationRules: 2500,
  workflows: 200,
  permissionSets: 1000,
  permissionSetGroups: 60,
  profiles: 150,
};

const STANDARD = ['Account', 'Contact', 'Opportunity', 'Case', 'Lead', 'Campaign', 'Contract', 'Order', 'Asset', 'Product2'];
const NOUNS = [
  'Invoice', 'Shipment', 'Subscription', 'Entitlement', 'Claim', 'Policy', 'Project', 'Milestone', 'Ticket', 'Warranty',
  'Quote_Line', 'Delivery', 'Booking', 'Membership', 'Payment', 'Refund', 'Territory', 'Forecast', 'Commission', 'Visit',
  'Inspection', 'Work_Item', 'Asset_Check', 'Contract_Term', 'Renewal', 'Partner_Deal', 'Vendor', 'Supplier', 'Site', 'Device',
];
export const TEAMS = ['sales-ops', 'finance-ops', 'service-ops', 'marketing-ops', 'integration-team', 'platform-team', 'data-office', 'partner-ops'];
export const SYSTEMS = ['SAP', 'Billing', 'Workday', 'Marketo', 'Snowflake', 'ServiceNow'];
const FILLER_WORDS = ['Code', 'Score', 'Date', 'Flag', 'Category', 'Total', 'Rate', 'Contact_Email', 'Label', 'Comment', 'Reference', 'Stage', 'Tier', 'Level', 'Channel'];
const FILLER_TYPES = ['Text', 'Number', 'Date', 'Checkbox', 'Picklist', 'Currency', 'Percent', 'Email', 'Formula', 'TextArea'];

/** Fields every object carries: the automation reads and writes these. */
export const FIXED_FIELDS = [
  { name: 'Status__c', type: 'Picklist', values: ['Draft', 'Active', 'On_Hold', 'Closed'] },
  { name: 'Region__c', type: 'Picklist', values: ['NA', 'EMEA', 'APJ', 'LATAM'] },
  { name: 'Amount__c', type: 'Currency' },
  { name: 'Priority_Score__c', type: 'Number' },
  { name: 'Child_Count__c', type: 'Number' },
  { name: 'Last_Synced__c', type: 'DateTime' },
  { name: 'Rollup_Status__c', type: 'Text' },
  { name: 'External_Key__c', type: 'Text', externalId: true },
  { name: 'Notes__c', type: 'LongTextArea' },
  { name: 'Is_Locked__c', type: 'Checkbox' },
];

const count = (base, scale, min = 1) => Math.max(min, Math.round(base * scale));

/** Valid Apex identifier part for an object: `Invoice_017__c` → `Invoice017`. */
const apexBase = (name) => name.replace(/__c$/, '').replace(/_/g, '');

export function planOrg(scale, seed = 42) {
  const random = createRandom(seed);
  const n = count(ENTERPRISE.objects, scale, 4);
  const description = (kind) => describe(random, kind);

  // Objects: a parent tree, most parents close by so chains run several levels deep.
  const objects = [];
  for (let index = 0; index < n; index += 1) {
    const custom = index >= STANDARD.length;
    const name = custom ? `${NOUNS[index % NOUNS.length]}_${String(index).padStart(3, '0')}__c` : STANDARD[index];
    const parent = index === 0 ? undefined : objects[Math.max(0, index - 1 - Math.floor(random.next() ** 2 * Math.min(index, 24)))];
    objects.push({ index, name, base: apexBase(name), custom, parent, children: [], fields: [], validationRules: [], description: description('object') });
  }
  for (const object of objects) object.parent?.children.push(object);

  for (const object of objects) {
    const fields = FIXED_FIELDS.map((field) => ({ ...field, description: description('field') }));
    if (object.parent) {
      fields.unshift({
        name: 'Parent_Ref__c',
        type: 'Lookup',
        referenceTo: object.parent.name,
        relationshipName: `${object.base}_Children`,
        description: description('field'),
      });
    }
    for (let k = 0; fields.length < ENTERPRISE.fieldsPerObject; k += 1) {
      const type = FILLER_TYPES[(k + object.index) % FILLER_TYPES.length];
      fields.push({ name: `${FILLER_WORDS[k % FILLER_WORDS.length]}_${k}__c`, type, description: description('field'), ...(type === 'Picklist' ? { values: ['A', 'B', 'C'] } : {}) });
    }
    object.fields = fields;
    // A few parents push values down to their children: with the children's writes up, a cycle.
    object.pushesDown = object.children.length > 0 && random.chance(0.12);
  }

  const totalRules = count(ENTERPRISE.validationRules, scale);
  objects.forEach((object, index) => {
    for (let k = 0; k < share(totalRules, n, index); k += 1) {
      object.validationRules.push({ name: `${['Amount', 'Status', 'Region', 'Lock', 'Score'][k % 5]}_Check_${k + 1}`, variant: random.int(0, 4), description: description('rule') });
    }
  });

  // Triggers on every other object first, then the rest, until the count is reached.
  const triggerCount = Math.min(n, count(ENTERPRISE.triggers, scale));
  const triggerOrder = [...objects.filter((_, i) => i % 2 === 0), ...objects.filter((_, i) => i % 2 === 1)];
  const triggerObjects = triggerOrder.slice(0, triggerCount);
  for (const object of triggerObjects) object.trigger = { guarded: random.chance(0.6), enqueues: false };

  // Flows: before save and after save on every object, subflows on the first objects.
  const flowCount = count(ENTERPRISE.flows, scale);
  const subflowCount = Math.max(0, flowCount - 2 * n);
  objects.forEach((object, index) => {
    object.flows = {
      beforeSave: { name: `${object.base}_Before_Save_Defaults`, description: description('flow'), active: !random.chance(0.05) },
      afterSave: { name: `${object.base}_After_Save_Sync`, description: description('flow'), active: !random.chance(0.05), loopsChildren: object.children.length > 0 && random.chance(0.6), dmlInLoop: random.chance(0.03) },
      subflow: index < subflowCount ? { name: `${object.base}_Recalculate`, description: description('flow'), updatesSelf: random.chance(0.3) } : undefined,
    };
  });

  const classes = planClasses(random, scale, objects, triggerObjects);
  const workflowCount = Math.min(n, count(ENTERPRISE.workflows, scale));
  const workflows = objects.filter((_, i) => i % Math.max(1, Math.floor(n / workflowCount)) === 0).slice(0, workflowCount).map((object) => ({ object, rules: random.int(1, 3), reevaluate: random.chance(0.3), outbound: random.chance(0.25), description: description('rule') }));
  const permissions = planPermissions(random, scale, objects, classes, description);
  return { scale, seed, objects, triggerObjects, classes, workflows, ...permissions };
}

function planClasses(random, scale, objects, triggerObjects) {
  const total = count(ENTERPRISE.classes, scale, 10);
  const classes = [];
  const add = (kind, name, extra = {}) => classes.push({ kind, name, ...extra });
  const services = new Map();
  for (const object of triggerObjects) {
    add('handler', `${object.base}TriggerHandler`, { object });
    services.set(object.name, `${object.base}Service`);
  }
  const selectorCount = Math.min(triggerObjects.length, count(300, scale));
  triggerObjects.slice(0, selectorCount).forEach((object) => (object.selector = `${object.base}Selector`));
  const queueableCount = Math.min(triggerObjects.length, count(100, scale));
  triggerObjects.slice(0, queueableCount).forEach((object) => (object.queueable = { name: `${object.base}SyncQueueable`, selfChaining: random.chance(0.1) }));
  const utilities = Array.from({ length: count(150, scale) }, (_, k) => `Util${String(k).padStart(3, '0')}`);
  for (const object of triggerObjects) add('service', services.get(object.name), { object, utilities: random.sample(utilities, 2) });
  const others = objects.filter((object) => !object.trigger);
  const domainCount = Math.min(others.length, count(200, scale));
  for (const object of others.slice(0, domainCount)) {
    services.set(object.name, `${object.base}DomainService`);
    add('service', `${object.base}DomainService`, { object, utilities: random.sample(utilities, 2) });
  }
  for (const object of triggerObjects.slice(0, selectorCount)) add('selector', object.selector, { object });
  // Invocable actions, called from the after-save flow of their object.
  const invocableObjects = objects.filter((object) => services.has(object.name));
  const invocableCount = Math.min(invocableObjects.length, count(150, scale));
  for (const object of random.sample(invocableObjects, invocableCount)) {
    object.invocable = `${object.base}SyncAction`;
    add('invocable', object.invocable, { object, service: services.get(object.name) });
  }
  for (const object of triggerObjects.slice(0, queueableCount)) add('queueable', object.queueable.name, { object, selfChaining: object.queueable.selfChaining });
  utilities.forEach((name) => add('utility', name));
  // Not reached from any trigger, flow or invocable action: the bulk of a real org's Apex.
  const unreached = [
    ['batch', count(100, scale)],
    ['controller', count(300, scale)],
    ['rest', count(100, scale)],
  ];
  for (const [kind, howMany] of unreached) {
    for (let k = 0; k < howMany; k += 1) {
      const object = objects[(k * 7) % objects.length];
      const suffix = { batch: 'CleanupBatch', controller: 'Controller', rest: 'RestResource' }[kind];
      add(kind, `${object.base}${suffix}${k}`, { object, service: services.get(object.name) });
    }
  }
  const reachableServices = [...services.values()];
  for (let k = 0; classes.length < total; k += 1) {
    const object = objects[k % objects.length];
    add('test', `${object.base}Test${k}`, { object, service: reachableServices[k % reachableServices.length] });
  }
  return classes.map((cls) => ({ ...cls, padding: random.int(0, 3) }));
}

function planPermissions(random, scale, objects, classes, description) {
  const permissionSetCount = count(ENTERPRISE.permissionSets, scale, 4);
  const integrationCount = Math.max(1, Math.round(permissionSetCount * 0.04));
  const permissionSets = [];
  for (let k = 0; k < permissionSetCount; k += 1) {
    const integration = k < integrationCount;
    const system = SYSTEMS[k % SYSTEMS.length];
    const name = integration ? `${system}_Integration_${k}` : `${TEAMS[k % TEAMS.length].replace(/-/g, '_')}_Access_${k}`;
    const objectsGranted = random.sample(objects, integration ? random.int(6, 20) : random.int(2, 6));
    permissionSets.push({
      name,
      integration,
      system,
      objects: objectsGranted.map((object) => ({ object, edit: integration || random.chance(0.5), modifyAll: integration && random.chance(0.3) })),
      userPermissions: integration ? ['ApiEnabled', ...(random.chance(0.4) ? ['ModifyAllData'] : []), ...(random.chance(0.5) ? ['ViewAllData'] : [])] : random.chance(0.1) ? ['ExportReport'] : [],
      classes: random.sample(classes, random.int(0, 8)).map((cls) => cls.name),
      description: integration ? `${description('permission')} Integration user: ${system} middleware.` : description('permission'),
    });
  }
  const groupCount = count(ENTERPRISE.permissionSetGroups, scale);
  const permissionSetGroups = Array.from({ length: groupCount }, (_, k) => ({
    name: `${TEAMS[k % TEAMS.length].replace(/-/g, '_')}_Bundle_${k}`,
    permissionSets: random.sample(permissionSets, random.int(5, 25)).map((set) => set.name).sort(),
    description: description('permission'),
  }));
  const profileCount = count(ENTERPRISE.profiles, scale, 2);
  const profiles = Array.from({ length: profileCount }, (_, k) => ({
    name: k === 0 ? 'Integration Profile' : `${['Sales', 'Service', 'Finance', 'Partner', 'Marketing', 'Operations'][k % 6]} User ${k}`,
    integration: k === 0,
    editShare: random.next(),
    classes: random.sample(classes, random.int(20, 80)).map((cls) => cls.name),
    description: k === 0 ? 'Owner: integration-team. Integration user: shared API user.' : description('permission'),
  }));
  return { permissionSets, permissionSetGroups, profiles };
}

/** A description with owner and expiry tags on some components, the way teams write them. */
function describe(random, kind) {
  const parts = [];
  if (random.chance(0.6)) parts.push(`Owner: ${random.pick(TEAMS)}.`);
  if (random.chance(0.08)) parts.push(`Expires: ${2025 + random.int(0, 2)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}.`);
  if (kind === 'field' && random.chance(0.05)) parts.push(`System of record: ${random.pick(SYSTEMS)}.`);
  parts.push(random.pick(['Maintained by the platform team.', 'Used by the quarterly review.', 'Temporary workaround for the migration.', 'Feeds the downstream reporting.', 'Set by automation.']));
  return parts.join(' ');
}
