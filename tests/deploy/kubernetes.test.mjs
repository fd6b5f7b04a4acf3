// deploy/k8s: every overlay renders with `kubectl kustomize`, every object is valid by the
// Kubernetes OpenAPI schemas (offline, lib/kubernetes.mjs), and the objects fit together.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { documentedKeys, read, services, sourceDir } from "./lib/repo.mjs";
import { schemaProblems } from "./lib/kubernetes.mjs";

// kubectl 1.21+ embeds kustomize v4+, which these files need (Debian 12's kubectl 1.20 does not).
function kustomizeMajor() {
  try {
    const version = JSON.parse(execFileSync("kubectl", ["version", "--client", "-o", "json"], { encoding: "utf8" }));
    return Number(/^v(\d+)/.exec(version.kustomizeVersion ?? "")?.[1] ?? 0);
  } catch {
    return -1;
  }
}
const major = kustomizeMajor();
if (major < 4) {
  console.log(major < 0 ? "SKIPPED: kubectl is not installed" : "SKIPPED: kubectl is older than 1.21 (its kustomize is older than v4)");
  process.exit(77);
}

const overlays = ["dev", "prod"];
// Objects the operators create (prod) and the Secrets the operator of the cluster creates by hand.
const external = {
  dev: new Set(["Secret/ml-connector-tls"]),
  prod: new Set(["Secret/ml-database-app", "Secret/ml-rabbitmq-default-user", "Secret/shipstation-ingest-secrets",
    "Secret/qbwc-gateway-secrets", "Secret/ml-connector-tls"]),
};
// Custom resources: their published CRD schemas are not available offline (see docs/deploy.md).
const operatorKinds = new Map([
  ["rabbitmq.com/v1beta1 RabbitmqCluster", (o) => assert.equal(o.spec.replicas, 3, "three RabbitMQ nodes")],
  ["postgresql.cnpg.io/v1 Cluster", (o) => assert.equal(o.spec.instances, 3, "three PostgreSQL instances")],
]);

function render(overlay) {
  const dir = path.join(sourceDir, "deploy/k8s/overlays", overlay);
  const yaml = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return parseAllDocuments(yaml).map((d) => d.toJS());
}

const rendered = Object.fromEntries(overlays.map((o) => [o, render(o)]));
const ofKind = (objects, kind) => objects.filter((o) => o.kind === kind);
const id = (o) => `${o.kind}/${o.metadata.name}`;
const matches = (selector, labels) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const podSpecs = (objects) => [...ofKind(objects, "Deployment"), ...ofKind(objects, "StatefulSet"), ...ofKind(objects, "Job")]
  .map((o) => [o, o.spec.template.spec]);

