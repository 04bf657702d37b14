/**
 * What the extractors know without an org: platform namespaces and classes (never calls into the org's
 * code), primitive and collection types, and which type names are SObjects. All lookups are lower-case.
 */

/** Qualifiers that are platform namespaces or static platform classes: `System.debug`, `Database.query`. */
const SYSTEM_NAMESPACES = new Set([
  'apexpages', 'approval', 'assert', 'auth', 'blob', 'boolean', 'cache', 'canvas', 'commercepayments',
  'connectapi', 'continuation', 'crypto', 'database', 'datacloud', 'date', 'datetime', 'decimal', 'dom',
  'double', 'encodingutil', 'eventbus', 'featuremanagement', 'flow', 'formula', 'http', 'id', 'integer',
  'invocable', 'json', 'kbmanagement', 'label', 'limits', 'list', 'long', 'map', 'math', 'messaging',
  'metadata', 'network', 'object', 'pattern', 'process', 'quickaction', 'reflection', 'request', 'schema',
  'search', 'security', 'set', 'site', 'slack', 'sobject', 'string', 'system', 'test', 'time', 'trigger',
  'txnsecurity', 'type', 'url', 'userinfo', 'usermanagement', 'wave', 'webservicecallout', 'lxscheduler',
  'functions', 'territorymgmt', 'dataweave', 'visualeditor', 'sfc', 'support', 'communities',
]);

/** Primitive, collection and common platform classes (instances of these never call org code). */
const BUILTIN_TYPES = new Set([
  'blob', 'boolean', 'date', 'datetime', 'decimal', 'double', 'id', 'integer', 'long', 'object', 'string',
  'time', 'list', 'set', 'map', 'iterable', 'iterator', 'sobject', 'sobjecttype', 'sobjectfield', 'type',
  'http', 'httprequest', 'httpresponse', 'httpcalloutmock', 'webservicemock', 'jsongenerator', 'jsonparser',
  'jsontoken', 'pattern', 'matcher', 'pagereference', 'savepoint', 'url', 'xmlstreamreader',
  'xmlstreamwriter', 'queueablecontext', 'schedulablecontext', 'finalizercontext', 'batchablecontext',
  'querylocator', 'querylocatoriterator', 'saveresult', 'upsertresult', 'deleteresult', 'undeleteresult',
  'mergeresult', 'emptyrecyclebinresult', 'leadconvert', 'leadconvertresult', 'describesobjectresult',
  'describefieldresult', 'fieldset', 'fieldsetmember', 'picklistentry', 'recordtypeinfo', 'childrelationship',
  'selectoption', 'standardcontroller', 'standardsetcontroller', 'componentcontroller', 'cookie',
  'restrequest', 'restresponse', 'restcontext', 'singleemailmessage', 'massemailmessage',
  'emailfileattachment', 'inboundemail', 'inboundenvelope', 'inboundemailresult', 'sendemailresult',
  'messaging', 'triggeroperation', 'accesstype', 'sobjectaccessdecision', 'logginglevel', 'version', 'uuid',
  'callable', 'comparable', 'comparator', 'queueable', 'schedulable', 'finalizer', 'exception', 'address',
  'location', 'approvalresult', 'processsubmitrequest', 'processworkitemrequest', 'processresult',
  'dmloptions', 'assignmentruleheader', 'emailheader', 'duplicateresult', 'matchresult', 'matchrecord',
  'error', 'xmlnode', 'limits', 'system', 'database', 'schema', 'json', 'math', 'crypto', 'encodingutil',
]);

/** Custom and platform SObject suffixes: custom objects, events, metadata types, external and big objects. */
const SOBJECT_SUFFIX = /__(c|e|mdt|x|b|share|history|feed|kav|ka|changeevent|chn|dlm|dll|dlo|hd|p|tag|vote|viewstat)$/i;

