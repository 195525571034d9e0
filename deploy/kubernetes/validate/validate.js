// Validates every Kubernetes object in the YAML read from stdin (kustomize's output, or a manifest file) against the
// Kubernetes OpenAPI schemas that npm's kubernetes-models ships (types, required fields, enums, formats; like
// kubeconform without -strict, unknown fields pass). Kinds it has no schema for (CloudNativePG's Cluster) are
// reported as skipped. Exit code 1 when an object is invalid.
//   npm ci --prefix deploy/kubernetes/validate
//   kubectl kustomize --load-restrictor LoadRestrictionsNone deploy/kubernetes | node deploy/kubernetes/validate/validate.js
const fs = require('fs');
const yaml = require('js-yaml');

let invalid = 0;
for (const doc of yaml.loadAll(fs.readFileSync(0, 'utf8')).filter(Boolean)) {
  const name = `${doc.kind} ${doc.metadata && doc.metadata.name}`;
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  let Model;
  try {
    Model = require(`kubernetes-models/${group ? group + '/' : ''}${version}/${doc.kind}`)[doc.kind];
  } catch (e) {
    console.log(`skipped ${name} (${doc.apiVersion}): no schema`);
    continue;
  }
  try {
    new Model(doc).validate();
    console.log(`valid ${name}`);
  } catch (e) {
    invalid++;
    console.log(`INVALID ${name}: ${e.message}`);
  }
}
process.exit(invalid ? 1 : 0);
