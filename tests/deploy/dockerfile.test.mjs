// deploy/Dockerfile: passes the linter of dockerfile-utils and has the shape docs/deploy.md promises.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";
import { read, services } from "./lib/repo.mjs";

const text = read("deploy/Dockerfile");
const dockerfile = DockerfileParser.parse(text);
const stages = dockerfile.getFROMs().map((from) => from.getImageName() + ":" + from.getImageTag());
const runtimeInstructions = () => {
  const all = dockerfile.getInstructions();
  const lastFrom = all.map((i) => i.getKeyword()).lastIndexOf("FROM");
  return all.slice(lastFrom);
};

test("the Dockerfile passes the linter without a problem", () => {
  const problems = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  assert.deepEqual(problems, []);
});

test("it builds on Debian 12 and runs on Debian 12 slim", () => {
  assert.deepEqual(stages, ["debian:12", "debian:12-slim"]);
});

test("the runtime stage runs as an unprivileged numeric user", () => {
  const users = runtimeInstructions().filter((i) => i.getKeyword() === "USER");
  assert.equal(users.length, 1);
  const [user] = users[0].getArgumentsContent().split(":");
  assert.match(user, /^[1-9][0-9]*$/, "numeric, so Kubernetes can check runAsNonRoot");
});

test("the image has a health check", () => {
  assert.equal(runtimeInstructions().filter((i) => i.getKeyword() === "HEALTHCHECK").length, 1);
});

test("the image carries the four services", () => {
  for (const program of services) assert.match(text, new RegExp(`\\b${program}\\b`), program);
});

test("the build stage installs every library scripts/setup installs", () => {
  const setup = read("scripts/setup");
  const libraries = setup.match(/# libraries\n([\s\S]*?)\n\s*#/)[1].trim().split(/\s+/);
  const missing = libraries.filter((p) => !new RegExp(`\\s${p.replace(/[+.]/g, "\\$&")}(\\s|$)`).test(text));
  assert.deepEqual(missing, []);
});