/** Standard objects commonly used in Apex. Record types outside this list need a `__` suffix to be recognised. */
const STANDARD_SOBJECTS = new Set([
  'account', 'accountcontactrelation', 'accountcontactrole', 'accounthistory', 'accountpartner',
  'accountshare', 'accountteammember', 'actionplan', 'activityhistory', 'additionalnumber', 'announcement',
  'apexclass', 'apexlog', 'apexpage', 'apextestresult', 'apextrigger', 'appointmentassignmentpolicy', 'asset',
  'assetrelationship', 'assignedresource', 'assignmentrule', 'asyncapexjob', 'attachment',
  'authorizationform', 'authorizationformconsent', 'businesshours', 'businessprocess', 'campaign',
  'campaignmember', 'campaignmemberstatus', 'case', 'casecomment', 'casecontactrole', 'casehistory',
  'casemilestone', 'caseshare', 'caseteammember', 'casesolution', 'collaborationgroup',
  'collaborationgroupmember', 'contact', 'contacthistory', 'contactpointaddress', 'contactpointemail',
  'contactpointphone', 'contactpointtypeconsent', 'contactshare', 'contentasset', 'contentdocument',
  'contentdocumentlink', 'contentnote', 'contentversion', 'contentworkspace', 'contract',
  'contractcontactrole', 'contractlineitem', 'crontrigger', 'datausepurpose', 'dandbcompany', 'document',
  'duplicaterecordset', 'duplicaterecorditem', 'emailmessage', 'emailmessagerelation', 'emailtemplate',
  'entitlement', 'entitlementcontact', 'entitysubscription', 'event', 'eventrelation', 'feedcomment',
  'feeditem', 'fiscalyearsettings', 'folder', 'group', 'groupmember', 'holiday', 'idea', 'individual',
  'knowledgearticle', 'knowledgearticleversion', 'lead', 'leadhistory', 'leadshare', 'leadstatus',
  'listemail', 'maintenanceasset', 'maintenanceplan', 'messagingsession', 'messagingenduser', 'milestonetype',
  'note', 'operatinghours', 'opportunity', 'opportunitycontactrole', 'opportunityfieldhistory',
  'opportunityhistory', 'opportunitylineitem', 'opportunitylineitemschedule', 'opportunitypartner',
  'opportunityshare', 'opportunitysplit', 'opportunitystage', 'opportunityteammember', 'order', 'orderitem',
  'orgwideemailaddress', 'organization', 'partner', 'period', 'permissionset', 'permissionsetassignment',
  'permissionsetgroup', 'permissionsetlicenseassign', 'pricebook2', 'pricebookentry', 'processinstance',
  'processinstanceworkitem', 'product2', 'productconsumed', 'productitem', 'productrequest',
  'productrequestlineitem', 'productrequired', 'producttransfer', 'profile', 'queuesobject', 'quote',
  'quotelineitem', 'recordtype', 'resourceabsence', 'returnorder', 'returnorderlineitem',
  'serviceappointment', 'servicecontract', 'serviceresource', 'serviceresourceskill', 'serviceterritory',
  'serviceterritorymember', 'site', 'skill', 'skillrequirement', 'solution', 'staticresource', 'task',
  'taskrelation', 'territory2', 'timesheet', 'timesheetentry', 'topic', 'topicassignment', 'user',
  'userlicense', 'userrole', 'usershare', 'userterritory2association', 'voicecall', 'workorder',
  'workorderlineitem', 'worktype', 'worktypegroup', 'objectterritory2association', 'cronjobdetail',
  'loginhistory', 'setupauditrail', 'platformstatusalertevent', 'batchapexerrorevent',
  'flowexecutionerrorevent',
]);

export function isSystemNamespace(name: string): boolean {
  return SYSTEM_NAMESPACES.has(name.toLowerCase());
}

/** Primitive, collection, platform class, exception or any `Namespace.Type` under a platform namespace. */
export function isBuiltinTypeName(name: string): boolean {
  const lowerName = name.toLowerCase();
  if (BUILTIN_TYPES.has(lowerName)) return true;
  const dot = lowerName.indexOf('.');
  if (dot !== -1) {
    const namespace = lowerName.slice(0, dot);
    if (namespace === 'schema') return !isSObjectTypeName(name.slice(dot + 1)) && lowerName.slice(dot + 1) !== 'sobject';
    if (SYSTEM_NAMESPACES.has(namespace)) return true;
  }
  return lowerName.endsWith('exception') && !lowerName.includes('__');
}

/** A type name that is an SObject: a known standard object or a custom/platform suffix (`__c`, `__e`, ...). */
export function isSObjectTypeName(name: string): boolean {
  const lowerName = name.toLowerCase();
  const bare = lowerName.startsWith('schema.') ? lowerName.slice(7) : lowerName;
  if (bare.includes('.')) return false;
  return SOBJECT_SUFFIX.test(bare) || STANDARD_SOBJECTS.has(bare);
}