for (const overlay of overlays) {
  const objects = rendered[overlay];
  const names = new Set(objects.map(id));
  const deployments = ofKind(objects, "Deployment");

  test(`${overlay}: every object is valid by the Kubernetes OpenAPI schemas, unknown fields included`, () => {
    const problems = [];
    for (const object of objects) {
      const key = `${object.apiVersion} ${object.kind}`;
      if (operatorKinds.has(key)) continue;
      // kustomize wraps base64 at 70 columns; the API server ignores the line breaks.
      const normalized = object.kind === "Secret" && object.data
        ? { ...object, data: Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, v.replace(/\s/g, "")])) }
        : object;
      for (const problem of schemaProblems(normalized)) problems.push(`${id(object)}: ${problem}`);
    }
    assert.deepEqual(problems, []);
  });

  test(`${overlay}: the operator resources have the fields we rely on (no CRD schema offline)`, () => {
    for (const object of objects) {
      const check = operatorKinds.get(`${object.apiVersion} ${object.kind}`);
      if (check) check(object);
    }
    const kinds = objects.map((o) => `${o.apiVersion} ${o.kind}`).filter((k) => operatorKinds.has(k));
    assert.deepEqual(kinds.sort(), overlay === "prod" ? [...operatorKinds.keys()].sort() : []);
  });

  test(`${overlay}: the four services run from the ml-connector image with their own command`, () => {
    for (const name of services) {
      const deployment = deployments.find((d) => d.metadata.name === name);
      assert.ok(deployment, `Deployment ${name}`);
      const [container] = deployment.spec.template.spec.containers;
      assert.match(container.image, /(^|\/)ml-connector:/);
      assert.deepEqual(container.args, [name]);
    }
  });

  test(`${overlay}: every service has liveness and readiness probes on /healthz and /readyz, and resources`, () => {
    for (const deployment of deployments) {
      const [c] = deployment.spec.template.spec.containers;
      assert.equal(c.livenessProbe?.httpGet?.path, "/healthz", deployment.metadata.name);
      assert.equal(c.readinessProbe?.httpGet?.path, "/readyz", deployment.metadata.name);
      assert.ok(c.resources?.requests?.memory && c.resources?.limits?.memory, deployment.metadata.name);
    }
  });

  test(`${overlay}: our pods run as non-root with a read-only root file system and no privileges`, () => {
    for (const [owner, spec] of podSpecs(objects).filter(([o]) => o.kind !== "StatefulSet")) {
      assert.equal(spec.securityContext?.runAsNonRoot, true, id(owner));
      for (const c of spec.containers) {
        assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${id(owner)} ${c.name}`);
        assert.equal(c.securityContext?.allowPrivilegeEscalation, false, `${id(owner)} ${c.name}`);
        assert.deepEqual(c.securityContext?.capabilities?.drop, ["ALL"], `${id(owner)} ${c.name}`);
      }
    }
  });

  test(`${overlay}: every ConfigMap and Secret a pod refers to is rendered or created outside (operators, by hand)`, () => {
    const missing = [];
    for (const [owner, spec] of podSpecs(objects)) {
      const refs = [];
      for (const c of spec.containers) {
        for (const e of c.envFrom ?? []) refs.push(e.configMapRef ? `ConfigMap/${e.configMapRef.name}` : `Secret/${e.secretRef.name}`);
        for (const e of c.env ?? []) {
          if (e.valueFrom?.secretKeyRef) refs.push(`Secret/${e.valueFrom.secretKeyRef.name}`);
          if (e.valueFrom?.configMapKeyRef) refs.push(`ConfigMap/${e.valueFrom.configMapKeyRef.name}`);
        }
      }
      for (const v of spec.volumes ?? []) if (v.configMap) refs.push(`ConfigMap/${v.configMap.name}`);
      for (const ref of refs) if (!names.has(ref) && !external[overlay].has(ref)) missing.push(`${id(owner)} -> ${ref}`);
    }
    for (const ingress of ofKind(objects, "Ingress"))
      for (const tls of ingress.spec.tls) if (!names.has(`Secret/${tls.secretName}`) && !external[overlay].has(`Secret/${tls.secretName}`)) missing.push(`${id(ingress)} -> Secret/${tls.secretName}`);
    assert.deepEqual(missing, []);
  });

  test(`${overlay}: every environment variable a service is given is in its configuration reference`, (t) => {
    const configMaps = new Map(ofKind(objects, "ConfigMap").map((c) => [c.metadata.name, Object.keys(c.data ?? {})]));
    const secretKeys = new Map(ofKind(objects, "Secret").map((s) => [s.metadata.name, Object.keys({ ...s.data, ...s.stringData })]));
    for (const name of services) {
      const known = documentedKeys(name);
      if (!known) {
        t.diagnostic(`SKIPPED for ${name}: docs/configuration-${name}.md does not exist yet`);
        continue;
      }
      const [c] = deployments.find((d) => d.metadata.name === name).spec.template.spec.containers;
      const keys = [...(c.env ?? []).map((e) => e.name).filter((k) => k.startsWith("ML_"))];
      for (const e of c.envFrom ?? []) keys.push(...(e.configMapRef ? configMaps.get(e.configMapRef.name) : secretKeys.get(e.secretRef.name)) ?? []);
      assert.deepEqual(keys.filter((k) => !known.has(k)), [], `${name}: not in docs/service.md, docs/configuration.md or docs/configuration-${name}.md`);
    }
  });

  test(`${overlay}: every Deployment has a Service, a PodDisruptionBudget and a NetworkPolicy selecting its pods`, () => {
    for (const deployment of deployments) {
      const labels = deployment.spec.template.metadata.labels;
      const name = deployment.metadata.name;
      assert.ok(ofKind(objects, "Service").some((s) => matches(s.spec.selector, labels)), `Service for ${name}`);
      assert.ok(ofKind(objects, "PodDisruptionBudget").some((p) => matches(p.spec.selector.matchLabels, labels)), `PDB for ${name}`);
      assert.ok(ofKind(objects, "NetworkPolicy").some((p) => matches(p.spec.podSelector.matchLabels ?? {}, labels)), `NetworkPolicy for ${name}`);
    }
  });

  test(`${overlay}: the Ingress serves /qbwc and /webhooks over TLS to the gateway and ingest Services`, () => {
    const [ingress] = ofKind(objects, "Ingress");
    const host = ingress.spec.rules[0].host;
    assert.ok(ingress.spec.tls.some((t) => t.hosts.includes(host)), "TLS for the rule's host");
    const backends = Object.fromEntries(ingress.spec.rules[0].http.paths.map((p) => [p.path, p.backend.service]));
    assert.equal(backends["/qbwc"].name, "qbwc-gateway");
    assert.equal(backends["/webhooks"].name, "shipstation-ingest");
    for (const backend of Object.values(backends)) {
      const service = ofKind(objects, "Service").find((s) => s.metadata.name === backend.name);
      assert.ok(service.spec.ports.some((p) => p.name === backend.port.name), `${backend.name} has port ${backend.port.name}`);
    }
  });

  test(`${overlay}: reconciler and qbxml-writer scale horizontally, and their Deployments leave the count to the autoscaler`, () => {
    const targets = ofKind(objects, "HorizontalPodAutoscaler").map((h) => h.spec.scaleTargetRef);
    for (const target of targets) {
      const deployment = deployments.find((d) => target.kind === "Deployment" && d.metadata.name === target.name);
      assert.ok(deployment, target.name);
      assert.equal(deployment.spec.replicas, undefined, `${target.name} sets no replicas`);
    }
    assert.deepEqual(targets.map((t) => t.name).sort(), ["qbxml-writer", "reconciler"]);
  });

  test(`${overlay}: the RabbitMQ definitions Job mounts deploy/rabbitmq/definitions.json unchanged`, () => {
    const [job] = ofKind(objects, "Job");
    const volume = job.spec.template.spec.volumes.find((v) => v.configMap);
    const configMap = ofKind(objects, "ConfigMap").find((c) => c.metadata.name === volume.configMap.name);
    assert.equal(configMap.data["definitions.json"], read("deploy/rabbitmq/definitions.json"));
  });
}

test("dev runs PostgreSQL and RabbitMQ as single-node StatefulSets behind the Services the services use", () => {
  const sets = ofKind(rendered.dev, "StatefulSet");
  assert.deepEqual(sets.map((s) => [s.metadata.name, s.spec.replicas]).sort(), [["ml-database", 1], ["ml-rabbitmq", 1]]);
  const services = ofKind(rendered.dev, "Service").map((s) => s.metadata.name);
  for (const name of ["ml-database-rw", "ml-rabbitmq"]) assert.ok(services.includes(name), name);
});

test("the example Secrets are valid and hold every key the services take from Secrets", () => {
  const examples = parseAllDocuments(read("deploy/k8s/base/secrets.example.yaml")).map((d) => d.toJS());
  for (const secret of examples) assert.deepEqual(schemaProblems(secret), [], secret.metadata.name);
  for (const secret of ofKind(rendered.dev, "Secret").filter((s) => /-secrets-/.test(s.metadata.name))) {
    const example = examples.find((e) => secret.metadata.name.startsWith(e.metadata.name + "-"));
    assert.ok(example, `an example of ${secret.metadata.name}`);
    assert.deepEqual(Object.keys(example.stringData).sort(), Object.keys(secret.data).sort());
  }
});
