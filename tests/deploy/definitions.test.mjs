// deploy/rabbitmq/definitions.json against what the services declare at start-up: the topology
// of ml::service::topology() is declared by our own code (ml::bus::declare) into one fresh vhost,
// the definitions file is imported with `rabbitmqctl import_definitions` into another, and the
// management API must then show the same exchanges, queues (with arguments) and bindings in both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sourceDir } from "./lib/repo.mjs";

const mgmtUrl = process.env.ML_TEST_RABBIT_MGMT_URL;
const amqpUrl = process.env.ML_TEST_AMQP_URL;
const declareTool = process.env.ML_DECLARE_TOPOLOGY;
if (!mgmtUrl || !amqpUrl || !process.env.ML_SVC_DIR) {
  console.log("SKIPPED: ML_TEST_RABBIT_MGMT_URL, ML_TEST_AMQP_URL and ML_SVC_DIR are not set (scripts/test sets them)");
  process.exit(77);
}

const definitionsFile = path.join(sourceDir, "deploy/rabbitmq/definitions.json");
const suffix = `${process.pid}-${Date.now()}`;
const declaredVhost = `ml-deploy-declared-${suffix}`;
const importedVhost = `ml-deploy-imported-${suffix}`;
const broker = new URL(amqpUrl);
const credentials = `${decodeURIComponent(broker.username)}:${decodeURIComponent(broker.password)}`;
const authorization = "Basic " + Buffer.from(credentials).toString("base64");

async function api(method, resource, body) {
  const response = await fetch(new URL(`api/${resource}`, mgmtUrl), {
    method,
    headers: { authorization, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok && !(method === "DELETE" && response.status === 404))
    throw new Error(`${method} /api/${resource}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 200 ? response.json() : null;
}

const vhostPath = (vhost) => encodeURIComponent(vhost);

async function createVhost(vhost) {
  await api("PUT", `vhosts/${vhostPath(vhost)}`, {});
  const user = decodeURIComponent(broker.username);
  await api("PUT", `permissions/${vhostPath(vhost)}/${encodeURIComponent(user)}`, {
    configure: ".*", write: ".*", read: ".*",
  });
}

// The definitions file names the default vhost "/"; the copy imported here names a fresh one,
// so the test never touches the vhost other suites use.
function importIntoVhost(vhost) {
  const definitions = JSON.parse(readFileSync(definitionsFile, "utf8"));
  assert.deepEqual(definitions.vhosts, [{ name: "/" }], "the definitions file describes the default vhost only");
  const moved = JSON.stringify(definitions, (key, value) => (key === "vhost" || (key === "name" && value === "/") ? vhost : value));
  const dir = mkdtempSync(path.join(tmpdir(), "ml-deploy-definitions-"));
  const file = path.join(dir, "definitions.json");
  writeFileSync(file, moved);
  try {
    execFileSync("bash", ["-c", `. "${sourceDir}/scripts/lib/services.sh" && rabbit_env && "$RABBIT_BIN/rabbitmqctl" -q import_definitions "$1"`, "import", file],
      { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    throw new Error(`rabbitmqctl import_definitions failed: ${e.stderr}${e.stdout}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function declareWithOurCode(vhost) {
  assert.ok(declareTool, "ML_DECLARE_TOPOLOGY names the ml-deploy-declare-topology program");
  const url = new URL(amqpUrl);
  url.pathname = "/" + vhostPath(vhost);
  execFileSync(declareTool, [url.toString()], { stdio: ["ignore", "inherit", "inherit"] });
}

// What the broker holds in `vhost`, without the broker's own objects and volatile fields.
async function topologyOf(vhost) {
  const v = vhostPath(vhost);
  const exchanges = (await api("GET", `exchanges/${v}`))
    .filter((e) => e.name !== "" && !e.name.startsWith("amq."))
    .map(({ name, type, durable, auto_delete, internal, arguments: args }) => ({ name, type, durable, auto_delete, internal, arguments: args }));
  const queues = (await api("GET", `queues/${v}`))
    .map(({ name, durable, auto_delete, exclusive, arguments: args }) => ({ name, durable, auto_delete, exclusive, arguments: args }));
  const bindings = (await api("GET", `bindings/${v}`))
    .filter((b) => b.source !== "")
    .map(({ source, destination, destination_type, routing_key, arguments: args }) => ({ source, destination, destination_type, routing_key, arguments: args }));
  const policies = (await api("GET", `policies/${v}`)).map(({ name, pattern, definition, priority }) => ({ name, pattern, definition, priority }));
  const byKey = (a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return { exchanges: exchanges.sort(byKey), queues: queues.sort(byKey), bindings: bindings.sort(byKey), policies: policies.sort(byKey) };
}

let declared;
let imported;

before(async () => {
  await createVhost(declaredVhost);
  declareWithOurCode(declaredVhost);
  await createVhost(importedVhost);
  importIntoVhost(importedVhost);
  declared = await topologyOf(declaredVhost);
  imported = await topologyOf(importedVhost);
});

after(async () => {
  await api("DELETE", `vhosts/${vhostPath(declaredVhost)}`);
  await api("DELETE", `vhosts/${vhostPath(importedVhost)}`);
});

test("the definitions file has the exchanges the services declare", () => {
  assert.ok(declared.exchanges.length >= 2);
  assert.deepEqual(imported.exchanges, declared.exchanges);
});

test("the definitions file has every queue the services declare, with the same arguments", () => {
  assert.ok(declared.queues.length >= 3);
  assert.deepEqual(imported.queues, declared.queues);
});

test("every queue is a durable quorum queue; consumer queues have a delivery limit and dead-letter to ml.dlx", () => {
  for (const q of imported.queues) {
    assert.equal(q.durable, true, q.name);
    assert.equal(q.arguments["x-queue-type"], "quorum", q.name);
    if (q.name.endsWith(".dlq") || q.name.endsWith(".retry")) continue;
    assert.ok(q.arguments["x-delivery-limit"] > 0, `${q.name} has a delivery limit`);
    assert.equal(q.arguments["x-dead-letter-exchange"], "ml.dlx", q.name);
  }
});

test("the definitions file has the same bindings as the services declare", () => {
  assert.ok(declared.bindings.length >= 2);
  assert.deepEqual(imported.bindings, declared.bindings);
});

test("the definitions file adds no policy that would change what the queue arguments say", () => {
  assert.deepEqual(imported.policies, declared.policies);
});
