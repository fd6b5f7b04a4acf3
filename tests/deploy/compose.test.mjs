// docker-compose.yml against the Compose specification's JSON Schema, and what it wires up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { documentedKeys, read, services } from "./lib/repo.mjs";

const require = createRequire(import.meta.url);
// The Compose specification's schema (draft-07) as the dclint package ships it; its "$schema"
// spells the draft-07 address in a form Ajv does not know, so Ajv's own draft-07 is used.
const schemaFile = path.join(path.dirname(require.resolve("dclint/package.json")), "schemas/compose.schema.json");
const { $schema: _, ...composeSchema } = JSON.parse(readFileSync(schemaFile, "utf8"));
const compose = parse(read("docker-compose.yml"), { merge: true });
const envExample = read(".env.example");

const programOf = (service) => (Array.isArray(service.command) ? service.command[0] : undefined);
const isOurs = ([, service]) => String(service.image).includes("ML_IMAGE");

test("docker-compose.yml is valid by the Compose specification's JSON Schema", () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Compose durations are Go durations ("10s", "1m30s"), not ISO 8601 ones.
  ajv.addFormat("duration", /^[-+]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  const validate = ajv.compile(composeSchema);
  const valid = validate(compose);
  assert.ok(valid, ajv.errorsText(validate.errors, { separator: "\n" }));
});

test("the four services run from the ml-connector image, each with its own command", () => {
  for (const name of services) {
    const service = compose.services[name];
    assert.ok(service, `service ${name} exists`);
    assert.equal(programOf(service), name);
    assert.ok(isOurs([name, service]), `${name} uses the ml-connector image`);
  }
});

test("every service has a restart policy and, unless it is a one-shot job or the qbwc-sim loop, a health check", () => {
  for (const [name, service] of Object.entries(compose.services)) {
    assert.ok(service.restart, `${name} has a restart policy`);
    if (name === "rabbitmq-definitions" || name === "qbwc-sim") continue;
    assert.ok(service.healthcheck?.test && !service.healthcheck.disable, `${name} has a health check`);
  }
});

test("the services start after PostgreSQL and RabbitMQ are healthy and the definitions are imported", () => {
  for (const name of services) {
    const after = compose.services[name].depends_on;
    assert.deepEqual(after.postgres, { condition: "service_healthy" }, name);
    assert.deepEqual(after.rabbitmq, { condition: "service_healthy" }, name);
    assert.deepEqual(after["rabbitmq-definitions"], { condition: "service_completed_successfully" }, name);
  }
});

test("RabbitMQ has the management plugin and the definitions file is imported into it", () => {
  assert.match(compose.services.rabbitmq.image, /management/);
  assert.match(read("deploy/rabbitmq/enabled_plugins"), /rabbitmq_management/);
  const job = compose.services["rabbitmq-definitions"];
  assert.ok(job.volumes.some((v) => v.startsWith("./deploy/rabbitmq/definitions.json:")));
  assert.match(job.command.join(" "), /\/api\/definitions/);
});

test("the demo profile adds both simulators and points ingest's example configuration at the ShipStation simulator", () => {
  for (const name of ["shipstation-sim", "qbwc-sim"]) assert.deepEqual(compose.services[name]?.profiles, ["demo"], name);
  assert.match(compose.services["qbwc-sim"].command.join(" "), /qbwc-sim run --url http:\/\/qbwc-gateway:8080\/qbwc .*--every/);
  assert.match(envExample, /^ML_SHIPSTATION_BASE_URL=http:\/\/shipstation-sim:8080$/m);
});

test("every environment variable a service is given is in its configuration reference", (t) => {
  for (const [name, service] of Object.entries(compose.services).filter(isOurs)) {
    const program = programOf(service);
    if (!services.includes(program)) continue;
    const known = documentedKeys(program);
    if (!known) {
      t.diagnostic(`SKIPPED for ${name}: docs/configuration-${program}.md does not exist yet`);
      continue;
    }
    const unknown = Object.keys(service.environment).filter((key) => !known.has(key));
    assert.deepEqual(unknown, [], `${name}: not documented in docs/service.md, docs/configuration.md or docs/configuration-${program}.md`);
  }
});

test("every variable the file requires (${VAR:?…}) is in .env.example", () => {
  const required = new Set([...read("docker-compose.yml").matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]));
  const missing = [...required].filter((key) => !new RegExp(`^${key}=`, "m").test(envExample));
  assert.deepEqual(missing, []);
});

test("published ports are bound to 127.0.0.1 only", () => {
  for (const [name, service] of Object.entries(compose.services))
    for (const port of service.ports ?? []) assert.match(String(port), /^127\.0\.0\.1:/, name);
});
